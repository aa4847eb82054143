package io.civicpulse.dashboard.alert.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;

import io.civicpulse.alert.AlertStore;
import io.civicpulse.dashboard.security.Viewer;

/** The header's bell: how many notifications the user has not read; a click opens them. */
public class NotificationBell extends Button {

    private final transient AlertStore alerts;
    private final Viewer viewer;
    final Span badge = new Span();

    /** @param viewer who reads: a department head counts only the notifications of the departments they may see */
    public NotificationBell(AlertStore alerts, Viewer viewer) {
        this.alerts = alerts;
        this.viewer = viewer;
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
        long unread = unread();
        badge.setText(unread > 99 ? "99+" : String.valueOf(unread));
        badge.setVisible(unread > 0);
        String label = getTranslation("alerts.bell", unread);
        setAriaLabel(label);
        setTooltipText(label);
    }

    public long unread() {
        return alerts.unreadByDepartment(viewer.username()).entrySet().stream()
                .filter(entry -> viewer.maySee(entry.getKey()))
                .mapToLong(java.util.Map.Entry::getValue)
                .sum();
    }
}
