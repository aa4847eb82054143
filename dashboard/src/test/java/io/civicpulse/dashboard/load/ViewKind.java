package io.civicpulse.dashboard.load;

/** What a virtual user loads; each kind gets its own latency figures. */
public enum ViewKind {

    /** The city scoreboard, {@code /}. */
    SCOREBOARD,
    /** One department, {@code /department?department=...}. */
    DEPARTMENT,
    /** The form login: not a view, reported apart (it costs an Argon2 hash by design). */
    LOGIN;

    boolean isView() {
        return this != LOGIN;
    }
}
