package io.civicpulse.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishing and reading survey comments on a database the subclass chooses: a window is replaced as a whole, the
 * store masks what it is given, and readers get the newest comments of a slice, period, CSAT band and language.
 */
abstract class SurveyCommentRepositoryContract {

    static final ZoneId CITY = ZoneId.of("America/New_York");
    static final LocalDate MAY_4 = LocalDate.of(2026, 5, 4);
    static final LocalDate MAY_5 = MAY_4.plusDays(1);
    static final LocalDate MAY_6 = MAY_4.plusDays(2);

    @Autowired
    SurveyCommentRepository comments;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void empty() {
        jdbc.sql("DELETE FROM survey_comment").update();
    }

    @Test
    void givenCommentsOfSeveralDaysWhenReadingASliceAndPeriodThenTheNewestComeFirstUpToTheLimit() {
        // given
        publish(1, MAY_4, MAY_6,
                comment("a", MAY_4, 9, "SAN", "PHONE", 5, "en", "early"),
                comment("b", MAY_5, 9, "SAN", "WEB", 4, "en", "middle"),
                comment("c", MAY_5, 17, "SAN", "PHONE", 1, "es", "later"),
                comment("d", MAY_6, 8, "DOT", "PHONE", 2, "en", "other department"),
                comment("e", MAY_6, 23, "SAN", "PHONE", 3, "en", "last"));
        CommentFilter san = new CommentFilter("SAN", null, null, null, MAY_4, MAY_6, null, null, null);

        // when / then
        assertThat(texts(comments.latest(san, 10))).containsExactly("last", "later", "middle", "early");
        assertThat(texts(comments.latest(san, 2))).containsExactly("last", "later");
        assertThat(comments.count(san)).isEqualTo(4);
        assertThat(texts(comments.latest(new CommentFilter("SAN", null, "PHONE", null, MAY_4, MAY_5, null, null,
                null), 10))).containsExactly("later", "early");
        assertThat(texts(comments.latest(new CommentFilter("*", "*", "*", "*", null, null, null, null, null), 10)))
                .as("* totals a dimension, as in kpi_result").hasSize(5);
        assertThat(comments.latest(san, 1).getFirst()).isEqualTo(comment("e", MAY_6, 23, "SAN", "PHONE", 3, "en",
                "last"));
    }

    @Test
    void givenCommentsOfSeveralDepartmentsWhenLimitedToSomeThenNoOtherDepartmentsCommentIsRead() {
        // given
        publish(1, MAY_4, MAY_4,
                comment("a", MAY_4, 9, "SAN", "PHONE", 5, "en", "sanitation"),
                comment("b", MAY_4, 10, "DOT", "PHONE", 4, "en", "transport"),
                comment("c", MAY_4, 11, "PRK", "PHONE", 3, "en", "parks"));
        CommentFilter city = new CommentFilter(null, null, null, null, MAY_4, MAY_4, null, null, null);

        // when / then
        assertThat(texts(comments.latest(city.withinDepartments(java.util.Set.of("SAN", "PRK")), 10)))
                .containsExactly("parks", "sanitation");
        assertThat(comments.count(city.withinDepartments(java.util.Set.of("SAN", "PRK")))).isEqualTo(2);
        assertThat(comments.latest(new CommentFilter("DOT", null, null, null, MAY_4, MAY_4, null, null, null)
                .withinDepartments(java.util.Set.of("SAN")), 10)).as("the limit wins over the department").isEmpty();
        assertThat(comments.count(city.withinDepartments(java.util.Set.of()))).isZero();
        assertThat(texts(comments.latest(city.withinDepartments(java.util.Set.of("SAN")).withCsat(1, 5)
                .withLanguage("en"), 10))).as("kept by the other filters").containsExactly("sanitation");
    }

