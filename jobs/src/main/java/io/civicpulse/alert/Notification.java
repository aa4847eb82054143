package io.civicpulse.alert;

import java.time.Instant;
import java.time.LocalDate;

import io.civicpulse.kpi.Grain;
import io.civicpulse.kpi.Kpi;

/**
 * One alert as stored and shown. {@code department} is a department code, or {@code *} for the whole city (a
 * city-wide KPI, or a run, which concerns every department). The KPI fields are set for {@link AlertKind#KPI_MISSED}
 * only; {@code detail} holds a failed run's reason or a missed schedule's name and reason; {@code occurredAt} is when
 * the run ended or should have started.
 */
public record Notification(long id, AlertKind kind, String department, Kpi kpi, Grain grain, LocalDate periodStart,
        Double value, Double target, Double previousValue, Long jobExecutionId, String detail, Instant occurredAt,
        Instant createdAt) {

    public static final String CITY = "*";
}
