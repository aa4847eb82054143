package io.civicpulse.generate;

import java.time.Duration;

/**
 * A request type of the sample city. {@code closeWithin} is the service level the department works to;
 * {@code dueTime} says where a case's due time comes from, which decides whether the sample configuration must
 * list the service under {@code civicpulse.kpi.service-levels}.
 */
public record DepartmentService(String name, Duration closeWithin, DueTime dueTime) {

    public enum DueTime {
        /** The department's system writes {@code due_at} on every case. */
        IN_FEED,
        /** {@code due_at} is empty; the city's configuration supplies the service level. */
        CONFIGURED,
        /** {@code due_at} is empty and nothing is configured: the case has no due time. */
        NONE
    }
}
