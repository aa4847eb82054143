package io.civicpulse.run;

import io.civicpulse.kpi.Feed;

/**
 * What a run read from one feed. Every row read is loaded, rejected, or replaced by a later duplicate.
 *
 * @param derivedFrom how the feed was derived when the city did not record it itself (the importer derives one
 *        contact per request from an open-data export), or {@code null} for a recorded feed
 */
public record FeedStats(Feed feed, int files, long rowsRead, long rowsRejected, long rowsDuplicate,
        long rowsLoaded, String derivedFrom) {

    public boolean derived() {
        return derivedFrom != null;
    }
}
