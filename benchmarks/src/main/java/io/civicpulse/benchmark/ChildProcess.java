package io.civicpulse.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs one step of the benchmark as a child process and measures it the way an operator experiences it: wall
 * time from start to exit (JVM start included), CPU time of all its threads, and its peak resident memory.
 *
 * <p>CPU time comes from this process's {@code cutime + cstime} in {@code /proc/self/stat}, which the kernel
 * increases by a child's user and system time once the child is reaped, so it is exact and includes the last
 * moments before exit; steps run one at a time, so the difference is the child's. Peak memory is the child's
 * {@code VmHWM} (the kernel's own high-water mark), polled while it runs.
 */
final class ChildProcess {

    /** What one step cost. {@code peakRssBytes} is 0 where /proc could not be read. */
    record Measurement(Duration wall, Duration cpu, long peakRssBytes, int exitStatus, String output) {
    }

    private static final long CLOCK_TICKS_PER_SECOND = 100;
    private static final long POLL_MILLIS = 50;

    private ChildProcess() {
    }

    static Measurement run(List<String> command, Path workingDirectory, Path log)
            throws IOException, InterruptedException {
        long cpuBefore = reapedChildrenTicks();
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long peak = 0;
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        while (process.isAlive()) {
            peak = Math.max(peak, highWaterMark(status));
            process.waitFor(POLL_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        int exit = process.waitFor();
        long wall = System.nanoTime() - start;
        long ticks = reapedChildrenTicks() - cpuBefore;
        return new Measurement(Duration.ofNanos(wall), Duration.ofMillis(ticks * 1000 / CLOCK_TICKS_PER_SECOND),
                peak, exit, Files.readString(log));
    }

    /** {@code VmHWM} of a running process in bytes; 0 once it has gone. */
    private static long highWaterMark(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended between isAlive and the read: its last sample stands
        }
        return 0;
    }

    /** User + system clock ticks of this process's reaped children ({@code cutime}, {@code cstime}). */
    static long reapedChildrenTicks() throws IOException {
        return statTicks(Path.of("/proc/self/stat"), 13, 14);
    }

    /** User + system clock ticks a process has used itself ({@code utime}, {@code stime}); -1 if unreadable. */
    static long ownTicks(long pid) {
        try {
            return statTicks(Path.of("/proc", Long.toString(pid), "stat"), 11, 12);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Sums two fields of a /proc stat line, counted from the first field after the command name. */
    private static long statTicks(Path stat, int first, int second) throws IOException {
        String line = Files.readString(stat);
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[first]) + Long.parseLong(fields[second]);
    }

    static Duration ticks(long ticks) {
        return Duration.ofMillis(ticks * 1000 / CLOCK_TICKS_PER_SECOND);
    }
}
