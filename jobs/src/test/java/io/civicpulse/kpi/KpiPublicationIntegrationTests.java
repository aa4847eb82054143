package io.civicpulse.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import io.civicpulse.cli.CivicPulseJobsApplication;
import io.civicpulse.comment.CommentFilter;
import io.civicpulse.comment.SurveyComment;
import io.civicpulse.comment.SurveyCommentRepository;

/**
 * Publishing is all or nothing: a failure part-way, in the KPI rows or in the survey comments published with them,
 * leaves the previous results, comments and publication in force.
 */
@SpringBootTest(classes = CivicPulseJobsApplication.class)
class KpiPublicationIntegrationTests {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("civicpulse.home", () -> home.toString());
    }

    @Autowired
    KpiResultRepository results;

    @Autowired
    SurveyCommentRepository comments;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aPublicationThatFailsPartWayLeavesThePreviousResultsExactlyAsTheyWere() {
        // given a publication of 3 rows and 2 comments
        publish(1, rows(3, 10.0), comments(2, "first"));
        List<KpiRow> before = exported();
        List<SurveyComment> commentsBefore = publishedComments();

        // when the next publication of the same period fails after 20,000 of its rows were written
        Iterator<KpiRow> failing = new Iterator<>() {
            final Iterator<KpiRow> rows = rows(30_000, 20.0);
            int served;

            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public KpiRow next() {
                if (++served > 20_000) {
                    throw new IllegalStateException("connection lost");
                }
                return rows.next();
            }
        };
        assertThatThrownBy(() -> publish(2, failing, comments(2, "second"))).hasMessage("connection lost");

        // then
        assertThat(exported()).containsExactlyElementsOf(before);
        assertThat(publishedComments()).containsExactlyElementsOf(commentsBefore).hasSize(2);
        assertThat(results.latestPublication()).get().extracting(Publication::jobExecutionId).isEqualTo(1L);
    }

    @Test
    void aPublicationWhoseCommentsFailPartWayLeavesThePreviousResultsAndCommentsExactlyAsTheyWere() {
        // given a publication of 3 rows and 2 comments
        publish(1, rows(3, 10.0), comments(2, "first"));
        List<KpiRow> before = exported();
        List<SurveyComment> commentsBefore = publishedComments();

        // when the next publication of the same day writes all its KPI rows, then fails after 6,000 comments
        Iterator<SurveyComment> failing = new Iterator<>() {
            final Iterator<SurveyComment> all = comments(8_000, "second");
            int served;

            @Override
            public boolean hasNext() {
                return all.hasNext();
            }

            @Override
            public SurveyComment next() {
                if (++served > 6_000) {
                    throw new IllegalStateException("connection lost");
                }
                return all.next();
            }
        };
        assertThatThrownBy(() -> publish(2, rows(5, 20.0), failing)).hasMessage("connection lost");

        // then
        assertThat(exported()).containsExactlyElementsOf(before);
        assertThat(publishedComments()).containsExactlyElementsOf(commentsBefore);
        assertThat(results.latestPublication()).get().extracting(Publication::jobExecutionId).isEqualTo(1L);
    }

    @Test
    void everyValueIsPublishedExactlyAsComputedWhateverItsCharacters() {
        // given rows with quotes, commas, a line break and non-ASCII text in names, empty values and doubles that
        // print with many digits or an exponent (PostgreSQL takes them as one COPY stream, H2 as batched inserts)
        List<KpiRow> rows = List.of(
                new KpiRow(Kpi.CLOSE_MEDIAN_HOURS, Grain.DAY, DAY, "SAN", "Bulky \"Items\", large", "PHONE",
                        "CD 01\nnorth", 0.1 + 0.2, null, null, 11, 48.0, true, 1.25, false),
                new KpiRow(Kpi.ON_TIME_RATE, Grain.DAY, DAY, "DOT", "Señales de tráfico", "*", "*", 1e-300, 1L, 3L,
                        3, null, null, null, false),
                new KpiRow(Kpi.CSAT_MEAN, Grain.DAY, DAY, "*", "*", "*", "Back\\slash", null, null, null, 4, 4.0,
                        null, null, true));

        // when
        publish(1, rows.iterator(), comments(0, "none"));

        // then
        assertThat(exported()).containsExactlyInAnyOrderElementsOf(rows);
    }

    /** What the publish step does, in one transaction: the KPI rows, then the window's comments. */
    private void publish(long execution, Iterator<KpiRow> rows, Iterator<SurveyComment> windowComments) {
        transactions.executeWithoutResult(status -> {
            KpiResultRepository.Published published = results.publish(publication(execution), rows);
            comments.publish(published.publicationId(), DAY, DAY, windowComments);
        });
    }

    private List<SurveyComment> publishedComments() {
        return comments.latest(CommentFilter.everything(), 100_000);
    }

    private static Iterator<SurveyComment> comments(int count, String text) {
        Instant noon = DAY.atTime(12, 0).atZone(java.time.ZoneId.of("America/New_York")).toInstant();
        return IntStream.range(0, count).mapToObj(i -> new SurveyComment("R" + i, noon.plusSeconds(i), DAY, "SAN",
                "UNKNOWN", "PHONE", "UNKNOWN", 4, null, null, "en", text + " comment " + i)).iterator();
    }

    private List<KpiRow> exported() {
        List<KpiRow> rows = new java.util.ArrayList<>();
        results.forEachInExportOrder(Optional.empty(), Optional.empty(), Optional.empty(), rows::add);
        return rows;
    }

    private static KpiResultRepository.NewPublication publication(long execution) {
        return new KpiResultRepository.NewPublication(execution, DAY, DAY, "/input", "run-" + execution);
    }

    private static Iterator<KpiRow> rows(int count, double value) {
        return IntStream.range(0, count).mapToObj(i -> new KpiRow(Kpi.CONTACTS, Grain.DAY, DAY, "D" + i, "*", "*", "*",
                value, null, null, (long) value, null, null, null, false)).iterator();
    }
}
