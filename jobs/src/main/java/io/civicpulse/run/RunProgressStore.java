package io.civicpulse.run;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.civicpulse.kpi.Feed;

/**
 * The latest progress line of each run, in the database, so that a dashboard shows the progress of a run another
 * process (another dashboard instance, the command line) is running. Written in a transaction of its own: a step's
 * transaction commits only when the step ends, far too late for "live".
 * <p>
 * Arguments keep their type, tagged: {@code N:} a whole number, {@code D:} a date, {@code F:} a feed, {@code S:} a
 * string — what {@link RunProgress} allows — joined by a unit separator, so each reader formats them in its locale.
 */
@Component
class RunProgressStore {

    private static final String SEPARATOR = "\u001f";

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    RunProgressStore(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void save(long jobExecutionId, RunProgress progress) {
        ownTransaction.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM run_progress WHERE job_execution_id = ?").param(jobExecutionId).update();
            jdbc.sql("INSERT INTO run_progress (job_execution_id, kind, arguments, reported_at) VALUES (?, ?, ?, ?)")
                    .params(jobExecutionId, progress.kind().name(), encode(progress.arguments()),
                            OffsetDateTime.now(ZoneOffset.UTC))
                    .update();
        });
    }

    Optional<RunProgress> latest(long jobExecutionId) {
        return jdbc.sql("SELECT kind, arguments FROM run_progress WHERE job_execution_id = ?")
                .param(jobExecutionId)
                .query((rs, i) -> decode(rs.getString(1), rs.getString(2)))
                .optional()
                .flatMap(Optional::ofNullable);
    }

    static String encode(List<Object> arguments) {
        List<String> parts = new ArrayList<>();
        for (Object argument : arguments) {
            parts.add(switch (argument) {
                case Integer n -> "N:" + n;
                case Long n -> "N:" + n;
                case LocalDate date -> "D:" + date;
                case Feed feed -> "F:" + feed.name();
                case null -> "S:";
                default -> "S:" + argument;
            });
        }
        return String.join(SEPARATOR, parts);
    }

    /** Empty for a kind this version does not know (a newer process wrote it). */
    static RunProgress decode(String kind, String arguments) {
        RunProgress.Kind known;
        try {
            known = RunProgress.Kind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            return null;
        }
        List<Object> values = new ArrayList<>();
        if (!arguments.isEmpty()) {
            for (String part : arguments.split(SEPARATOR, -1)) {
                String value = part.substring(2);
                values.add(switch (part.charAt(0)) {
                    case 'N' -> Long.parseLong(value);
                    case 'D' -> LocalDate.parse(value);
                    case 'F' -> Feed.valueOf(value);
                    default -> value;
                });
            }
        }
        return new RunProgress(known, values);
    }

    /** When the progress of a run was last reported, if ever. */
    Optional<Instant> reportedAt(long jobExecutionId) {
        return jdbc.sql("SELECT reported_at FROM run_progress WHERE job_execution_id = ?").param(jobExecutionId)
                .query((rs, i) -> rs.getObject(1, OffsetDateTime.class).toInstant()).optional();
    }
}
