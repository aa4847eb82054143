package io.civicpulse.dashboard.department.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.node.ObjectNode;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import io.civicpulse.CivicPulseProperties;
import io.civicpulse.dashboard.chart.ChartOptions;
import io.civicpulse.dashboard.chart.EChart;
import io.civicpulse.dashboard.chart.ValueFormat;
import io.civicpulse.dashboard.department.DepartmentBreakdown;
import io.civicpulse.dashboard.department.DepartmentBreakdown.ChannelMix;
import io.civicpulse.dashboard.department.DepartmentBreakdown.Line;
import io.civicpulse.dashboard.export.FilteredExport;
import io.civicpulse.dashboard.export.FilteredExport.Scope;
import io.civicpulse.dashboard.export.ui.ExportLink;
import io.civicpulse.dashboard.filter.DashboardFilter;
import io.civicpulse.dashboard.filter.FilterOptions;
import io.civicpulse.dashboard.filter.ui.FilterBar;
import io.civicpulse.dashboard.format.KpiFormat;
import io.civicpulse.dashboard.format.PeriodFormat;
import io.civicpulse.dashboard.overview.ui.CityOverviewView;
import io.civicpulse.dashboard.scoreboard.KpiTile;
import io.civicpulse.dashboard.scoreboard.Scoreboard;
import io.civicpulse.dashboard.quality.DataQualityQueries;
import io.civicpulse.dashboard.security.Viewer;
import io.civicpulse.quality.DataQualityRepository.QualityRow;
import io.civicpulse.dashboard.security.ui.NotAllowed;
import io.civicpulse.dashboard.scoreboard.ScoreboardPeriod;
import io.civicpulse.dashboard.scoreboard.ui.KpiCard;
import io.civicpulse.kpi.Feed;
import io.civicpulse.kpi.Kpi;
import io.civicpulse.kpi.KpiRow;
import io.civicpulse.kpi.Slice;

import jakarta.annotation.security.RolesAllowed;

/**
 * One department: its score and KPIs with their trends, and, for the department as a whole, its services, channels
 * and districts. Everything it shows is named by the address ({@code /department?department=SAN&grain=MONTH&...});
 * choosing a service in the table or the filters drills into that service, and the path above the heading leads
 * back up to the city.
 */
