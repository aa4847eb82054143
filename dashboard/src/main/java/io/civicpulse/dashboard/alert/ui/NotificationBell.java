package io.civicpulse.dashboard.alert.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;

import io.civicpulse.alert.AlertStore;

/** The header's bell: how many notifications the user has not read; a click opens them. */
public class NotificationBell extends Button {

    private final transient AlertStore alerts;
    private final String username;
    final Span badge = new Span();

    public NotificationBell(AlertStore alerts, String username) {
        this.alerts = alerts;
        this.username = username;
        addClassName("cp-header__bell");
        setIcon(VaadinIcon.BELL.create());
        addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        badge.addClassName("cp-header__bell-badge");
        badge.getElement().setAttribute("aria-hidden", "true");
        getElement().appendChild(badge.getElement());
        addClickListener(click -> getUI().ifPresent(ui -> ui.navigate(NotificationsView.class)));
        refresh();
    }

    /** Reads the unread count again: after every navigation and whenever notifications are marked read. */
    public void refresh() {
        long unread = alerts.unreadCount(username);
        badge.setText(unread > 99 ? "99+" : String.valueOf(unread));
        badge.setVisible(unread > 0);
        String label = getTranslation("alerts.bell", unread);
        setAriaLabel(label);
        setTooltipText(label);
    }

    public long unread() {
        return alerts.unreadCount(username);
    }
}
