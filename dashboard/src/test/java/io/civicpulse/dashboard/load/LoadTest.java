package io.civicpulse.dashboard.load;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.ref.Reference;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.civicpulse.dashboard.CivicPulseDashboardApplication;
import io.civicpulse.dashboard.publication.PublishedAnswers;
import io.civicpulse.dashboard.warming.AnswerWarming;
import io.civicpulse.dashboard.warming.AnswerWarmingSchedule;

/**
 * Issue 7's dashboard load test (run by {@code dashboard/load-test.sh}): starts the dashboard in this JVM on a
 * prepared {@code civicpulse.home} and a free loopback port, then
 * <ol>
 * <li>waits until the dashboard has warmed the first views' answers of the newest publication, as it has by the
 * morning after a nightly run ({@code --await-warming=false} measures right after a publication instead);</li>
 * <li>warms it up with a few users (JIT, connection pool, database cache), untimed;</li>
 * <li>logs N users in, each loading the scoreboard and a department, and lets them loop through scoreboard and
 * department views for the duration; prints the latency of each view kind (p50/p95/p99/max), the errors, the
 * throughput, the JVM settings and the load average;</li>
 * <li>measures the heap per session: the used heap after full GCs with {@code --heap-sessions} new sessions logged
 * in and after they are invalidated, the difference divided by their number.</li>
 * </ol>
 * Options: {@code --home=DIR} (required), {@code --users=25}, {@code --seconds=60}, {@code --warmup-seconds=20},
 * {@code --think-ms=0}, {@code --seed=1}, {@code --heap-sessions=100}, {@code --await-warming=true}; any {@code --spring.*} or
 * {@code --civicpulse.*} option goes to the dashboard. Exits 1 if any load failed, so a run that measured error
 * pages cannot pass for a result.
 */
public final class LoadTest {

    static final String USER = "admin";
    // The first start on a prepared home creates the administrator with it; later starts find it there.
    static final String PASSWORD = "load-Test-Pass-1";
    private static final int WARMUP_USERS = 4;

