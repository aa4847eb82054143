package io.civicpulse.run;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;

/**
 * One nightly run at a time, across every process that shares the database (the command line, dashboards):
 * a ShedLock lock in the database, extended while the run lives. A process that dies holding it leaves a lock
 * that expires after {@link #LEASE}, after which the run can be restarted.
 */
@Component
class RunLock implements DisposableBean {

    static final String NAME = "nightly-run";
    /** How long a dead process blocks the next run at most; ShedLock keeps extending it by half of that. */
    static final Duration LEASE = Duration.ofSeconds(30);

    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("civicpulse-run-lock").daemon(true).factory());
    private final LockProvider locks;
    private final JdbcClient jdbc;

    RunLock(DataSource dataSource) {
        this.locks = new KeepAliveLockProvider(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration
                .builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build()), keepAlive);
        this.jdbc = JdbcClient.create(dataSource);
    }

    Optional<SimpleLock> tryAcquire() {
        return locks.lock(new LockConfiguration(Instant.now(), NAME, LEASE, Duration.ZERO));
    }

    /** Who holds the lock and since when, for the message that refuses a second run. */
    String holder() {
        return jdbc.sql("SELECT locked_by, locked_at FROM shedlock WHERE name = ?")
                .param(NAME)
                .query((rs, i) -> rs.getString(1) + " since " + rs.getTimestamp(2).toLocalDateTime())
                .optional()
                .orElse("another process");
    }

    @Override
    public void destroy() {
        keepAlive.shutdownNow();
    }
}