@Route("department")
@Menu(title = "nav.department", order = 1, icon = "vaadin:building")
// Every role reads results; what each may see of them is the Viewer's scope (security.Viewer).
@RolesAllowed({ "LEADERSHIP", "DEPARTMENT_HEAD", "ANALYST", "ADMIN" })
public class DepartmentView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient Scoreboard scoreboard;
    private final transient DepartmentBreakdown breakdown;
    private final transient FilterOptions options;
    private final transient FilteredExport export;
    private final transient CivicPulseProperties properties;
    private final transient DataQualityQueries quality;

    final FilterBar filters = new FilterBar();
    final Nav path = new Nav();
    final Div results = new Div();
    Grid<Line> services;
    Grid<Line> districts;
    Grid<QualityRow> qualityRules;
    EChart channelMix;

    private DashboardFilter shown;

    DepartmentView(Scoreboard scoreboard, DepartmentBreakdown breakdown, FilterOptions options,
            FilteredExport export, CivicPulseProperties properties, DataQualityQueries quality) {
        this.scoreboard = scoreboard;
        this.quality = quality;
        this.export = export;
        this.breakdown = breakdown;
        this.options = options;
        this.properties = properties;
        addClassName("cp-overview");
        addClassName("cp-department");
        filters.onChange(this::show);
        path.addClassName("cp-path");
        path.getElement().setAttribute("aria-label", getTranslation("department.path"));
        results.addClassName("cp-overview__results");
        add(filters, path, results);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters query = event.getLocation().getQueryParameters();
        DashboardFilter requested = DashboardFilter.from(query);
        List<LocalDate> periods = scoreboard.periods(requested.grain());
        Optional<DashboardFilter> resolved = requested.resolve(periods);
        if (resolved.isEmpty()) {
            showNothing(getTranslation("empty.runTitle"));
            return;
        }
        List<String> departments = options.departments(requested.grain(), resolved.get().period());
        if (departments.isEmpty()) {
            showNothing(getTranslation("department.noResults"));
            return;
        }
        if (resolved.get().department() != null && !Viewer.current().maySee(resolved.get().department())) {
            // The departments offered are the viewer's own, so the fallback below shows one of theirs.
            NotAllowed.notify(resolved.get().department());
        }
        if (resolved.get().department() == null || !departments.contains(resolved.get().department())) {
            resolved = Optional.of(resolved.get().withDepartment(departments.getFirst()));
        }
        DashboardFilter filter = resolved.get();
        // The address always names the whole filter, so a copy of it shows exactly this.
        if (!filter.toQueryParameters().getParameters().equals(query.getParameters())) {
            event.forwardTo(DepartmentView.class, filter.toQueryParameters());
            return;
        }
        render(filter, periods, departments);
    }

    /**
     * Navigates, so the choice is in the address and the back button returns to the previous one. Clearing the
     * department goes up to the city, for the same period.
     */
    void show(DashboardFilter filter) {
        UI ui = getUI().orElseGet(UI::getCurrent);
        if (filter.department() == null) {
            ui.navigate(CityOverviewView.class, city(filter).toQueryParameters());
            return;
        }
        ui.navigate(DepartmentView.class, filter.normalized().toQueryParameters());
    }

    private void showNothing(String message) {
        shown = null;
        filters.setVisible(false);
        results.removeAll();
        Paragraph nothing = new Paragraph(message);
        nothing.addClassName("cp-empty");
        results.add(nothing);
    }

    private void render(DashboardFilter filter, List<LocalDate> periods, List<String> departments) {
        shown = filter;
        KpiFormat format = KpiFormat.of(getLocale());
        PeriodFormat periodFormat = PeriodFormat.of(getLocale());
        int minCellSize = properties.privacy().minCellSize();

        filters.setVisible(true);
        filters.setOptions(departments, options.services(filter.grain(), filter.period(), filter.department()),
                options.channels(filter.grain(), filter.period()), options.districts(filter.grain(), filter.period()));
        filters.show(filter, periods);
        renderPath(filter);

        results.removeAll();
        H2 heading = new H2(filter.department() + " · " + periodFormat.label(filter.grain(), filter.period()));
        heading.addClassName("cp-overview__heading");
        Paragraph scope = new Paragraph(scope(filter));
        scope.addClassName("cp-overview__scope");
        Scope exportScope = filter.sliceKind() == Slice.DEPARTMENT ? Scope.SLICE_AND_BREAKDOWNS : Scope.SLICE;
        Div title = new Div(heading, new ExportLink(export, filter, exportScope));
        title.addClassName("cp-title-row");
        results.add(title, scope);

        ScoreboardPeriod data = scoreboard.load(filter.range(), filter.slice());
        if (data.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("department.noResults"));
            none.addClassName("cp-empty");
            results.add(none);
        }
        for (Map.Entry<String, List<KpiTile>> group : groups(data).entrySet()) {
            results.add(section(group.getKey(), kpiGrid(group.getValue(), filter, format, periodFormat, minCellSize)));
        }
        if (filter.sliceKind() == Slice.DEPARTMENT) {
            KpiRow departmentScore = data.tiles().stream().map(KpiTile::row)
                    .filter(row -> row.kpi() == Kpi.EXPERIENCE_SCORE).findFirst().orElse(null);
            List<QualityRow> flagged = quality.of(filter.grain(), filter.period(), filter.department());
            if (!flagged.isEmpty()) {
                results.add(section(getTranslation("quality.title"), qualityTable(flagged, format)));
            }
            results.add(section(getTranslation("department.byService"), serviceTable(filter, format, periodFormat,
                    minCellSize)));
            results.add(section(getTranslation("department.byChannel"), channelChart(filter, format, periodFormat)));
            results.add(section(getTranslation("department.byDistrict"), districtTable(filter, format, minCellSize,
                    departmentScore)));
        }
    }

    /**
     * The data-quality rules of the department in the period, each with the KPIs its cases distort, right after
     * those KPIs: a fast median close time reads differently when a third of the cases were closed in bulk.
     */
    private Component qualityTable(List<QualityRow> rows, KpiFormat format) {
        qualityRules = new Grid<>();
        qualityRules.addClassName("cp-quality");
        qualityRules.setAllRowsVisible(true);
        qualityRules.addColumn(row -> getTranslation("quality." + row.rule().name()))
                .setHeader(getTranslation("quality.rule")).setAutoWidth(true);
        qualityRules.addColumn(row -> getTranslation("quality.flaggedOf", format.count(row.flagged()),
                format.count(row.cases()))).setHeader(getTranslation("quality.cases")).setAutoWidth(true);
        java.text.NumberFormat percent = java.text.NumberFormat.getPercentInstance(getLocale());
        percent.setMaximumFractionDigits(1);
        qualityRules.addColumn(row -> row.share() == null ? format.text("value.notAvailable")
                : percent.format(row.share())).setHeader(getTranslation("quality.share")).setAutoWidth(true);
        qualityRules.addColumn(row -> row.rule().distortedKpis().stream().map(format::name)
                .collect(java.util.stream.Collectors.joining(", "))).setHeader(getTranslation("quality.distorts"));
        qualityRules.setItems(rows);
        return qualityRules;
    }

    /** City › SAN › service: each step a link with the same periods, so the way back keeps the choice. */
    private void renderPath(DashboardFilter filter) {
        path.removeAll();
        RouterLink city = new RouterLink(getTranslation("nav.overview"), CityOverviewView.class);
        city.setQueryParameters(city(filter).toQueryParameters());
        path.add(city, separator());
        DashboardFilter department = new DashboardFilter(filter.grain(), filter.from(), filter.period(),
                filter.department(), null, null, null);
        if (filter.sliceKind() == Slice.DEPARTMENT) {
            Span current = new Span(filter.department());
            current.getElement().setAttribute("aria-current", "page");
            path.add(current);
            return;
        }
        RouterLink up = new RouterLink(filter.department(), DepartmentView.class);
        up.setQueryParameters(department.toQueryParameters());
        Span current = new Span(Optional.ofNullable(filter.service())
                .or(() -> Optional.ofNullable(filter.channel()).map(KpiFormat.of(getLocale())::channel))
                .orElse(filter.district()));
        current.getElement().setAttribute("aria-current", "page");
        path.add(up, separator(), current);
    }

    /** The whole city for the same grain and range. */
    private static DashboardFilter city(DashboardFilter filter) {
        return new DashboardFilter(filter.grain(), filter.from(), filter.period(), null, null, null, null);
    }

    private static Span separator() {
        Span separator = new Span("›");
        separator.getElement().setAttribute("aria-hidden", "true");
        separator.addClassName("cp-path__separator");
        return separator;
    }

    private String scope(DashboardFilter filter) {
        return switch (filter.sliceKind()) {
            case DEPARTMENT_SERVICE -> getTranslation("department.scope.service", filter.service(),
                    filter.department());
            case DEPARTMENT_CHANNEL -> getTranslation("department.scope.channel", KpiFormat.of(getLocale()).channel(
                    filter.channel()), filter.department());
            case DEPARTMENT_DISTRICT -> getTranslation("department.scope.district", filter.district(),
                    filter.department());
            default -> getTranslation("department.scope", filter.department());
        };
    }

    /** The department's experience score first: it is what a department head is asked about. */
    private Map<String, List<KpiTile>> groups(ScoreboardPeriod data) {
        Map<String, List<KpiTile>> groups = new LinkedHashMap<>();
        groups.put(getTranslation("overview.group.overall"), new ArrayList<>());
        for (KpiTile tile : data.tiles()) {
            Feed feed = tile.row().kpi().feed();
            String title = getTranslation(feed == null ? "overview.group.overall" : "overview.group." + feed.name());
            groups.computeIfAbsent(title, t -> new ArrayList<>()).add(tile);
        }
        groups.values().removeIf(List::isEmpty);
        return groups;
    }

    private static Div kpiGrid(List<KpiTile> tiles, DashboardFilter filter, KpiFormat format, PeriodFormat periods,
            int minCellSize) {
        Div grid = new Div();
        grid.addClassName("cp-kpi-grid");
        for (KpiTile tile : tiles) {
            grid.add(new KpiCard(tile, filter.grain(), format, periods, minCellSize));
        }
        return grid;
    }

    private static Section section(String title, Component content) {
        Section section = new Section();
        section.addClassName("cp-kpi-section");
        H3 heading = new H3(title);
        heading.addClassName("cp-kpi-section__title");
        section.add(heading, content);
        return section;
    }

    /**
     * Every service of the department, sortable by any column; choosing a row (click, or Space on a focused row)
     * drills into that service.
     */
    private Component serviceTable(DashboardFilter filter, KpiFormat format, PeriodFormat periods,
            int minCellSize) {
        List<Line> lines = breakdown.byService(filter.range(), filter.department());
        services = new Grid<>();
        services.addClassName("cp-breakdown");
        services.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        services.setAllRowsVisible(true);
        services.setAriaLabel(getTranslation("department.byService"));
        services.addColumn(Line::value).setHeader(getTranslation("filter.service")).setSortable(true)
                .setComparator(Line::value).setAutoWidth(true).setFlexGrow(2);
        GoalsBadge.column(services);
        for (Kpi kpi : DepartmentBreakdown.SERVICE_KPIS) {
            services.addColumn(line -> cell(line.row(kpi), format, minCellSize)).setHeader(format.name(kpi))
                    .setSortable(true).setComparator(line -> line.sortValue(kpi))
                    .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        }
        List<String> categories = filter.range().periods().stream()
                .map(start -> periods.shortLabel(filter.grain(), start)).toList();
        services.addComponentColumn(line -> sparkline(line, categories, format))
                .setHeader(getTranslation("department.scoreTrend")).setWidth("10rem").setFlexGrow(0);
        services.setItems(lines);
        services.addSelectionListener(event -> event.getFirstSelectedItem()
                .ifPresent(line -> show(filter.withService(line.value()))));
        if (lines.isEmpty()) {
            return new Paragraph(getTranslation("department.noBreakdown"));
        }
        return services;
    }

    private EChart sparkline(Line line, List<String> categories, KpiFormat format) {
        EChart chart = new EChart();
        chart.setHeight("2.5rem");
        chart.addClassName("cp-sparkline");
        // A sparkline is the shape alone: no axes in a table row; the tooltip still tells each value.
        ObjectNode option = ChartOptions.categories(categories).line(format.name(Kpi.EXPERIENCE_SCORE),
                line.scoreTrend()).compact().toJson();
        ((ObjectNode) option.get("xAxis")).put("show", false);
        ((ObjectNode) option.get("yAxis")).put("show", false);
        ObjectNode grid = (ObjectNode) option.get("grid");
        grid.put("top", 4);
        grid.put("bottom", 4);
        grid.put("left", 4);
        grid.put("right", 4);
        chart.setOption(option);
        chart.setValueFormat(format.chartFormat(Kpi.EXPERIENCE_SCORE), format.locale());
        chart.setAccessibleSummary(getTranslation("department.sparkline", line.value()));
        return chart;
    }

    /** Contacts by channel over time, stacked, so the mix and the total read at once; a bar drills into a channel. */
    private Component channelChart(DashboardFilter filter, KpiFormat format, PeriodFormat periods) {
        ChannelMix mix = breakdown.channelMix(filter.range(), filter.department());
        if (mix.contacts().isEmpty()) {
            return new Paragraph(getTranslation("department.noBreakdown"));
        }
        List<String> categories = mix.periods().stream().map(start -> periods.shortLabel(filter.grain(), start))
                .toList();
        ChartOptions options = ChartOptions.categories(categories).stacked();
        Map<String, String> channelsByLabel = new LinkedHashMap<>();
        mix.contacts().forEach((channel, values) -> {
            String label = KpiFormat.of(getLocale()).channel(channel);
            channelsByLabel.put(label, channel);
            options.bar(label, values);
        });
        channelMix = new EChart(options);
        channelMix.addClassName("cp-channel-mix");
        channelMix.setValueFormat(ValueFormat.integer(), format.locale());
        Double digital = mix.digitalShare().getLast();
        String digitalText = digital == null ? format.text("value.notAvailable")
                : format.value(Kpi.DIGITAL_SHARE, digital);
        channelMix.setAccessibleSummary(getTranslation("department.channelMixSummary", filter.department(),
                String.join(", ", channelsByLabel.keySet()), digitalText));
        channelMix.addClickListener(event -> Optional.ofNullable(channelsByLabel.get(event.seriesName()))
                .ifPresent(channel -> show(filter.withChannel(channel))));
        Paragraph share = new Paragraph(getTranslation("department.digitalShare", digitalText));
        share.addClassName("cp-overview__scope");
        return new Div(share, channelMix);
    }

    /**
     * Each district against the whole city and the whole department; those far below either are marked with an icon
     * and words, and those far below the city are highlighted.
     */
    private Component districtTable(DashboardFilter filter, KpiFormat format, int minCellSize,
            KpiRow departmentScore) {
        List<Line> lines = breakdown.byDistrict(filter.range(), filter.department());
        if (lines.isEmpty()) {
            return new Paragraph(getTranslation("department.noBreakdown"));
        }
        KpiRow cityScore = breakdown.cityScore(filter.grain(), filter.period()).orElse(null);
        districts = new Grid<>();
        districts.addClassName("cp-breakdown");
        districts.setAllRowsVisible(true);
        districts.setAriaLabel(getTranslation("department.byDistrict"));
        districts.addColumn(Line::value).setHeader(getTranslation("filter.district")).setSortable(true)
                .setComparator(Line::value).setAutoWidth(true);
        GoalsBadge.column(districts);
        for (Kpi kpi : DepartmentBreakdown.DISTRICT_KPIS) {
            districts.addColumn(line -> cell(line.row(kpi), format, minCellSize)).setHeader(format.name(kpi))
                    .setSortable(true).setComparator(line -> line.sortValue(kpi))
                    .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        }
        districts.addColumn(line -> difference(line, cityScore, format))
                .setHeader(getTranslation("department.vsCity")).setTextAlign(ColumnTextAlign.END)
                .setSortable(true).setComparator(line -> line.sortValue(Kpi.EXPERIENCE_SCORE)).setAutoWidth(true);
        districts.addColumn(line -> difference(line, departmentScore, format))
                .setHeader(getTranslation("department.vsDepartment")).setTextAlign(ColumnTextAlign.END)
                .setSortable(true).setComparator(line -> line.sortValue(Kpi.EXPERIENCE_SCORE)).setAutoWidth(true);
        districts.addComponentColumn(line -> districtStatus(line, cityScore, departmentScore))
                .setHeader(getTranslation("department.status")).setAutoWidth(true);
        districts.setPartNameGenerator(line -> DepartmentBreakdown.farBelow(line, cityScore)
                ? "cp-far-below" : null);
        districts.setItems(lines);
        districts.addSelectionListener(event -> event.getFirstSelectedItem()
                .ifPresent(line -> show(filter.withDistrict(line.value()))));
        return districts;
    }

    private String difference(Line line, KpiRow other, KpiFormat format) {
        KpiRow score = line.row(Kpi.EXPERIENCE_SCORE);
        if (score == null || score.value() == null || other == null || other.value() == null) {
            return "";
        }
        double points = (score.value() - other.value()) * 100;
        return getTranslation("department.points", format.signed(points));
    }

    private Component districtStatus(Line line, KpiRow cityScore, KpiRow departmentScore) {
        Span status = new Span();
        if (DepartmentBreakdown.farBelow(line, cityScore)) {
            status.add(farBelow("department.farBelowCity"));
        }
        if (DepartmentBreakdown.farBelow(line, departmentScore)) {
            status.add(farBelow("department.farBelow"));
        }
        return status;
    }

    private Span farBelow(String key) {
        Icon icon = VaadinIcon.ARROW_DOWN.create();
        icon.getElement().setAttribute("aria-hidden", "true");
        icon.addClassName("cp-kpi-card__status-icon");
        Span status = new Span(icon, new Span(getTranslation(key)));
        status.addClassName("cp-far-below");
        return status;
    }

    private static String cell(KpiRow row, KpiFormat format, int minCellSize) {
        return row == null ? "–" : format.value(row, minCellSize);
    }

    DashboardFilter shownFilter() {
        return shown;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.pageTitle", shown == null ? getTranslation("nav.department")
                : shown.department() + " · " + getTranslation("nav.department"));
    }
}
