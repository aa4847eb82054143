package io.civicpulse.dashboard.alert.ui;

import java.util.List;
import java.util.Set;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
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

import jakarta.annotation.security.PermitAll;

/**
 * What the nightly runs told: goals newly missed, failed runs, scheduled runs that did not happen, newest first.
 * Opening one marks it read for this user; "Mark all as read" clears the bell.
 */
@Route("notifications")
@Menu(title = "nav.notifications", order = 11, icon = "vaadin:bell")
@PermitAll
public class NotificationsView extends VerticalLayout {

    static final int SHOWN = 200;

    private final transient AlertStore alerts;
    private final transient CivicPulseProperties properties;
    private final String username;

    final Grid<Notification> grid = new Grid<>();
    final Button markAll = new Button();
    final Paragraph empty = new Paragraph();
    private Set<Long> read = Set.of();

    NotificationsView(AlertStore alerts, CivicPulseProperties properties, AuthenticationContext authentication) {
        this.alerts = alerts;
        this.properties = properties;
        this.username = authentication.getPrincipalName().orElse("");
        addClassName("cp-notifications");
        setWidthFull();
        KpiFormat format = KpiFormat.of(getLocale());
        PeriodFormat periods = PeriodFormat.of(getLocale());

        markAll.setText(getTranslation("alerts.markAllRead"));
        markAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        markAll.addClickListener(click -> {
            alerts.markAllRead(username);
            refresh();
        });
        empty.setText(getTranslation("alerts.none"));

        grid.addClassName("cp-notifications__grid");
        grid.setAllRowsVisible(true);
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
        List<Notification> latest = alerts.latest(SHOWN);
        grid.setItems(latest);
        empty.setVisible(latest.isEmpty());
        grid.setVisible(!latest.isEmpty());
        markAll.setEnabled(latest.stream().anyMatch(n -> !read.contains(n.id())));
        // The bell in the header counts the same notifications.
        getUI().ifPresent(ui -> ui.getChildren().forEach(this::refreshBells));
    }

    private void refreshBells(com.vaadin.flow.component.Component component) {
        if (component instanceof NotificationBell bell) {
            bell.refresh();
        }
        component.getChildren().forEach(this::refreshBells);
    }
}
