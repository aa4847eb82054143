package io.civicpulse.dashboard.load;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.civicpulse.dashboard.load.VirtualUser.LoadFailure;

/**
 * A bounded, closed-model load: a fixed number of virtual users, each on its own thread and session, each sending
 * its next page load only when the previous one has answered (after an optional think time), until a deadline or a
 * number of steps. A failed load is counted and the user goes on; a user who lost its login logs in again.
 */
public final class LoadDriver {

    /**
     * @param steps drill-down steps (scoreboard, then a department) per user; 0 for as many as the duration allows
     * @param thinkTime the mean pause between two page loads of one user (uniform between half and one and a half
     *        times it); zero sends the next at once
     */
    public record Settings(int users, Duration duration, int steps, Duration thinkTime, long seed) {
    }

    private final URI base;
    private final String username;
    private final String password;
    private final LoadTargets targets;

    public LoadDriver(URI base, String username, String password, LoadTargets targets) {
        this.base = base;
        this.username = username;
        this.password = password;
        this.targets = targets;
    }

    /**
     * {@code count} new sessions, all logged in and each having loaded one drill-down step (the scoreboard and a
     * department), concurrently: the state whose heap the load test measures per session.
     */
    public List<VirtualUser> logIn(int count, long seed, Latencies latencies) {
        List<VirtualUser> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            users.add(new VirtualUser(base, username, password, latencies));
        }
        // At most 25 logins at a time: each Argon2 hash takes 16 MiB of heap while it runs.
        inParallel(users, Math.min(count, 25), (user, index) -> {
            try {
                user.logIn();
            } catch (LoadFailure e) {
                latencies.failed("login: " + e.getMessage());
                return;
            }
            for (ViewTarget target : targets.next(new Random(seed + index), index)) {
                load(user, target, latencies);
            }
        });
        return users;
    }

    /** Runs the users until the settings' duration or steps are used up; returns the wall time taken. */
    public Duration run(List<VirtualUser> users, Settings settings, Latencies latencies) {
        long start = System.nanoTime();
        long deadline = start + settings.duration().toNanos();
        inParallel(users, users.size(), (user, index) -> {
            Random random = new Random(settings.seed() * 31 + index);
            // With think time, each user starts at a random point of its first pause, as people arrive one by one;
            // 25 users clicking in the same millisecond would measure a burst that no think time ever produces.
            // The point is drawn apart from the user's views (whose draws stay as they were, so the same seed
            // still gives the same views): the first draw of java.util.Random barely changes with a small change of
            // the seed (seeds 31 to 55 all give 0.727 to 0.731), which started all 25 users within 4 ms.
            random.nextDouble();
            pause(startOffset(settings, index));
            for (int step = 0; settings.steps() == 0 || step < settings.steps(); step++) {
                for (ViewTarget target : targets.next(random, index + step)) {
                    if (System.nanoTime() >= deadline) {
                        return;
                    }
                    load(user, target, latencies);
                    think(settings.thinkTime(), random);
                }
            }
        });
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * How long a user waits before its first page load: a point of its first think time, drawn from a generator
     * whose first draws of neighbouring seeds are independent (SplittableRandom mixes the seed), unlike Random's.
     */
    static long startOffset(Settings settings, int index) {
        return (long) (settings.thinkTime().toMillis() * new SplittableRandom(settings.seed() * 31 + index)
                .nextDouble());
    }

    private static void load(VirtualUser user, ViewTarget target, Latencies latencies) {
        try {
            user.load(target);
        } catch (LoadFailure e) {
            latencies.failed(target.kind() + " " + e.getMessage());
            if (e.getMessage().contains("/login")) {
                try {
                    user.logIn();
                } catch (LoadFailure again) {
                    latencies.failed("login again: " + again.getMessage());
                }
            }
        }
    }

    private static void think(Duration mean, Random random) {
        pause((long) (mean.toMillis() * (0.5 + random.nextDouble())));
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private interface UserTask {
        void run(VirtualUser user, int index);
    }

    private static void inParallel(List<VirtualUser> users, int threadCount, UserTask task) {
        try (ExecutorService threads = Executors.newFixedThreadPool(threadCount)) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < users.size(); i++) {
                int index = i;
                running.add(threads.submit(() -> task.run(users.get(index), index)));
            }
            for (Future<?> user : running) {
                user.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a virtual user crashed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
