package io.civicpulse.schedule;

/**
 * A schedule that cannot be saved, with nothing saved. {@link #problem()} lets the dashboard word it in the reader's
 * language ({@code schedules.problem.<PROBLEM>}, with {@link #value()}); the message is the English wording.
 */
public class InvalidSchedule extends IllegalArgumentException {

    public enum Problem {
        BLANK_NAME, NAME_TOO_LONG, NAME_TAKEN, INVALID_CRON, BAD_DAYS, UNKNOWN_SCHEDULE
    }

    private final Problem problem;
    private final String value;

    InvalidSchedule(Problem problem, String value, String message) {
        super(message);
        this.problem = problem;
        this.value = value;
    }

    public Problem problem() {
        return problem;
    }

    /** The value the problem is about (the cron expression, the name...). */
    public String value() {
        return value;
    }
}
