package io.civicpulse.dashboard.alert.ui;

import java.util.List;
import java.util.Set;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

import io.civicpulse.CivicPulseProperties;
import io.civicpulse.alert.AlertStore;
import io.civicpulse.alert.Notification;
import io.civicpulse.dashboard.format.KpiFormat;
import io.civicpulse.dashboard.format.PeriodFormat;
import io.civicpulse.dashboard.security.Viewer;

import jakarta.annotation.security.RolesAllowed;

/**
 * What the nightly runs told: goals newly missed, failed runs, scheduled runs that did not happen, newest first.
 * Opening one marks it read for this user; "Mark all as read" clears the bell. A department head sees those of the
 * city, the runs and their own departments only, as everywhere else.
 */
@Route("notifications")
@Menu(title = "nav.notifications", order = 11, icon = "vaadin:bell")
@RolesAllowed({ "LEADERSHIP", "DEPARTMENT_HEAD", "ANALYST", "ADMIN" })
public class NotificationsView extends VerticalLayout {

    static final int SHOWN = 200;

    private final transient AlertStore alerts;
    private final transient CivicPulseProperties properties;
    private final String username;
    private final Viewer viewer;

    final Grid<Notification> grid = new Grid<>();
    final Button markAll = new Button();
    final Paragraph empty = new Paragraph();
    private Set<Long> read = Set.of();

    NotificationsView(AlertStore alerts, CivicPulseProperties properties, AuthenticationContext authentication) {
        this.alerts = alerts;
        this.properties = properties;
        this.username = authentication.getPrincipalName().orElse("");
        this.viewer = Viewer.current();
        addClassName("cp-notifications");
        setWidthFull();
        KpiFormat format = KpiFormat.of(getLocale());
        PeriodFormat periods = PeriodFormat.of(getLocale());

        markAll.setText(getTranslation("alerts.markAllRead"));
        markAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        markAll.addClickListener(click -> {
            // Only what this reader is shown: a head's unseen departments stay unread, and uncounted.
            visible().stream().filter(n -> !read.contains(n.id())).forEach(n -> alerts.markRead(username, n.id()));
            refresh();
        });
        empty.setText(getTranslation("alerts.none"));

        grid.addClassName("cp-notifications__grid");
        grid.setAllRowsVisible(true);
        // The text is the point of a notification: shown whole, over several lines where needed.
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(n -> read.contains(n.id()) ? "" : getTranslation("alerts.unread"))
                .setHeader(getTranslation("alerts.state")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(n -> periods.dateTime(n.createdAt(), properties.city().timeZone()))
                .setHeader(getTranslation("alerts.when")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(n -> getTranslation("alerts.kind." + n.kind().name())).setHeader(getTranslation("alerts.kind"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(n -> NotificationText.department(n, format)).setHeader(getTranslation("alerts.department"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(n -> NotificationText.of(n, format, periods, properties.city().timeZone()))
                .setHeader(getTranslation("alerts.what")).setFlexGrow(1);
        grid.setPartNameGenerator(n -> read.contains(n.id()) ? null : "cp-unread");
        grid.addItemClickListener(click -> {
            alerts.markRead(username, click.getItem().id());
            refresh();
        });

        add(markAll, empty, grid);
        refresh();
    }

    void refresh() {
        read = alerts.readBy(username);
        List<Notification> latest = visible();
        grid.setItems(latest);
        empty.setVisible(latest.isEmpty());
        grid.setVisible(!latest.isEmpty());
        markAll.setEnabled(latest.stream().anyMatch(n -> !read.contains(n.id())));
        // The bell in the header counts the same notifications.
        getUI().ifPresent(ui -> ui.getChildren().forEach(this::refreshBells));
    }

    private List<Notification> visible() {
        return alerts.latest(SHOWN).stream().filter(n -> viewer.maySee(n.department())).toList();
    }

    private void refreshBells(com.vaadin.flow.component.Component component) {
        if (component instanceof NotificationBell bell) {
            bell.refresh();
        }
        component.getChildren().forEach(this::refreshBells);
    }
}
