package io.civicpulse.targets;

/** A target change that is refused, with nothing saved: {@code field} is the one at fault. */
public class InvalidTargetChange extends IllegalArgumentException {

    private final String field;

    InvalidTargetChange(String field, String message) {
        super(message);
        this.field = field;
    }

    /** {@code kpi}, {@code department}, {@code channel}, {@code value}, {@code weight}, {@code effectiveFrom} or {@code reason}. */
    public String field() {
        return field;
    }
}
