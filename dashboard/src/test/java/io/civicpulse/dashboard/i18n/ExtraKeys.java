package io.civicpulse.dashboard.i18n;

import java.util.List;

/** Keys the code builds from values rather than literals, besides those from the KPI and grain enums. */
final class ExtraKeys {

    static final List<String> ALL = List.of("overview.group.overall", "comments.language.en", "comments.language.es",
            "comments.count.one", "comments.count.other", "alerts.kind.KPI_MISSED", "alerts.kind.RUN_FAILED",
            "alerts.kind.RUN_MISSED");

    private ExtraKeys() {
    }
}
