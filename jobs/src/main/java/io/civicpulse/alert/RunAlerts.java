package io.civicpulse.alert;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

import io.civicpulse.CivicPulseProperties;
import io.civicpulse.kpi.Grain;
import io.civicpulse.kpi.Kpi;
import io.civicpulse.run.RunFinished;
import io.civicpulse.run.ScheduledRunMissed;

/**
 * Turns what happened to the nightly run into alerts: after a successful run, the KPIs of each department (and of
 * the city) that newly miss their goal in the latest period of each grain ({@link MissedTarget}); a failed or refused
 * run; a scheduled run that did not happen. Each is stored as a notification for the dashboard and e-mailed, one
 * e-mail per subscriber and occasion, to the subscribers of the department concerned — in whichever process ran the
 * run, the dashboard's or the command line's. An alert that cannot be stored or sent is logged and never fails the
 * run.
 */
@Service
public class RunAlerts {

    private static final Logger log = LoggerFactory.getLogger(RunAlerts.class);

    private final AlertStore store;
    private final AlertSubscriptions subscriptions;
    private final ObjectProvider<JavaMailSender> mail;
    private final AlertProperties alertProperties;
    private final DashboardLink link;
    private final CivicPulseProperties properties;
    private final JdbcClient jdbc;

    RunAlerts(AlertStore store, AlertSubscriptions subscriptions, ObjectProvider<JavaMailSender> mail,
            AlertProperties alertProperties, DashboardLink link, CivicPulseProperties properties,
            DataSource dataSource) {
        this.store = store;
        this.subscriptions = subscriptions;
        this.mail = mail;
        this.alertProperties = alertProperties;
        this.link = link;
        this.properties = properties;
        this.jdbc = JdbcClient.create(dataSource);
    }

    @EventListener
    public void runFinished(RunFinished event) {
        try {
            Instant now = Instant.now();
            if (!event.outcome().succeeded()) {
                Notification failed = store.runFailed(event.outcome().jobExecutionId() < 0 ? null
                        : event.outcome().jobExecutionId(), event.outcome().failure(), now);
                send(List.of(failed), department -> subscriptions.everyone());
                return;
            }
            List<Notification> missed = new ArrayList<>();
            for (Grain grain : Grain.values()) {
                LocalDate latest = grain.periodStart(event.request().to());
                for (MissedTarget target : MissedTarget.newlyMissed(grain, latest, judged(grain, latest))) {
                    store.kpiMissed(target, event.outcome().jobExecutionId(), now).ifPresent(missed::add);
                }
            }
            send(missed, subscriptions::recipientsOf);
        } catch (RuntimeException e) {
            log.warn("Alerts after run {} could not be stored or sent: {}", event.outcome().jobExecutionId(),
                    e.toString());
        }
    }

    @EventListener
    public void scheduledRunMissed(ScheduledRunMissed event) {
        try {
            Notification missed = store.runMissed(event.schedule(), event.reason(), event.expectedAt());
            send(List.of(missed), department -> subscriptions.everyone());
        } catch (RuntimeException e) {
            log.warn("The alert for the missed run of {} could not be stored or sent: {}", event.schedule(),
                    e.toString());
        }
    }

    /** The department-level and city-level rows with a goal of the latest period of {@code grain} and the one before. */
    private List<MissedTarget.Judged> judged(Grain grain, LocalDate latest) {
        return jdbc.sql("""
                SELECT kpi, period_start, department, kpi_value, target, meets_target FROM kpi_result
                WHERE grain = ? AND period_start IN (?, ?) AND service = '*' AND channel = '*' AND district = '*'
                    AND meets_target IS NOT NULL""")
                .params(grain.name(), latest, grain.previousPeriodStart(latest))
                .query((rs, i) -> new MissedTarget.Judged(Kpi.valueOf(rs.getString("kpi")), grain,
                        rs.getObject("period_start", LocalDate.class), rs.getString("department"),
                        rs.getObject("kpi_value", Double.class), rs.getObject("target", Double.class),
                        rs.getObject("meets_target", Boolean.class)))
                .list();
    }

    /** One e-mail per subscriber, telling the notifications of the departments they follow. */
    private void send(List<Notification> notifications, Function<String, List<Subscription>> recipientsOf) {
        if (notifications.isEmpty()) {
            return;
        }
        Map<Long, Subscription> bySubscription = new LinkedHashMap<>();
        Map<String, List<Notification>> byAddress = new LinkedHashMap<>();
        Map<String, String> languages = new LinkedHashMap<>();
        for (Notification n : notifications) {
            for (Subscription s : recipientsOf.apply(n.department())) {
                bySubscription.put(s.id(), s);
                String address = s.email().toLowerCase(java.util.Locale.ROOT);
                List<Notification> list = byAddress.computeIfAbsent(address, a -> new ArrayList<>());
                if (!list.contains(n)) {
                    list.add(n);
                }
                languages.putIfAbsent(address, s.language());
            }
        }
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            if (!byAddress.isEmpty()) {
                log.info("{} alert(s) for {} subscriber(s) are shown in the dashboard only: no SMTP server is"
                        + " configured (spring.mail.host)", notifications.size(), byAddress.size());
            }
            return;
        }
        byAddress.forEach((address, list) -> {
            AlertMail text = AlertMail.of(list, languages.get(address), link, properties.city().timeZone());
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(alertProperties.from());
            message.setTo(address);
            message.setSubject(text.subject());
            message.setText(text.body());
            try {
                sender.send(message);
            } catch (MailException e) {
                log.warn("The alert e-mail to {} could not be sent: {}", address, e.getMessage());
            }
        });
    }
}