    @Test
    void givenRatingsAndLanguagesWhenFilteringByCsatBandAndLanguageThenOnlyMatchingCommentsAreRead() {
        // given
        publish(1, MAY_4, MAY_4,
                comment("a", MAY_4, 9, "SAN", "PHONE", 1, "en", "angry"),
                comment("b", MAY_4, 10, "SAN", "PHONE", 2, "es", "enfadado"),
                comment("c", MAY_4, 11, "SAN", "PHONE", 3, "en", "meh"),
                comment("d", MAY_4, 12, "SAN", "PHONE", 5, "es", "contento"),
                comment("e", MAY_4, 13, "SAN", "PHONE", null, null, "no rating, no language"));
        CommentFilter day = new CommentFilter(null, null, null, null, MAY_4, MAY_4, null, null, null);

        // when / then
        assertThat(texts(comments.latest(day.withCsat(1, 2), 10))).containsExactly("enfadado", "angry");
        assertThat(texts(comments.latest(day.withCsat(4, 5), 10))).containsExactly("contento");
        assertThat(texts(comments.latest(day.withLanguage("es"), 10))).containsExactly("contento", "enfadado");
        assertThat(texts(comments.latest(day.withCsat(1, 2).withLanguage("en"), 10))).containsExactly("angry");
        assertThat(comments.count(day)).as("without a band, a comment without CSAT counts").isEqualTo(5);
        assertThat(comments.languages()).containsExactly("en", "es");
    }

    @Test
    void givenPublishedWindowsWhenTheSameWindowIsPublishedAgainThenOnlyItsCommentsAreReplaced() {
        // given
        publish(1, MAY_4, MAY_5, comment("a", MAY_4, 9, "SAN", "PHONE", 5, "en", "a, first run"),
                comment("b", MAY_5, 9, "SAN", "PHONE", 5, "en", "b, first run"),
                comment("c", MAY_5, 10, "SAN", "PHONE", 5, "en", "c, first run"));

        // when the second run covers May 5 only, where b is gone and a's corrected version now lies
        publish(2, MAY_5, MAY_5, comment("a", MAY_5, 7, "SAN", "PHONE", 4, "en", "a, corrected"),
                comment("c", MAY_5, 10, "SAN", "PHONE", 5, "en", "c, second run"));

        // then
        assertThat(texts(comments.latest(CommentFilter.everything(), 10))).containsExactly("c, second run",
                "a, corrected");
        assertThat(jdbc.sql("SELECT publication_id FROM survey_comment ORDER BY response_id").query(Long.class)
                .list()).containsExactly(2L, 2L);
    }

    @Test
    void givenAnUnmaskedOrBlankCommentWhenPublishedThenTheStoreMasksItOrLeavesItOut() {
        // when
        long written = publish(1, MAY_4, MAY_4,
                comment("a", MAY_4, 9, "SAN", "PHONE", 2, "en",
                        "Mail ana@example.org, call 212-555-0199 or come to 77 Elm Street"),
                comment("b", MAY_4, 10, "SAN", "PHONE", 2, "en", "  "));

        // then
        assertThat(written).isEqualTo(1);
        assertThat(texts(comments.latest(CommentFilter.everything(), 10)))
                .containsExactly("Mail [email], call [phone] or come to [address]");
    }

    @Test
    void givenACommentOutsideTheWindowWhenPublishedThenNothingIsWritten() {
        assertThatThrownBy(() -> publish(1, MAY_4, MAY_4, comment("a", MAY_5, 9, "SAN", "PHONE", 2, "en", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the window");
        assertThat(comments.count(CommentFilter.everything())).isZero();
    }

    private long publish(long publicationId, LocalDate from, LocalDate to, SurveyComment... window) {
        Iterator<SurveyComment> all = List.of(window).iterator();
        return transactions.execute(status -> comments.publish(publicationId, from, to, all));
    }

    private static SurveyComment comment(String id, LocalDate day, int hour, String department, String channel,
            Integer csat, String language, String text) {
        Instant at = day.atTime(hour, 15).atZone(CITY).toInstant();
        return new SurveyComment(id, at, day, department, "UNKNOWN", channel, "CD01", csat, 7, 5, language, text);
    }

    private static List<String> texts(List<SurveyComment> read) {
        return read.stream().map(SurveyComment::comment).toList();
    }
}
