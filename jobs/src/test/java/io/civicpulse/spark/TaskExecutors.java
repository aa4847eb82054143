package io.civicpulse.spark;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Records on which executor every finished task ran. Spark creates it on the driver from
 * {@code spark.extraListeners}, so the session the job builds itself is observed without changing the job.
 */
public class TaskExecutors extends SparkListener {

    private static final Map<String, AtomicLong> TASKS_BY_EXECUTOR = new ConcurrentHashMap<>();

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        TASKS_BY_EXECUTOR.computeIfAbsent(taskEnd.taskInfo().executorId(), id -> new AtomicLong()).incrementAndGet();
    }

    static void reset() {
        TASKS_BY_EXECUTOR.clear();
    }

    static Set<String> executors() {
        return Set.copyOf(TASKS_BY_EXECUTOR.keySet());
    }

    static long tasks() {
        return TASKS_BY_EXECUTOR.values().stream().mapToLong(AtomicLong::get).sum();
    }

    static Map<String, Long> tasksByExecutor() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        TASKS_BY_EXECUTOR.forEach((executor, count) -> copy.put(executor, count.get()));
        return copy;
    }
}
