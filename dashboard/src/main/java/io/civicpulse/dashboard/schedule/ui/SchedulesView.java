package io.civicpulse.dashboard.schedule.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

import io.civicpulse.run.InputFolders;
import io.civicpulse.schedule.CronText;
import io.civicpulse.schedule.DateRule;
import io.civicpulse.schedule.InvalidSchedule;
import io.civicpulse.schedule.RunSchedule;
import io.civicpulse.schedule.RunSchedules;

import jakarta.annotation.security.RolesAllowed;

/**
 * The nightly run's schedules: Quartz cron expressions in the city's time zone, each with an input folder and the
 * days it recomputes. The form words the expression and lists its next three times as it is typed; a bad
 * expression or folder is explained and nothing is saved.
 */
@Route("schedules")
@Menu(title = "nav.schedules", order = 81, icon = "vaadin:clock")
@RolesAllowed({ "ADMIN", "ANALYST" })
public class SchedulesView extends VerticalLayout {

    private final transient RunSchedules schedules;
    private final String user;

    final Grid<RunSchedule> grid = new Grid<>();
    final TextField name = new TextField();
    final TextField cron = new TextField();
    final TextField folder = new TextField();
    final Select<DateRule> rule = new Select<>();
    final IntegerField days = new IntegerField();
    final Checkbox enabled = new Checkbox();
    final Paragraph preview = new Paragraph();
    final Paragraph problem = new Paragraph();
    final Button save = new Button();
    final Button clear = new Button();
    /** The schedule being edited; null for a new one. */
    private RunSchedule editing;

    SchedulesView(RunSchedules schedules, InputFolders folders, AuthenticationContext authentication) {
        this.schedules = schedules;
        this.user = authentication.getPrincipalName().orElse("?");
        addClassName("cp-schedules");
        setWidthFull();

        name.setLabel(getTranslation("schedules.name"));
        cron.setLabel(getTranslation("schedules.cron"));
        cron.setHelperText(getTranslation("schedules.cron.hint", schedules.zone().getId()));
        cron.setValueChangeMode(ValueChangeMode.LAZY);
        cron.addValueChangeListener(change -> showPreview());
        folder.setLabel(getTranslation("schedules.folder"));
        folder.setHelperText(getTranslation("runs.folder.hint", folders.root().toString()));
        rule.setLabel(getTranslation("schedules.rule"));
        rule.setItems(DateRule.values());
        rule.setItemLabelGenerator(r -> getTranslation("schedules.rule." + r.name()));
        rule.setValue(DateRule.YESTERDAY);
        days.setLabel(getTranslation("schedules.days"));
        days.setMin(1);
        days.setMax(DateRule.MAX_DAYS);
        days.setValue(7);
        days.setVisible(false);
        rule.addValueChangeListener(change -> days.setVisible(change.getValue() == DateRule.LAST_N_DAYS));
        enabled.setLabel(getTranslation("schedules.enabled"));
        enabled.setValue(true);
        save.setText(getTranslation("schedules.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        clear.setText(getTranslation("schedules.new"));
        clear.addClickListener(click -> edit(null));
        problem.addClassName("cp-schedules__problem");
        preview.addClassName("cp-schedules__preview");
        HorizontalLayout form = new HorizontalLayout(name, cron, folder, rule, days, enabled, save, clear);
        form.setAlignItems(Alignment.BASELINE);
        form.setWrap(true);

        configureGrid();
        add(new H2(getTranslation("schedules.title")), grid, new H2(getTranslation("schedules.edit")), form, preview,
                problem);
        refresh();
    }

    private void configureGrid() {
        grid.addClassName("cp-schedules__grid");
        grid.setAllRowsVisible(true);
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale());
        grid.addColumn(RunSchedule::name).setHeader(getTranslation("schedules.name")).setAutoWidth(true);
        grid.addColumn(s -> CronText.describe(s.cron(), getLocale())).setHeader(getTranslation("schedules.when"))
                .setFlexGrow(1);
        grid.addColumn(RunSchedule::inputFolder).setHeader(getTranslation("schedules.folder")).setAutoWidth(true);
        grid.addColumn(s -> getTranslation("schedules.rule." + s.dateRule().name())
                + (s.dateRule() == DateRule.LAST_N_DAYS ? " (" + s.days() + ")" : ""))
                .setHeader(getTranslation("schedules.rule")).setAutoWidth(true);
        grid.addColumn(s -> schedules.nextRun(s).map(time::format).orElse(getTranslation("schedules.off")))
                .setHeader(getTranslation("schedules.next")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("runs.actions")).setAutoWidth(true);
    }

    private HorizontalLayout actions(RunSchedule schedule) {
        Button edit = new Button(getTranslation("schedules.change"), click -> edit(schedule));
        Button toggle = new Button(getTranslation(schedule.enabled() ? "schedules.disable" : "schedules.enable"),
                click -> {
                    schedules.setEnabled(schedule.id(), !schedule.enabled(), user);
                    refresh();
                });
        toggle.addClassName("cp-schedules__toggle");
        Button delete = new Button(getTranslation("schedules.delete"), click -> {
            schedules.delete(schedule.id());
            edit(null);
            refresh();
        });
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        for (Button button : new Button[] { edit, toggle, delete }) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        }
        return new HorizontalLayout(edit, toggle, delete);
    }

    void edit(RunSchedule schedule) {
        editing = schedule;
        name.setValue(schedule == null ? "" : schedule.name());
        cron.setValue(schedule == null ? "" : schedule.cron());
        folder.setValue(schedule == null ? "" : schedule.inputFolder());
        rule.setValue(schedule == null ? DateRule.YESTERDAY : schedule.dateRule());
        days.setValue(schedule == null ? 7 : schedule.days());
        enabled.setValue(schedule == null || schedule.enabled());
        problem.setText("");
        showPreview();
    }

    void showPreview() {
        if (cron.getValue().isBlank()) {
            preview.setText("");
            return;
        }
        try {
            RunSchedules.Preview p = schedules.preview(cron.getValue(), getLocale());
            DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale());
            preview.setText(getTranslation("schedules.preview", p.description(),
                    p.next().stream().map(time::format).collect(Collectors.joining("; "))));
        } catch (InvalidSchedule e) {
            preview.setText(getTranslation("schedules.problem.INVALID_CRON", e.value()));
        }
    }

    void save() {
        RunSchedule.Draft draft = new RunSchedule.Draft(name.getValue(), cron.getValue(), folder.getValue(),
                rule.getValue(), days.getValue() == null ? 0 : days.getValue(), enabled.getValue());
        try {
            if (editing == null) {
                schedules.create(draft, user);
            } else {
                schedules.update(editing.id(), draft, user);
            }
            edit(null);
            refresh();
        } catch (InvalidSchedule e) {
            problem.setText(getTranslation("schedules.problem." + e.problem().name(), e.value()));
        } catch (InputFolders.InvalidInputFolder e) {
            problem.setText(getTranslation("runs.folder." + e.problem().name(), e.folder(),
                    "civicpulse.runs.input-root"));
        }
    }

    void refresh() {
        grid.setItems(schedules.list());
    }
}
