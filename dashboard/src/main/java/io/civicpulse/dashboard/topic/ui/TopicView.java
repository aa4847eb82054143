package io.civicpulse.dashboard.topic.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;

import io.civicpulse.CivicPulseProperties;
import io.civicpulse.dashboard.chart.ChartOptions;
import io.civicpulse.dashboard.chart.EChart;
import io.civicpulse.dashboard.export.FilteredExport;
import io.civicpulse.dashboard.export.FilteredExport.Scope;
import io.civicpulse.dashboard.export.ui.ExportLink;
import io.civicpulse.dashboard.filter.DashboardFilter;
import io.civicpulse.dashboard.filter.FilterOptions;
import io.civicpulse.dashboard.filter.ui.FilterBar;
import io.civicpulse.dashboard.format.KpiFormat;
import io.civicpulse.dashboard.format.PeriodFormat;
import io.civicpulse.dashboard.scoreboard.Scoreboard;
import io.civicpulse.dashboard.security.Viewer;
import io.civicpulse.dashboard.security.ui.NotAllowed;
import io.civicpulse.dashboard.topic.Topic;
import io.civicpulse.dashboard.topic.Topic.Breakdown;
import io.civicpulse.dashboard.topic.TopicData;
import io.civicpulse.dashboard.topic.TopicData.Line;
import io.civicpulse.dashboard.topic.TopicData.Loaded;
import io.civicpulse.kpi.Kpi;
import io.civicpulse.kpi.KpiRow;

/**
 * A themed view: a topic's KPIs over time, one line for the filter's slice and one per breakdown value, and a table
 * of the selected period. The filters live in the address like everywhere else; a click on a line or a row drills
 * into that department, service or channel.
 */
