package io.civicpulse.dashboard.load;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the virtual users measured: every view load's latency by kind, the HTTP requests they sent and the loads that
 * failed. Thread-safe; the users of one run share one.
 */
public final class Latencies {

    /** A latency distribution in milliseconds; percentiles by nearest rank. */
    public record Summary(int count, double p50, double p95, double p99, double max, double mean) {

        static Summary of(List<Long> nanos) {
            if (nanos.isEmpty()) {
                return new Summary(0, 0, 0, 0, 0, 0);
            }
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            double mean = nanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
            return new Summary(sorted.length, rank(sorted, 0.50), rank(sorted, 0.95), rank(sorted, 0.99),
                    sorted[sorted.length - 1] / 1e6, mean);
        }

        private static double rank(long[] sorted, double quantile) {
            int index = (int) Math.ceil(quantile * sorted.length) - 1;
            return sorted[Math.max(0, index)] / 1e6;
        }
    }

    private final Map<ViewKind, List<Long>> nanos = new EnumMap<>(ViewKind.class);
    private final AtomicLong requests = new AtomicLong();
    private final List<String> errors = new ArrayList<>();

    public Latencies() {
        for (ViewKind kind : ViewKind.values()) {
            nanos.put(kind, new ArrayList<>());
        }
    }

    void record(ViewKind kind, long elapsedNanos) {
        List<Long> list = nanos.get(kind);
        synchronized (list) {
            list.add(elapsedNanos);
        }
    }

    void requestSent() {
        requests.incrementAndGet();
    }

    synchronized void failed(String error) {
        errors.add(error);
    }

    public Summary summary(ViewKind kind) {
        List<Long> list = nanos.get(kind);
        synchronized (list) {
            return Summary.of(List.copyOf(list));
        }
    }

    /** Every view load, the logins left out: they are not views and cost a password hash each. */
    public Summary views() {
        List<Long> all = new ArrayList<>();
        for (ViewKind kind : ViewKind.values()) {
            if (kind.isView()) {
                List<Long> list = nanos.get(kind);
                synchronized (list) {
                    all.addAll(list);
                }
            }
        }
        return Summary.of(all);
    }

    public long requests() {
        return requests.get();
    }

    public synchronized List<String> errors() {
        return List.copyOf(errors);
    }
}
