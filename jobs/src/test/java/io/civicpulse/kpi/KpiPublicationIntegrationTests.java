package io.civicpulse.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
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

/** Publishing is all or nothing: a failure part-way leaves the previous results and publication in force. */
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
    TransactionTemplate transactions;

    @Test
    void aPublicationThatFailsPartWayLeavesThePreviousResultsExactlyAsTheyWere() {
        // given a publication of 3 rows
        transactions.executeWithoutResult(status -> results.publish(publication(1), rows(3, 10.0)));
        List<KpiRow> before = exported();

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
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> results.publish(publication(2),
                failing))).hasMessage("connection lost");

        // then
        assertThat(exported()).containsExactlyElementsOf(before);
        assertThat(results.latestPublication()).get().extracting(Publication::jobExecutionId).isEqualTo(1L);
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
