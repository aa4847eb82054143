package io.civicpulse.dashboard.targets.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

import io.civicpulse.CivicPulseProperties;
import io.civicpulse.dashboard.targets.KnownDepartments;
import io.civicpulse.dashboard.format.KpiFormat;
import io.civicpulse.dashboard.format.PeriodFormat;
import io.civicpulse.targets.TargetChange;
import io.civicpulse.targets.TargetKey;
import io.civicpulse.targets.TargetStore;
import io.civicpulse.targets.TargetTimeline;

import jakarta.annotation.security.RolesAllowed;

/**
 * The experience goals: which value is in force today for each KPI, department and channel, which changes are
 * coming, and every change ever made (who, when, old, new, from which date, why). Administrators change, add and
 * end goals here; everyone else who may see it reads. A change applies to the periods that start on or after its
 * effective date, and published results change only when a run recomputes those periods — the view says so rather
 * than recomputing silently.
 */
@Route("targets")
@Menu(title = "nav.targets", order = 10, icon = "vaadin:bullseye")
@RolesAllowed({ "ADMIN", "ANALYST", "LEADERSHIP" })
public class TargetsView extends VerticalLayout {

    /** One target key with what is in force today and what is coming. */
    record Line(TargetKey key, Optional<TargetChange> inForce, List<TargetChange> upcoming) {
    }

    private final transient TargetStore store;
    private final transient KnownDepartments departments;
    private final transient CivicPulseProperties properties;
    private final boolean mayEdit;
    private final String user;

    final Grid<Line> current = new Grid<>();
    final Grid<TargetChange> history = new Grid<>();
    final H2 historyTitle = new H2();
    final Button showAll = new Button();
    final Button add = new Button();
    final Paragraph problem = new Paragraph();
    private TargetKey historyOf;
    /** The dialog opened last, for tests. */
    TargetDialog dialog;

    TargetsView(TargetStore store, KnownDepartments departments, CivicPulseProperties properties,
            AuthenticationContext authentication) {
        this.store = store;
        this.departments = departments;
        this.properties = properties;
        this.mayEdit = authentication.hasRole("ADMIN");
        this.user = authentication.getPrincipalName().orElse("?");
        addClassName("cp-targets");
        setWidthFull();

        Paragraph note = new Paragraph(getTranslation("targets.note"));
        note.addClassName("cp-targets__note");
        problem.addClassName("cp-targets__problem");
        problem.setVisible(false);

        add.setText(getTranslation("targets.add"));
        add.setIcon(VaadinIcon.PLUS.create());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(click -> openDialog(null, TargetDialog.Mode.SET));
        add.setVisible(mayEdit);

        H2 currentTitle = new H2(getTranslation("targets.current"));
        configureCurrent();
        historyTitle.addClassName("cp-targets__history-title");
        showAll.setText(getTranslation("targets.history.showAll"));
        showAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        showAll.addClickListener(click -> showHistory(null));
        configureHistory();

        add(note, problem, new Div(currentTitle, add), current, new Div(historyTitle, showAll), history);
        refresh();
    }

    private KpiFormat format() {
        return KpiFormat.of(getLocale());
    }

    private PeriodFormat dates() {
        return PeriodFormat.of(getLocale());
    }

    private void configureCurrent() {
        current.addClassName("cp-targets__current");
        current.setAllRowsVisible(true);
        current.addColumn(line -> format().name(line.key().kpi())).setHeader(getTranslation("targets.kpi"))
                .setAutoWidth(true).setFlexGrow(1);
        current.addColumn(line -> allOr(line.key().department())).setHeader(getTranslation("targets.department"))
                .setAutoWidth(true);
        current.addColumn(line -> line.key().channel() == null ? getTranslation("targets.all")
                : format().channel(line.key().channel())).setHeader(getTranslation("targets.channel"))
                .setAutoWidth(true);
        current.addColumn(line -> line.inForce().map(c -> format().value(line.key().kpi(), c.value()))
                .orElse(getTranslation("targets.none"))).setHeader(getTranslation("targets.value")).setAutoWidth(true);
        current.addColumn(line -> line.inForce().map(c -> TargetDialog.number(getLocale(), c.weight())).orElse(""))
                .setHeader(getTranslation("targets.weight")).setAutoWidth(true);
        current.addColumn(line -> line.inForce().map(this::since).orElse(""))
                .setHeader(getTranslation("targets.since")).setAutoWidth(true);
        current.addColumn(line -> upcomingText(line)).setHeader(getTranslation("targets.upcoming"))
                .setAutoWidth(true).setFlexGrow(1);
        current.addComponentColumn(this::actions).setHeader(getTranslation("targets.actions")).setAutoWidth(true);
    }

    private Component actions(Line line) {
        Div actions = new Div();
        actions.addClassName("cp-targets__actions");
        Button historyButton = small(getTranslation("targets.history.of"), click -> showHistory(line.key()));
        actions.add(historyButton);
        if (mayEdit) {
            actions.add(small(getTranslation("targets.change"), click -> openDialog(line, TargetDialog.Mode.SET)));
            if (line.inForce().isPresent()) {
                actions.add(small(getTranslation("targets.end"), click -> openDialog(line, TargetDialog.Mode.END)));
            }
        }
        return actions;
    }

