package io.civicpulse.comment;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A resident's survey comment as it is published: already masked, with the response's slice and ratings.
 *
 * @param submittedDate the local date of {@code submittedAt} in the city's time zone, as cut at ingest
 * @param csat          1–5, {@code null} when the resident did not answer it; likewise {@code nps} and {@code ces}
 * @param language      the response's ISO 639-1 code in lower case, {@code null} when not given
 */
public record SurveyComment(String responseId, Instant submittedAt, LocalDate submittedDate, String department,
        String service, String channel, String district, Integer csat, Integer nps, Integer ces, String language,
        String comment) {
}