    private LoadTest() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        List<String> dashboardArgs = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--spring.") || arg.startsWith("--civicpulse.") || arg.startsWith("--logging.")) {
                dashboardArgs.add(arg);
            } else if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("unknown option " + arg + " (see LoadTest's documentation)");
            }
        }
        Path home = Path.of(required(options, "home")).toAbsolutePath();
        if (!Files.isDirectory(home.resolve("db"))) {
            throw new IllegalArgumentException(home + " holds no database: prepare it with the nightly job first");
        }
        int users = Integer.parseInt(options.getOrDefault("users", "25"));
        Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "60")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup-seconds", "20")));
        Duration think = Duration.ofMillis(Long.parseLong(options.getOrDefault("think-ms", "0")));
        long seed = Long.parseLong(options.getOrDefault("seed", "1"));
        // More sessions than users for the heap reading: one session weighs about as much as the heap's own
        // fluctuation between two full GCs (H2's page cache alone moves by tens of MiB), so it needs many.
        int heapSessions = Integer.parseInt(options.getOrDefault("heap-sessions", "100"));
        boolean awaitWarming = Boolean.parseBoolean(options.getOrDefault("await-warming", "true"));

        SessionSizes sessions = new SessionSizes();
        SpringApplication application = new SpringApplication(CivicPulseDashboardApplication.class);
        application.addInitializers(context -> context.getBeanFactory().registerSingleton("loadTestSessions",
                new ServletListenerRegistrationBean<>(sessions)));
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--civicpulse.home=" + home,
                "--civicpulse.dashboard.sample-data=" + home.resolve("no-sample-data"),
                "--civicpulse.security.bootstrap-admin-password=" + PASSWORD,
                // A Quartz schedule must not start a nightly run in the middle of the measurement.
                "--spring.quartz.auto-startup=false", "--logging.level.root=WARN"));
        all.addAll(dashboardArgs);
        try (ConfigurableApplicationContext context = application.run(all.toArray(String[]::new))) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
            LoadTargets targets = LoadTargets.of(jdbc);
            LoadDriver driver = new LoadDriver(URI.create("http://127.0.0.1:" + port), USER, PASSWORD, targets);
            System.out.printf(Locale.ROOT, "%nDashboard on port %d, home %s, %,d KPI rows%n", port, home,
                    LoadTargets.kpiRows(jdbc));
            if (awaitWarming) {
                awaitWarming(context);
            }

            Latencies warm = new Latencies();
            driver.run(driver.logIn(WARMUP_USERS, seed - 1, warm),
                    new LoadDriver.Settings(WARMUP_USERS, warmup, 0, Duration.ZERO, seed - 1), warm);
            System.out.printf(Locale.ROOT, "Warm-up: %d users for %ds, %d view loads, %d errors%n", WARMUP_USERS,
                    warmup.toSeconds(), warm.views().count(), warm.errors().size());

            Latencies measured = new Latencies();
            List<VirtualUser> load = driver.logIn(users, seed, measured);
            SessionSizes.Weight weight = sessions.weigh();

            double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            Duration elapsed = driver.run(load, new LoadDriver.Settings(users, duration, 0, think, seed), measured);
            double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

            SessionSizes.Weight weightAfter = sessions.weigh();
            HeapPerSession heap = heapPerSession(driver, sessions, heapSessions, seed);
            System.out.printf(Locale.ROOT, "Vaadin production mode: %s%n", load.getFirst().productionMode());
            report(users, elapsed, think, measured, warm, loadBefore, loadAfter);
            System.out.printf(Locale.ROOT, "heap per session: %,.0f KiB (used heap after full GCs: %,.1f MiB "
                    + "without sessions, %,.1f MiB with %d new ones each logged in with a department view open, "
                    + "%,.1f MiB once they are invalidated)%n", heap.perSessionKiB(), heap.before() / 1048576.0,
                    heap.with() / 1048576.0, heap.sessions(), heap.after() / 1048576.0);
            System.out.printf(Locale.ROOT, "UIs open: %d after the logins, %d after the run; serialised session: %s%n",
                    weight.uis(), weightAfter.uis(), weightAfter.failure() != null
                            ? "not serialisable (" + weightAfter.failure() + ")"
                            : String.format(Locale.ROOT, "%,.0f KiB on average", weightAfter.average() / 1024.0));
            if (!measured.errors().isEmpty()) {
                System.exit(1);
            }
        }
    }

    private static void report(int users, Duration elapsed, Duration think, Latencies latencies, Latencies warm,
            double loadBefore, double loadAfter) {
        double seconds = elapsed.toNanos() / 1e9;
        Latencies.Summary views = latencies.views();
        System.out.printf(Locale.ROOT, "%n== Dashboard under load ==%n");
        System.out.printf(Locale.ROOT, "users %d (closed model, think time %d ms), duration %.1f s%n", users,
                think.toMillis(), seconds);
        System.out.printf(Locale.ROOT, "HTTP requests %,d (%.1f/s), view loads %,d (%.1f/s), errors %d%n",
                latencies.requests(), latencies.requests() / seconds, views.count(), views.count() / seconds,
                latencies.errors().size());
        System.out.printf(Locale.ROOT, "%-11s %7s %8s %8s %8s %8s %8s%n", "latency ms", "count", "p50", "p95",
                "p99", "max", "mean");
        for (ViewKind kind : ViewKind.values()) {
            print(kind.name().toLowerCase(Locale.ROOT), latencies.summary(kind));
        }
        print("all views", views);
        System.out.printf(Locale.ROOT, "load average (1 min) %.2f before, %.2f after the run; %d processors%n",
                loadBefore, loadAfter, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "JVM %s %s; max heap %,d MiB; GC %s; arguments %s%n",
                System.getProperty("java.vm.vendor"), System.getProperty("java.runtime.version"),
                Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                        .collect(Collectors.joining(", ")),
                ManagementFactory.getRuntimeMXBean().getInputArguments());
        List<String> errors = new ArrayList<>(warm.errors());
        errors.addAll(latencies.errors());
        errors.stream().limit(10).forEach(error -> System.out.println("error: " + error));
    }

    /** Waits for the warming of the newest publication, which the dashboard starts once it is up. */
    private static void awaitWarming(ConfigurableApplicationContext context) throws InterruptedException {
        AnswerWarmingSchedule schedule = context.getBean(AnswerWarmingSchedule.class);
        long publication = context.getBean(PublishedAnswers.class).newestPublication();
        if (publication == PublishedAnswers.NONE || !context.getEnvironment()
                .getProperty("civicpulse.dashboard.answer-warming.enabled", Boolean.class, true)) {
            System.out.println("Answers not warmed (warming switched off, or nothing published)");
            return;
        }
        long start = System.nanoTime();
        while (schedule.last().map(AnswerWarming.Summary::publication).orElse(PublishedAnswers.NONE) != publication) {
            if (System.nanoTime() - start > Duration.ofMinutes(15).toNanos()) {
                throw new IllegalStateException("publication " + publication + " was not warmed within 15 minutes");
            }
            Thread.sleep(500);
        }
        AnswerWarming.Summary summary = schedule.last().orElseThrow();
        System.out.printf(Locale.ROOT, "Answers warmed for publication %d%s: %d periods, %d city and %d department "
                + "views, %,d answers, in %.1f s%n", summary.publication(), summary.complete() ? "" : " (in part)",
                summary.periods(), summary.cityViews(), summary.departmentViews(), summary.answers(),
                summary.took().toMillis() / 1000.0);
    }

    private record HeapPerSession(long before, long with, long after, int sessions) {

        double perSessionKiB() {
            return (with - after) / 1024.0 / sessions;
        }
    }

    /**
     * After the run, with every session invalidated: the used heap after full GCs before N new sessions log in and
     * take one drill-down step (the scoreboard, then a department, whose UI stays open), with them, and once they
     * are invalidated again; the last two differ by the sessions alone (the users' HTTP clients, in this JVM too,
     * are in both), divided by N. Taken after the run so the caches (H2's pages, Vaadin's, the JIT's) have settled;
     * the script runs the JVM with -XX:SoftRefLRUPolicyMSPerMB=0 so a full GC also clears soft-referenced caches.
     */
    private static HeapPerSession heapPerSession(LoadDriver driver, SessionSizes sessions, int users, long seed)
            throws InterruptedException {
        invalidate(sessions);
        long before = usedHeapAfterGc();
        Latencies latencies = new Latencies();
        List<VirtualUser> fresh = driver.logIn(users, seed + 1, latencies);
        long with = usedHeapAfterGc();
        invalidate(sessions);
        long after = usedHeapAfterGc();
        Reference.reachabilityFence(fresh);
        if (!latencies.errors().isEmpty()) {
            throw new IllegalStateException("the heap measurement's logins failed: " + latencies.errors());
        }
        return new HeapPerSession(before, with, after, users);
    }

    /**
     * Vaadin closes an invalidated session's UIs in a task it queues on the session, so the heap is read only once
     * that has had time to run.
     */
    private static void invalidate(SessionSizes sessions) throws InterruptedException {
        sessions.invalidateLoggedIn();
        Thread.sleep(3_000);
    }

    private static void print(String label, Latencies.Summary summary) {
        System.out.printf(Locale.ROOT, "%-11s %7d %8.1f %8.1f %8.1f %8.1f %8.1f%n", label, summary.count(),
                summary.p50(), summary.p95(), summary.p99(), summary.max(), summary.mean());
    }

    /** Used heap once garbage is gone: full collections (G1 runs System.gc() as one) until the reading settles. */
    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        long used = 0;
        for (int i = 0; i < 8; i++) {
            System.gc();
            Thread.sleep(300);
            used = memory.getHeapMemoryUsage().getUsed();
            if (i >= 2 && Math.abs(previous - used) < 256 * 1024) {
                break;
            }
            previous = used;
        }
        return used;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + "=... is required");
        }
        return value;
    }
}
