package io.civicpulse.dashboard.security.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/**
 * Tells a department head why a link to another department shows their own instead. It names the department asked
 * for (which the person typed or was sent) and nothing of its results.
 */
public final class NotAllowed {

    private NotAllowed() {
    }

    public static void notify(String department) {
        UI ui = UI.getCurrent();
        if (ui == null) {
            return;
        }
        Notification notification = new Notification(ui.getTranslation("security.departmentNotAllowed", department),
                6_000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_WARNING);
        notification.addClassName("cp-not-allowed");
        notification.open();
    }
}