abstract class TopicView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient Topic topic;
    private final transient Scoreboard scoreboard;
    private final transient TopicData data;
    private final transient FilterOptions options;
    private final transient FilteredExport export;
    final transient CivicPulseProperties properties;

    final FilterBar filters = new FilterBar();
    final Div results = new Div();
    final Map<Kpi, EChart> charts = new LinkedHashMap<>();
    Grid<Line> table;

    TopicView(Topic topic, Scoreboard scoreboard, TopicData data, FilterOptions options, FilteredExport export,
            CivicPulseProperties properties) {
        this.topic = topic;
        this.scoreboard = scoreboard;
        this.data = data;
        this.options = options;
        this.export = export;
        this.properties = properties;
        addClassName("cp-overview");
        addClassName("cp-topic");
        filters.onChange(this::show);
        results.addClassName("cp-overview__results");
        add(filters, results);
    }

    /** The translation key of the view's title, also its menu title. */
    abstract String titleKey();

    /** Extra columns of the table, after the KPIs (such as the answer threshold of a channel). */
    void extraColumns(Grid<Line> grid, Loaded loaded, KpiFormat format) {
    }

    /** Which filters the view offers. */
    abstract void dimensions(FilterBar bar);

    /** What the view shows below its table for the filter, such as the satisfaction view's comments. */
    Optional<Component> below(DashboardFilter filter) {
        return Optional.empty();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters query = event.getLocation().getQueryParameters();
        DashboardFilter requested = DashboardFilter.from(query);
        List<LocalDate> periods = scoreboard.periods(requested.grain());
        Optional<DashboardFilter> resolved = requested.resolve(periods);
        if (resolved.isEmpty()) {
            filters.setVisible(false);
            results.removeAll();
            Paragraph nothing = new Paragraph(getTranslation("empty.runTitle"));
            nothing.addClassName("cp-empty");
            results.add(nothing);
            return;
        }
        DashboardFilter filter = resolved.get();
        Viewer viewer = Viewer.current();
        if (!viewer.maySee(filter.department())) {
            // A link to another department's slice shows the viewer's own department instead, and says so.
            NotAllowed.notify(filter.department());
            event.forwardTo(getClass(), filter.withDepartment(viewer.homeDepartment()).normalized()
                    .toQueryParameters());
            return;
        }
        if (!filter.toQueryParameters().getParameters().equals(query.getParameters())) {
            event.forwardTo(getClass(), filter.toQueryParameters());
            return;
        }
        render(filter, periods);
    }

    void show(DashboardFilter filter) {
        UI ui = getUI().orElseGet(UI::getCurrent);
        ui.navigate(getClass(), filter.normalized().toQueryParameters());
    }

    private void render(DashboardFilter filter, List<LocalDate> periods) {
        KpiFormat format = KpiFormat.of(getLocale());
        PeriodFormat periodFormat = PeriodFormat.of(getLocale());
        int minCellSize = properties.privacy().minCellSize();

        filters.setVisible(true);
        dimensions(filters);
        filters.setOptions(options.departments(filter.grain(), filter.period()),
                options.services(filter.grain(), filter.period(), filter.department()),
                options.channels(filter.grain(), filter.period()), options.districts(filter.grain(), filter.period()));
        filters.show(filter, periods);

        Loaded loaded = data.load(topic, filter);
        results.removeAll();
        charts.clear();
        H2 heading = new H2(getTranslation(titleKey()) + " · " + periodFormat.label(filter.grain(), filter.period()));
        heading.addClassName("cp-overview__heading");
        Div titleRow = new Div(heading, new ExportLink(export, filter, exportScope(loaded.breakdown()),
                topic.kpis()));
        titleRow.addClassName("cp-title-row");
        Paragraph scope = new Paragraph(scope(filter));
        scope.addClassName("cp-overview__scope");
        results.add(titleRow, scope);

        List<String> categories = loaded.periods().stream()
                .map(start -> periodFormat.shortLabel(filter.grain(), start)).toList();
        Div grid = new Div();
        grid.addClassName("cp-kpi-grid");
        grid.addClassName("cp-topic__charts");
        for (Kpi kpi : topic.kpis()) {
            grid.add(chartCard(kpi, filter, loaded, categories, format, periodFormat));
        }
        results.add(section(getTranslation("topic.overTime"), grid));
        results.add(section(getTranslation("topic.inPeriod", periodFormat.label(filter.grain(), filter.period())),
                table(filter, loaded, format, minCellSize)));
        below(filter).ifPresent(results::add);
    }

    private Article chartCard(Kpi kpi, DashboardFilter filter, Loaded loaded, List<String> categories,
            KpiFormat format, PeriodFormat periods) {
        Article card = new Article();
        card.addClassName("cp-kpi-card");
        card.getElement().setAttribute("data-kpi", kpi.name());
        H4 title = new H4(format.name(kpi));
        title.addClassName("cp-kpi-card__title");
        Paragraph description = new Paragraph(format.description(kpi));
        description.addClassName("cp-kpi-card__description");

        List<Double> empty = categories.stream().map(c -> (Double) null).toList();
        ChartOptions options = ChartOptions.categories(categories)
                .line(label(filter, loaded.breakdown(), null, format), loaded.total().trend().getOrDefault(kpi, empty));
        Map<String, String> keysByLabel = new LinkedHashMap<>();
        for (Line line : loaded.lines()) {
            String label = label(filter, loaded.breakdown(), line.key(), format);
            keysByLabel.put(label, line.key());
            options.line(label, line.trend().getOrDefault(kpi, empty));
        }
        KpiRow total = loaded.total().row(kpi);
        if (total != null && total.target() != null) {
            options.target(total.target(), format.text("card.target"));
        }
        EChart chart = new EChart(options);
        chart.setValueFormat(format.chartFormat(kpi), format.locale());
        List<String> names = new ArrayList<>();
        names.add(label(filter, loaded.breakdown(), null, format));
        names.addAll(keysByLabel.keySet());
        chart.setAccessibleSummary(getTranslation("topic.chartSummary", format.name(kpi),
                format.count(categories.size()), periods.periods(filter.grain()), String.join(", ", names)));
        chart.addClickListener(event -> Optional.ofNullable(keysByLabel.get(event.seriesName()))
                .ifPresent(key -> show(drill(filter, loaded.breakdown(), key))));
        charts.put(kpi, chart);
        card.add(new Div(title, description), chart);
        return card;
    }

    private Component table(DashboardFilter filter, Loaded loaded, KpiFormat format, int minCellSize) {
        table = new Grid<>();
        table.addClassName("cp-breakdown");
        table.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        table.setAllRowsVisible(true);
        table.setAriaLabel(getTranslation(titleKey()));
        table.addColumn(line -> label(filter, loaded.breakdown(), line.key(), format))
                .setHeader(getTranslation("topic.of")).setAutoWidth(true).setFlexGrow(2);
        for (Kpi kpi : topic.kpis()) {
            table.addColumn(line -> cell(line.row(kpi), format, minCellSize)).setHeader(format.name(kpi))
                    .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setSortable(true)
                    .setComparator(line -> line.row(kpi) == null || line.row(kpi).value() == null
                            ? Double.NEGATIVE_INFINITY : line.row(kpi).value());
        }
        extraColumns(table, loaded, format);
        List<Line> rows = new ArrayList<>();
        rows.add(loaded.total());
        rows.addAll(loaded.lines());
        table.setItems(rows);
        table.addSelectionListener(event -> event.getFirstSelectedItem().filter(line -> line.key() != null)
                .ifPresent(line -> show(drill(filter, loaded.breakdown(), line.key()))));
        return table;
    }

    /** The value, and whether it met its target in words: a table cell cannot rely on colour. */
    private String cell(KpiRow row, KpiFormat format, int minCellSize) {
        if (row == null) {
            return "–";
        }
        String value = format.value(row, minCellSize);
        if (row.meetsTarget() == null || row.suppressed()) {
            return value;
        }
        return getTranslation("topic.cellWithStatus", value,
                format.text(row.meetsTarget() ? "card.met" : "card.missed"));
    }

    /** "Whole city", "SAN", a service code, or a channel's name. */
    String label(DashboardFilter filter, Breakdown breakdown, String key, KpiFormat format) {
        if (key == null) {
            return switch (filter.sliceKind()) {
                case CITY -> getTranslation("topic.wholeCity");
                case DEPARTMENT -> getTranslation("topic.all", filter.department());
                case DEPARTMENT_SERVICE -> filter.service();
                case CHANNEL, DEPARTMENT_CHANNEL -> format.channel(filter.channel());
                case DISTRICT, DEPARTMENT_DISTRICT -> filter.district();
            };
        }
        return breakdown == Breakdown.CHANNEL ? format.channel(key) : key;
    }

    private static DashboardFilter drill(DashboardFilter filter, Breakdown breakdown, String key) {
        return switch (breakdown) {
            case DEPARTMENT -> filter.withDepartment(key);
            case SERVICE -> filter.withService(key);
            case CHANNEL -> filter.withChannel(key);
            case NONE -> filter;
        };
    }

    private static Scope exportScope(Breakdown breakdown) {
        return switch (breakdown) {
            case NONE -> Scope.SLICE;
            case DEPARTMENT -> Scope.SLICE_AND_DEPARTMENTS;
            case SERVICE -> Scope.SLICE_AND_SERVICES;
            case CHANNEL -> Scope.SLICE_AND_CHANNELS;
        };
    }

    private String scope(DashboardFilter filter) {
        KpiFormat format = KpiFormat.of(getLocale());
        return switch (filter.sliceKind()) {
            case CITY -> getTranslation("overview.scope");
            case DEPARTMENT -> getTranslation("department.scope", filter.department());
            case DEPARTMENT_SERVICE -> getTranslation("department.scope.service", filter.service(),
                    filter.department());
            case DEPARTMENT_CHANNEL -> getTranslation("department.scope.channel", format.channel(filter.channel()),
                    filter.department());
            case DEPARTMENT_DISTRICT -> getTranslation("department.scope.district", filter.district(),
                    filter.department());
            case CHANNEL -> getTranslation("topic.scope.channel", format.channel(filter.channel()));
            case DISTRICT -> getTranslation("topic.scope.district", filter.district());
        };
    }

    static Section section(String title, Component content) {
        Section section = new Section();
        section.addClassName("cp-kpi-section");
        H3 heading = new H3(title);
        heading.addClassName("cp-kpi-section__title");
        section.add(heading, content);
        return section;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.pageTitle", getTranslation(titleKey()));
    }
}
