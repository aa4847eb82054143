package io.civicpulse.dashboard.scoreboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.civicpulse.kpi.KpiResultRepository;
import io.civicpulse.kpi.Publication;

/**
 * Whether leadership can trust that the numbers are current: the nightly run publishes once a day, so no
 * publication for {@value #LATE_HOURS} hours means a night was missed, and a failed last run means tonight's numbers
 * may be missing too. Read from Spring Batch's own tables, which record every run however it was started.
 */
@Service
public class RunHealth {

    /** A day and a half: a run may finish a few hours late without alarming anyone. */
    static final long LATE_HOURS = 36;

    static final String JOB_NAME = "nightlyRun";

    /** What the dashboard knows about the latest run. */
    public record Status(Optional<Instant> lastPublished, boolean late, boolean lastRunFailed) {

        public boolean healthy() {
            return !late && !lastRunFailed;
        }
    }

    private final KpiResultRepository results;
    private final JdbcClient jdbc;
    private final Clock clock;

    public RunHealth(KpiResultRepository results, DataSource dataSource, ObjectProvider<Clock> clock) {
        this.results = results;
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public Status current() {
        Optional<Instant> published = results.latestPublication().map(Publication::publishedAt);
        boolean late = published.map(at -> at.isBefore(clock.instant().minus(Duration.ofHours(LATE_HOURS))))
                .orElse(false);
        Optional<String> lastStatus = jdbc.sql("""
                SELECT e.STATUS FROM BATCH_JOB_EXECUTION e
                JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                WHERE i.JOB_NAME = ? ORDER BY e.JOB_EXECUTION_ID DESC FETCH FIRST 1 ROWS ONLY""")
                .param(JOB_NAME)
                .query(String.class)
                .optional();
        return new Status(published, late, lastStatus.filter("FAILED"::equals).isPresent());
    }
}
