package io.civicpulse.dashboard.alert.ui;

import java.time.ZoneId;

import io.civicpulse.alert.Notification;
import io.civicpulse.dashboard.format.KpiFormat;
import io.civicpulse.dashboard.format.PeriodFormat;

/** A notification in the reader's language. */
final class NotificationText {

    private NotificationText() {
    }

    static String of(Notification n, KpiFormat format, PeriodFormat periods, ZoneId zone) {
        return switch (n.kind()) {
            case KPI_MISSED -> format.text("alerts.text.KPI_MISSED", department(n, format), format.name(n.kpi()),
                    periods.during(n.grain(), n.periodStart()), value(n, n.value(), format),
                    value(n, n.target(), format), value(n, n.previousValue(), format));
            case RUN_FAILED -> format.text("alerts.text.RUN_FAILED",
                    n.jobExecutionId() == null ? "–" : n.jobExecutionId(), n.detail());
            case RUN_MISSED -> format.text("alerts.text.RUN_MISSED",
                    n.occurredAt() == null ? "–" : periods.dateTime(n.occurredAt(), zone), n.detail());
        };
    }

    static String department(Notification n, KpiFormat format) {
        return n.department().equals(Notification.CITY) ? format.text("alerts.city") : n.department();
    }

    private static String value(Notification n, Double value, KpiFormat format) {
        return value == null ? "–" : format.value(n.kpi(), value);
    }
}
