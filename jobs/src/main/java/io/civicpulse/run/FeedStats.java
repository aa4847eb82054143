package io.civicpulse.run;

import io.civicpulse.kpi.Feed;

/** What a run read from one feed. Every row read is loaded, rejected, or replaced by a later duplicate. */
public record FeedStats(Feed feed, int files, long rowsRead, long rowsRejected, long rowsDuplicate,
        long rowsLoaded) {
}
