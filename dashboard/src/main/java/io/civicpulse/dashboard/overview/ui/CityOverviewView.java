package io.civicpulse.dashboard.overview.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;

import io.civicpulse.CivicPulseProperties;
import io.civicpulse.dashboard.department.DepartmentBreakdown;
import io.civicpulse.dashboard.department.DepartmentBreakdown.Line;
import io.civicpulse.dashboard.department.ui.DepartmentView;
import io.civicpulse.dashboard.department.ui.GoalsBadge;
import io.civicpulse.dashboard.export.FilteredExport;
import io.civicpulse.dashboard.export.FilteredExport.Scope;
import io.civicpulse.dashboard.export.ui.ExportLink;
import io.civicpulse.dashboard.filter.DashboardFilter;
import io.civicpulse.dashboard.filter.ui.FromBox;
import io.civicpulse.dashboard.format.KpiFormat;
import io.civicpulse.dashboard.format.PeriodFormat;
import io.civicpulse.dashboard.overview.ui.EmptyState.Kind;
import io.civicpulse.dashboard.sample.SampleDataStatus;
import io.civicpulse.dashboard.scoreboard.KpiTile;
import io.civicpulse.dashboard.scoreboard.Scoreboard;
import io.civicpulse.dashboard.scoreboard.ScoreboardPeriod;
import io.civicpulse.dashboard.scoreboard.CityScoreboard;
import io.civicpulse.dashboard.scoreboard.RunHealth;
import io.civicpulse.dashboard.scoreboard.ui.CityScoreboardPanel;
import io.civicpulse.dashboard.scoreboard.ui.KpiCard;
import io.civicpulse.kpi.Feed;
import io.civicpulse.kpi.Grain;
import io.civicpulse.kpi.Kpi;
import io.civicpulse.kpi.Publication;
import io.civicpulse.kpi.SliceKey;

import jakarta.annotation.security.RolesAllowed;

/**
 * The whole city at a glance: every KPI of one period, each with its trend. The grain, the period and the range's
 * first period live in the URL ({@code ?grain=MONTH&from=2026-03-01&period=2026-08-01}, see {@link DashboardFilter}),
 * so a link or a reload shows the same periods; without them the view shows the newest month with the default
 * range, so a bookmark of "/" always shows the latest results.
 */
