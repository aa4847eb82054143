package io.civicpulse.dashboard.run.ui;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.stream.Collectors;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;

import io.civicpulse.CivicPulseProperties;
import io.civicpulse.dashboard.run.RunProgressText;
import io.civicpulse.run.InputFolders;
import io.civicpulse.run.NightlyRuns;
import io.civicpulse.run.RunHistory;
import io.civicpulse.run.RunLauncher;
import io.civicpulse.run.RunRecord;
import io.civicpulse.run.RunRequest;

import jakarta.annotation.security.RolesAllowed;

/**
 * The run history and run control: every run (scheduled, started here, from the command line) with its status,
 * parameters, duration, counts per feed and the cause of a failure; start a run now, cancel a running one, run a
 * failed or stopped one again; a run's reject report, shown and downloadable. While a run is running, in this
 * process or another, the view polls the database for its progress.
 */
@Route("runs")
@Menu(title = "nav.runs", order = 80, icon = "vaadin:play-circle-o")
@RolesAllowed({ "ADMIN", "ANALYST" })
public class RunsView extends VerticalLayout {

    static final int POLL_MILLIS = 2000;
    static final int REJECT_ROWS = 200;

    private final transient RunHistory history;
    private final transient RunLauncher launcher;
    private final transient NightlyRuns runs;
    private final transient InputFolders folders;
    private final ZoneId zone;
    private final String user;

    final TextField folder = new TextField();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Button start = new Button();
    final Paragraph message = new Paragraph();
    final Grid<RunRecord> grid = new Grid<>();
    final H2 rejectsTitle = new H2();
    final Grid<List<String>> rejects = new Grid<>();
    final Anchor download = new Anchor();

    RunsView(RunHistory history, RunLauncher launcher, NightlyRuns runs, InputFolders folders,
            CivicPulseProperties properties, AuthenticationContext authentication) {
        this.history = history;
        this.launcher = launcher;
        this.runs = runs;
        this.folders = folders;
        this.zone = properties.city().timeZone();
        this.user = authentication.getPrincipalName().orElse("?");
        addClassName("cp-runs");
        setWidthFull();

        folder.setLabel(getTranslation("runs.folder"));
        folder.setHelperText(getTranslation("runs.folder.hint", folders.root().toString()));
        LocalDate yesterday = LocalDate.now(zone).minusDays(1);
        from.setLabel(getTranslation("runs.from"));
        from.setValue(yesterday);
        to.setLabel(getTranslation("runs.to"));
        to.setValue(yesterday);
        start.setText(getTranslation("runs.start"));
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(click -> startNow());
        message.addClassName("cp-runs__message");
        HorizontalLayout form = new HorizontalLayout(folder, from, to, start);
        form.setAlignItems(Alignment.BASELINE);
        form.setWrap(true);

        configureGrid();
        rejectsTitle.setVisible(false);
        rejects.setVisible(false);
        rejects.setAllRowsVisible(true);
        for (int i = 0; i < 4; i++) {
            int column = i;
            rejects.addColumn(row -> row.get(column)).setHeader(getTranslation("runs.rejects." + i))
                    .setAutoWidth(true);
        }
        download.setText(getTranslation("runs.rejects.download"));
        download.setVisible(false);
        add(new H2(getTranslation("runs.startTitle")), form, message, new H2(getTranslation("runs.history")), grid,
                rejectsTitle, download, rejects);
        refresh();
    }

