package io.civicpulse.opendata;

import io.civicpulse.quality.QualityRule;

/**
 * A request that cannot become a canonical case: it goes to the import's reject report with file, line, field and
 * reason. When the reason is a data-quality rule, the rule is counted for the department too, so the dashboard
 * still shows it.
 */
final class RowRejected extends Exception {

    private final String field;
    private final QualityRule rule;
    private final CanonicalCase mapped;

    RowRejected(String field, String reason) {
        this(field, reason, null, null);
    }

    /** A row mapped in full but breaking a rule the cases feed enforces: counted under that rule too. */
    RowRejected(String field, String reason, QualityRule rule, CanonicalCase mapped) {
        super(reason, null, false, false);
        this.field = field;
        this.rule = rule;
        this.mapped = mapped;
    }

    String field() {
        return field;
    }

    QualityRule rule() {
        return rule;
    }

    /** The mapped case, for a rejection under a quality rule. */
    CanonicalCase mapped() {
        return mapped;
    }
}