    private static Button small(String text, com.vaadin.flow.component.ComponentEventListener<
            com.vaadin.flow.component.ClickEvent<Button>> listener) {
        Button button = new Button(text, listener);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private void configureHistory() {
        history.addClassName("cp-targets__history");
        history.setAllRowsVisible(true);
        history.addColumn(change -> dates().dateTime(change.changedAt(), properties.city().timeZone()))
                .setHeader(getTranslation("targets.history.when")).setAutoWidth(true);
        history.addColumn(TargetChange::changedBy).setHeader(getTranslation("targets.history.who")).setAutoWidth(true);
        history.addColumn(change -> describe(change.key())).setHeader(getTranslation("targets.history.target"))
                .setAutoWidth(true);
        history.addColumn(this::since).setHeader(getTranslation("targets.history.from")).setAutoWidth(true);
        history.addColumn(change -> valueAndWeight(change, change.oldValue(), change.oldWeight()))
                .setHeader(getTranslation("targets.history.old")).setAutoWidth(true);
        history.addColumn(change -> change.ended() ? getTranslation("targets.ended")
                : valueAndWeight(change, change.value(), change.weight()))
                .setHeader(getTranslation("targets.history.new")).setAutoWidth(true);
        history.addColumn(change -> change.changedBy().equals(TargetStore.CONFIGURATION)
                && change.reason().equals(TargetStore.FROM_CONFIGURATION)
                        ? getTranslation("targets.fromConfiguration") : change.reason())
                .setHeader(getTranslation("targets.history.reason")).setFlexGrow(1);
    }

    private String valueAndWeight(TargetChange change, Double value, Double weight) {
        if (value == null) {
            return getTranslation("targets.none");
        }
        return getTranslation("targets.valueAndWeight", format().value(change.key().kpi(), value),
                TargetDialog.number(getLocale(), weight));
    }

    private String since(TargetChange change) {
        return change.fromTheBeginning() ? getTranslation("targets.fromTheStart") : dates().date(change.effectiveFrom());
    }

    private String upcomingText(Line line) {
        List<String> texts = new ArrayList<>();
        for (TargetChange change : line.upcoming()) {
            texts.add(change.ended() ? getTranslation("targets.upcoming.end", dates().date(change.effectiveFrom()))
                    : getTranslation("targets.upcoming.set", format().value(line.key().kpi(), change.value()),
                            dates().date(change.effectiveFrom())));
        }
        return String.join("; ", texts);
    }

    private String allOr(String code) {
        return code == null ? getTranslation("targets.all") : code;
    }

    String describe(TargetKey key) {
        String text = format().name(key.kpi());
        if (key.department() != null) {
            text += " · " + key.department();
        }
        if (key.channel() != null) {
            text += " · " + format().channel(key.channel());
        }
        return text;
    }

    /** Today in the city: what "in force now" and "upcoming" are measured against. */
    LocalDate today() {
        return LocalDate.now(properties.city().timeZone());
    }

    void refresh() {
        try {
            // The first visit to an empty database shows the configured goals as the history's start.
            store.seedFromConfiguration();
            problem.setVisible(false);
        } catch (IllegalArgumentException e) {
            problem.setText(getTranslation("targets.configurationProblem", e.getMessage()));
            problem.setVisible(true);
        }
        List<TargetChange> changes = store.changes();
        LocalDate today = today();
        Map<TargetKey, TargetChange> inForce = TargetTimeline.inForceOn(changes, today);
        List<TargetChange> upcoming = TargetTimeline.upcoming(changes, today);
        TreeSet<TargetKey> keys = new TreeSet<>(inForce.keySet());
        upcoming.forEach(change -> keys.add(change.key()));
        current.setItems(keys.stream().map(key -> new Line(key, Optional.ofNullable(inForce.get(key)),
                upcoming.stream().filter(change -> change.key().equals(key)).toList())).toList());
        showHistory(historyOf, changes);
    }

    void showHistory(TargetKey key) {
        showHistory(key, store.changes());
    }

    private void showHistory(TargetKey key, List<TargetChange> changes) {
        historyOf = key;
        historyTitle.setText(key == null ? getTranslation("targets.history.all")
                : getTranslation("targets.history.title", describe(key)));
        showAll.setVisible(key != null);
        history.setItems(changes.stream().filter(change -> key == null || change.key().equals(key))
                .sorted(Comparator.comparing(TargetChange::changedAt).thenComparingLong(TargetChange::id).reversed())
                .toList());
    }

    private void openDialog(Line line, TargetDialog.Mode mode) {
        dialog = new TargetDialog(store, mode, line == null ? null : line.key(),
                line == null ? Optional.empty() : line.inForce(), departments.all(), today(), user, saved -> {
                    refresh();
                    showHistory(saved.key());
                });
        dialog.open();
    }
}