    private void configureGrid() {
        grid.addClassName("cp-runs__grid");
        grid.setAllRowsVisible(true);
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale());
        grid.addColumn(RunRecord::executionId).setHeader(getTranslation("runs.id")).setAutoWidth(true);
        grid.addColumn(run -> getTranslation("runs.status." + run.status())).setHeader(getTranslation("runs.status"))
                .setAutoWidth(true);
        grid.addColumn(RunRecord::trigger).setHeader(getTranslation("runs.trigger")).setAutoWidth(true);
        grid.addColumn(run -> run.from() + " – " + run.to()).setHeader(getTranslation("runs.dates"))
                .setAutoWidth(true);
        grid.addColumn(run -> String.valueOf(run.input())).setHeader(getTranslation("runs.input")).setAutoWidth(true);
        grid.addColumn(run -> run.startedAt() == null ? "" : time.format(run.startedAt().atZone(zone)))
                .setHeader(getTranslation("runs.started")).setAutoWidth(true);
        grid.addColumn(run -> duration(run.duration())).setHeader(getTranslation("runs.duration")).setAutoWidth(true);
        grid.addColumn(this::counts).setHeader(getTranslation("runs.counts")).setAutoWidth(true);
        grid.addColumn(this::detail).setHeader(getTranslation("runs.detail")).setFlexGrow(1);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("runs.actions")).setAutoWidth(true);
        grid.addSelectionListener(selection -> showRejects(selection.getFirstSelectedItem().orElse(null)));
    }

    private String counts(RunRecord run) {
        return run.feeds().stream().map(feed -> getTranslation(feed.derived() ? "runs.feedCounts.derived"
                : "runs.feedCounts", getTranslation("run.feed." + feed.feed().name()), feed.rowsRead(),
                feed.rowsRejected(), feed.rowsLoaded(), feed.derivedFrom())).collect(Collectors.joining("; "));
    }

    private String detail(RunRecord run) {
        if (run.running()) {
            return run.progress().map(p -> RunProgressText.of(p, getLocale())).orElse("");
        }
        return run.failure() == null ? "" : run.failure();
    }

    private HorizontalLayout actions(RunRecord run) {
        HorizontalLayout actions = new HorizontalLayout();
        if (run.running() && !run.status().equals("STOPPING")) {
            Button cancel = new Button(getTranslation("runs.cancel"), click -> cancel(run));
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            cancel.addClassName("cp-runs__cancel");
            actions.add(cancel);
        }
        if (run.restartable() && run.input() != null) {
            Button again = new Button(getTranslation("runs.again"), click -> launch(run.againAs(trigger())));
            again.addThemeVariants(ButtonVariant.LUMO_SMALL);
            again.addClassName("cp-runs__again");
            actions.add(again);
        }
        return actions;
    }

    private String trigger() {
        return "dashboard:" + user;
    }

    void startNow() {
        try {
            if (from.getValue() == null || to.getValue() == null || to.getValue().isBefore(from.getValue())) {
                message.setText(getTranslation("runs.badDates"));
                return;
            }
            launch(new RunRequest(folders.check(folder.getValue()), from.getValue(), to.getValue(), trigger()));
        } catch (InputFolders.InvalidInputFolder e) {
            message.setText(getTranslation("runs.folder." + e.problem().name(), e.folder(), folders.root()));
        }
    }

    private void launch(RunRequest request) {
        // A run takes minutes: it runs on the launcher's thread, never this request's; the poll shows it.
        launcher.start(request);
        message.setText(getTranslation("runs.started.message", request.input().toString()));
        getUI().ifPresent(ui -> ui.setPollInterval(POLL_MILLIS));
    }

    void cancel(RunRecord run) {
        try {
            runs.stop(run.executionId(), user);
            message.setText(getTranslation("runs.cancelled", run.executionId()));
        } catch (IllegalStateException e) {
            message.setText(getTranslation("runs.notRunning", run.executionId()));
        }
        refresh();
    }

    void refresh() {
        List<RunRecord> latest = history.latest(30);
        grid.setItems(latest);
        boolean running = latest.stream().anyMatch(RunRecord::running);
        getUI().ifPresent(ui -> ui.setPollInterval(running ? POLL_MILLIS : -1));
    }

    void showRejects(RunRecord run) {
        boolean has = run != null && run.rejectReport().isPresent();
        rejectsTitle.setVisible(has);
        rejects.setVisible(has);
        download.setVisible(has);
        if (!has) {
            return;
        }
        rejectsTitle.setText(getTranslation("runs.rejects", run.executionId()));
        rejects.setItems(history.rejectRows(run, REJECT_ROWS));
        java.nio.file.Path report = run.rejectReport().get();
        download.setHref(DownloadHandler.forFile(report.toFile(), "rejects-run-" + run.executionId() + ".csv"),
                com.vaadin.flow.component.html.AttachmentType.DOWNLOAD);
        download.setTarget(AnchorTarget.BLANK);
    }

    private static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 60 ? seconds + " s" : "%d:%02d min".formatted(seconds / 60, seconds % 60);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().addPollListener(poll -> refresh());
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
    }
}
