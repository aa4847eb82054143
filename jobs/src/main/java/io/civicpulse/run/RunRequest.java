package io.civicpulse.run;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One nightly run: ingest every feed file in {@code input}, then recompute every KPI period of every grain that
 * contains a local date in [{@code from}, {@code to}].
 *
 * @param trigger who asked for it, for the run history (for example {@code command-line}, {@code sample-data})
 */
public record RunRequest(Path input, LocalDate from, LocalDate to, String trigger) {

    public RunRequest {
        input = Objects.requireNonNull(input, "input").toAbsolutePath().normalize();
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(trigger, "trigger");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to=" + to + " is before --from=" + from);
        }
    }
}
