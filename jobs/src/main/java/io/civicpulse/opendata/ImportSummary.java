package io.civicpulse.opendata;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.civicpulse.quality.QualityCount;

/**
 * What an import did. Conservation: {@code inputRows == cases + rejected}; {@code contacts} are derived from some of
 * the cases.
 */
public record ImportSummary(Path input, Path output, long inputRows, long cases, long contacts, long rejected,
        Map<String, Long> otherCounts, List<QualityCount> rejectedUnderQualityRules) {
}