@Route("")
// The menu title is a translation key: MainLayout translates every menu entry.
@Menu(title = "nav.overview", order = 0, icon = "vaadin:dashboard")
// Every role reads results; what each may see of them is the Viewer's scope (security.Viewer).
@RolesAllowed({ "LEADERSHIP", "DEPARTMENT_HEAD", "ANALYST", "ADMIN" })
public class CityOverviewView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final String GRAIN = DashboardFilter.GRAIN;
    static final String PERIOD = DashboardFilter.PERIOD;
    static final Grain DEFAULT_GRAIN = DashboardFilter.DEFAULT_GRAIN;
    private static final int POLL_MILLIS = 1_500;

    private final transient Scoreboard scoreboard;
    private final transient SampleDataStatus sampleData;
    private final transient DepartmentBreakdown breakdown;
    private final transient CityScoreboard cityScoreboard;
    private final transient RunHealth runHealth;
    private final transient FilteredExport export;
    private final transient CivicPulseProperties properties;

    final Select<Grain> grain = new Select<>();
    final FromBox from = new FromBox();
    final ComboBox<LocalDate> period = new ComboBox<>();
    final Div controls = new Div();
    final Paragraph partialNotice = new Paragraph();
    final Div results = new Div();
    Grid<Line> departments;

    private Grain shownGrain;
    private LocalDate shownPeriod;
    private LocalDate shownFrom;
    // Set while the view fills the selectors itself, so only a person's choice navigates.
    private boolean updatingSelectors;
    private Registration pollRegistration;

    CityOverviewView(Scoreboard scoreboard, CityScoreboard cityScoreboard, RunHealth runHealth,
            DepartmentBreakdown breakdown, FilteredExport export, SampleDataStatus sampleData,
            CivicPulseProperties properties) {
        this.scoreboard = scoreboard;
        this.export = export;
        this.cityScoreboard = cityScoreboard;
        this.runHealth = runHealth;
        this.breakdown = breakdown;
        this.sampleData = sampleData;
        this.properties = properties;
        addClassName("cp-overview");

        grain.setLabel(getTranslation("overview.grain"));
        grain.setItems(Grain.values());
        grain.setItemLabelGenerator(this::grainLabel);
        period.setLabel(getTranslation("overview.period"));
        grain.addValueChangeListener(event -> {
            if (!updatingSelectors && event.getValue() != null && event.getValue() != shownGrain) {
                // A new grain starts from its default range (DashboardFilter.withGrain says why).
                show(city(event.getValue(), null, periodFor(event.getValue())));
            }
        });

        from.addClassName("cp-overview__period");
        from.addValueChangeListener(event -> {
            if (!updatingSelectors && !Objects.equals(event.getValue(), shownFrom)) {
                show(shown().withFrom(event.getValue()));
            }
        });

        period.setAllowCustomValue(false);
        period.setClearButtonVisible(false);
        period.addClassName("cp-overview__period");
        period.addValueChangeListener(event -> {
            if (!updatingSelectors && event.getValue() != null && !event.getValue().equals(shownPeriod)) {
                show(shown().withPeriod(event.getValue()));
            }
        });

        partialNotice.addClassName("cp-overview__notice");
        partialNotice.setVisible(false);
        controls.addClassName("cp-overview__controls");
        controls.add(grain, from, period, partialNotice);
        results.addClassName("cp-overview__results");
        add(controls, results);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters query = event.getLocation().getQueryParameters();
        Map<String, List<String>> parameters = query.getParameters();
        DashboardFilter requested = DashboardFilter.from(query);
        // The overview is the whole city; a link that names a slice belongs to the views that show slices.
        if (requested.department() != null) {
            event.forwardTo(DepartmentView.class, requested.normalized().toQueryParameters());
            return;
        }
        Grain selectedGrain = requested.grain();
        List<LocalDate> periods = scoreboard.periods(selectedGrain);
        if (periods.isEmpty()) {
            showEmpty(selectedGrain);
            return;
        }
        LocalDate selectedPeriod = Optional.ofNullable(requested.period())
                .filter(periods::contains)
                .orElse(periods.getFirst());

        DashboardFilter selected = city(selectedGrain, requested.from(), selectedPeriod);

        // A link that names no period, one without results, a range the filter corrects or anything else is
        // corrected in the address bar, so what it shows and what a copy of the address shows agree.
        QueryParameters canonical = selected.toQueryParameters();
        if (DashboardFilter.isExplicit(query) && !canonical.getParameters().equals(parameters)) {
            event.forwardTo(event.getLocation().getPath(), canonical);
            return;
        }
        render(selected, periods);
    }

    /** Navigates, so the choice is in the address bar and the browser's back button returns to the previous one. */
    private void show(DashboardFilter filter) {
        getUI().ifPresent(ui -> ui.navigate(CityOverviewView.class, filter.toQueryParameters()));
    }

    private static DashboardFilter city(Grain grain, LocalDate from, LocalDate period) {
        return new DashboardFilter(grain, from, period, null, null, null, null);
    }

    private DashboardFilter shown() {
        return city(shownGrain, shownFrom, shownPeriod);
    }

    /**
     * When the grain changes, the period of the new grain that overlaps the end of the one shown, or the latest one
     * before it: from August 2026, weeks go to the last week of August, quarters to Q3 2026.
     */
    private LocalDate periodFor(Grain newGrain) {
        List<LocalDate> periods = scoreboard.periods(newGrain);
        if (periods.isEmpty()) {
            return LocalDate.now(properties.city().timeZone());
        }
        if (shownGrain == null || shownPeriod == null) {
            return periods.getFirst();
        }
        LocalDate lastDayShown = shownGrain.nextPeriodStart(shownPeriod).minusDays(1);
        return periods.stream()
                .filter(start -> !start.isAfter(lastDayShown))
                .findFirst()
                .orElse(periods.getLast());
    }

    private void render(DashboardFilter filter, List<LocalDate> periods) {
        stopPolling();
        Grain selectedGrain = filter.grain();
        LocalDate selectedPeriod = filter.period();
        shownGrain = selectedGrain;
        shownPeriod = selectedPeriod;
        shownFrom = filter.from();
        Locale locale = getLocale();
        KpiFormat format = KpiFormat.of(locale);
        PeriodFormat periodFormat = PeriodFormat.of(locale);

        updatingSelectors = true;
        try {
            grain.setValue(selectedGrain);
            period.setItems(periods);
            period.setItemLabelGenerator(start -> periodFormat.label(selectedGrain, start));
            period.setValue(selectedPeriod);
            from.show(filter, periods);
        } finally {
            updatingSelectors = false;
        }
        controls.setVisible(true);

        Optional<Publication> publication = scoreboard.latestPublication();
        LocalDate lastDay = selectedGrain.nextPeriodStart(selectedPeriod).minusDays(1);
        // Only the period that holds the latest data date can be incomplete; older ones were complete when computed.
        Optional<LocalDate> dataThrough = publication.map(Publication::to)
                .filter(to -> !to.isBefore(selectedPeriod) && to.isBefore(lastDay));
        partialNotice.setVisible(dataThrough.isPresent());
        dataThrough.ifPresent(to -> partialNotice.setText(getTranslation("overview.partial", periodFormat.date(to))));

        ScoreboardPeriod data = scoreboard.load(filter.range(), SliceKey.CITY);
        results.removeAll();
        H2 heading = new H2(periodFormat.label(selectedGrain, selectedPeriod));
        heading.addClassName("cp-overview__heading");
        Paragraph scope = new Paragraph(getTranslation("overview.scope"));
        scope.addClassName("cp-overview__scope");
        // The export holds the city's KPIs over the range and the departments table.
        Div titleRow = new Div(heading, new ExportLink(export, filter, Scope.SLICE_AND_BREAKDOWNS));
        titleRow.addClassName("cp-title-row");
        results.add(titleRow, scope);
        if (data.isEmpty()) {
            results.add(new EmptyState(Kind.NO_RESULTS_FOR_PERIOD, ""));
            return;
        }
        int minCellSize = properties.privacy().minCellSize();
        results.add(new CityScoreboardPanel(runHealth.current(), cityScoreboard.experienceByGrain(
                dataThrough.orElse(lastDay)),
                cityScoreboard.standings(data.tiles().stream().map(KpiTile::row).toList()), format, periodFormat,
                properties.city().timeZone(), minCellSize));
        for (Map.Entry<String, List<KpiTile>> group : groups(data).entrySet()) {
            Section section = new Section();
            section.addClassName("cp-kpi-section");
            H3 title = new H3(group.getKey());
            title.addClassName("cp-kpi-section__title");
            Div grid = new Div();
            grid.addClassName("cp-kpi-grid");
            for (KpiTile tile : group.getValue()) {
                grid.add(new KpiCard(tile, selectedGrain, format, periodFormat, minCellSize));
            }
            section.add(title, grid);
            results.add(section);
        }
        results.add(departmentTable(filter, format, minCellSize));
    }

    /**
     * Every department in the period; choosing one (click, or Space on a focused row) opens the department view for
     * the same periods: the first step of the drill-down from city to department to service.
     */
    private Section departmentTable(DashboardFilter filter, KpiFormat format, int minCellSize) {
        departments = new Grid<>();
        departments.addClassName("cp-breakdown");
        departments.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        departments.setAllRowsVisible(true);
        departments.setAriaLabel(getTranslation("department.byDepartment"));
        departments.addColumn(Line::value).setHeader(getTranslation("filter.department")).setSortable(true)
                .setComparator(Line::value).setAutoWidth(true).setFlexGrow(2);
        GoalsBadge.column(departments);
        for (Kpi kpi : DepartmentBreakdown.SERVICE_KPIS) {
            departments.addColumn(line -> line.row(kpi) == null ? "–" : format.value(line.row(kpi), minCellSize))
                    .setHeader(format.name(kpi)).setSortable(true).setComparator(line -> line.sortValue(kpi))
                    .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        }
        departments.setItems(breakdown.byDepartment(filter.grain(), filter.period()));
        departments.addSelectionListener(event -> event.getFirstSelectedItem().ifPresent(line -> getUI()
                .ifPresent(ui -> ui.navigate(DepartmentView.class, filter.withDepartment(line.value())
                        .toQueryParameters()))));
        Section section = new Section();
        section.addClassName("cp-kpi-section");
        H3 title = new H3(getTranslation("department.byDepartment"));
        title.addClassName("cp-kpi-section__title");
        Paragraph hint = new Paragraph(getTranslation("department.open"));
        hint.addClassName("cp-overview__scope");
        section.add(title, hint, departments);
        return section;
    }

    /** The KPIs by the feed they come from, in catalogue order, so related KPIs sit side by side. */
    private Map<String, List<KpiTile>> groups(ScoreboardPeriod data) {
        Map<String, List<KpiTile>> groups = new LinkedHashMap<>();
        for (KpiTile tile : data.tiles()) {
            Feed feed = tile.row().kpi().feed();
            String title = getTranslation(feed == null ? "overview.group.overall" : "overview.group." + feed.name());
            groups.computeIfAbsent(title, t -> new ArrayList<>()).add(tile);
        }
        return groups;
    }

    /** Nothing published for this grain: either nothing at all yet (first start), or only other grains. */
    private void showEmpty(Grain selectedGrain) {
        shownGrain = selectedGrain;
        shownPeriod = null;
        shownFrom = null;
        results.removeAll();
        SampleDataStatus.Snapshot status = sampleData.current();
        if (scoreboard.latestPublication().isPresent()) {
            controls.setVisible(true);
            updatingSelectors = true;
            try {
                grain.setValue(selectedGrain);
                period.setItems(List.of());
                from.setItems(List.of());
            } finally {
                updatingSelectors = false;
            }
            partialNotice.setVisible(false);
            results.add(new EmptyState(Kind.NO_RESULTS_FOR_GRAIN, PeriodFormat.of(getLocale()).period(selectedGrain)));
            stopPolling();
            return;
        }
        controls.setVisible(false);
        switch (status.phase()) {
            case LOADING -> {
                results.add(new EmptyState(Kind.LOADING_SAMPLE, status.text(getLocale())));
                startPolling();
            }
            case FAILED -> {
                results.add(new EmptyState(Kind.SAMPLE_FAILED, status.text(getLocale())));
                stopPolling();
            }
            case IDLE, LOADED -> {
                results.add(new EmptyState(Kind.NO_RESULTS, ""));
                stopPolling();
            }
        }
    }

    private void startPolling() {
        UI ui = getUI().orElseGet(UI::getCurrent);
        if (ui == null || pollRegistration != null) {
            return;
        }
        ui.setPollInterval(POLL_MILLIS);
        pollRegistration = ui.addPollListener(event -> {
            SampleDataStatus.Snapshot status = sampleData.current();
            // The run publishes before it tidies up; show the results as soon as they are there.
            if (status.loading() && scoreboard.latestPublication().isEmpty()) {
                results.getChildren()
                        .filter(EmptyState.class::isInstance)
                        .map(EmptyState.class::cast)
                        .findFirst()
                        .ifPresent(empty -> empty.setProgress(status.text(getLocale())));
            } else {
                stopPolling();
                // Published, loaded or failed: rebuild the whole route so the header's freshness line updates too.
                event.getSource().refreshCurrentRoute(true);
            }
        });
    }

    private void stopPolling() {
        if (pollRegistration != null) {
            pollRegistration.remove();
            pollRegistration = null;
            getUI().ifPresent(ui -> ui.setPollInterval(-1));
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (sampleData.current().loading() && shownPeriod == null && pollRegistration == null) {
            startPolling();
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopPolling();
        super.onDetach(detachEvent);
    }

    private String grainLabel(Grain grain) {
        return PeriodFormat.of(getLocale()).grain(grain);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.pageTitle", getTranslation("nav.overview"));
    }

}
