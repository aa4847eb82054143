package io.civicpulse.alert;

import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import io.civicpulse.kpi.Grain;
import io.civicpulse.kpi.Kpi;

/**
 * The subject and body of an alert e-mail in the recipient's language, from {@code alerts/messages*.properties}
 * (English base, Spanish {@code _es}). Placeholders {@code {0}}, {@code {1}}, … are replaced literally.
 */
record AlertMail(String subject, String body) {

    static final String BUNDLE = "alerts/messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** One e-mail telling every notification of a run (or a missed schedule) that concerns the recipient. */
    static AlertMail of(List<Notification> notifications, String language, DashboardLink link, ZoneId zone) {
        Texts t = new Texts(Locale.of(language));
        long kpis = notifications.stream().filter(n -> n.kind() == AlertKind.KPI_MISSED).count();
        boolean failed = notifications.stream().anyMatch(n -> n.kind() == AlertKind.RUN_FAILED);
        boolean missedRun = notifications.stream().anyMatch(n -> n.kind() == AlertKind.RUN_MISSED);
        String subject = failed ? t.get("subject.runFailed")
                : missedRun ? t.get("subject.runMissed")
                : t.get(kpis == 1 ? "subject.kpiMissed.one" : "subject.kpiMissed.other", kpis);
        List<String> lines = new ArrayList<>();
        lines.add(t.get("body.greeting"));
        lines.add("");
        for (Notification n : notifications) {
            lines.add("- " + t.line(n, zone));
            if (n.kind() == AlertKind.KPI_MISSED) {
                String filter = "grain=" + n.grain() + "&period=" + n.periodStart();
                lines.add("  " + link.to(n.department().equals(Notification.CITY) ? "/?" + filter
                        : "/department?department=" + n.department() + "&" + filter));
            }
        }
        lines.add("");
        lines.add(t.get("body.open", link.to("/notifications")));
        lines.add("");
        lines.add(t.get("body.why", link.to("/my-alerts")));
        return new AlertMail(t.get("subject.prefix") + " " + subject, String.join("\n", lines) + "\n");
    }

    static final class Texts {

        private final Locale locale;
        private final ResourceBundle bundle;

        Texts(Locale locale) {
            this.locale = locale;
            this.bundle = ResourceBundle.getBundle(BUNDLE, locale, AlertMail.class.getClassLoader(), NO_FALLBACK);
        }

        String get(String key, Object... arguments) {
            String text = bundle.getString(key);
            for (int i = 0; i < arguments.length; i++) {
                text = text.replace("{" + i + "}", String.valueOf(arguments[i]));
            }
            return text;
        }

        String line(Notification n, ZoneId zone) {
            return switch (n.kind()) {
                case KPI_MISSED -> get("line.kpiMissed", n.department().equals(Notification.CITY) ? get("city")
                        : n.department(), get("kpi." + n.kpi().name()), period(n.grain(), n.periodStart()),
                        value(n.kpi(), n.value()), value(n.kpi(), n.target()), value(n.kpi(), n.previousValue()));
                case RUN_FAILED -> get("line.runFailed", n.jobExecutionId() == null || n.jobExecutionId() < 0 ? "–"
                        : n.jobExecutionId(), n.detail());
                case RUN_MISSED -> get("line.runMissed", n.occurredAt() == null ? "–"
                        : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                                .withLocale(locale).withZone(zone).format(n.occurredAt()), n.detail());
            };
        }

        String period(Grain grain, java.time.LocalDate start) {
            return get("grain." + grain.name(), DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                    .format(start));
        }

        String value(Kpi kpi, Double value) {
            if (value == null) {
                return "–";
            }
            if (kpi.isRate() || kpi == Kpi.EXPERIENCE_SCORE) {
                NumberFormat percent = NumberFormat.getPercentInstance(locale);
                percent.setMinimumFractionDigits(1);
                percent.setMaximumFractionDigits(1);
                return percent.format(value);
            }
            NumberFormat number = NumberFormat.getNumberInstance(locale);
            number.setMaximumFractionDigits(2);
            return number.format(value);
        }
    }
}
