package io.civicpulse.generate;

import java.nio.file.Path;
import java.util.List;

/** Rows written per feed, and every file written (feed files in month order, then {@code generation.properties}). */
public record GenerationSummary(long contacts, long cases, long surveys, List<Path> files) {

    public GenerationSummary {
        files = List.copyOf(files);
    }
}
