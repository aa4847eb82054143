package io.civicpulse.alert;

/** What an alert is about. */
public enum AlertKind {
    /** A KPI missed its goal in the latest period of a grain after meeting it in the period before. */
    KPI_MISSED,
    /** A nightly run failed or was refused. */
    RUN_FAILED,
    /** A scheduled nightly run did not happen. */
    RUN_MISSED
}
