package io.civicpulse.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Small feed folders and waiting, for the schedule and run-control tests. */
final class ScheduleFeeds {

    static final String CASES_HEADER = "case_id,department,service,channel,district,opened_at,closed_at,due_at,status";

    private ScheduleFeeds() {
    }

    /** A folder under {@code root} with one cases file of these rows. */
    static Path cases(Path root, String name, String... rows) throws IOException {
        Path folder = Files.createDirectories(root.resolve(name));
        Files.writeString(folder.resolve("cases-2026-03.csv"), CASES_HEADER + "\n" + String.join("\n", rows) + "\n");
        return folder;
    }

    /** Two good cases. */
    static Path twoCases(Path root, String name) throws IOException {
        return cases(root, name,
                "S1,SAN,Bulky Items,PHONE,D1,2026-03-02T09:00:00,2026-03-02T10:00:00,2026-03-02T12:00:00,CLOSED",
                "S2,SAN,Bulky Items,PHONE,D1,2026-03-02T09:00:00,2026-03-02T11:00:00,2026-03-02T12:00:00,CLOSED");
    }

    static void await(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s in vain for " + what);
            }
            Thread.sleep(200);
        }
    }
}
