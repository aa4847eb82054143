package io.civicpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.civicpulse.generate.FeedGenerator;
import io.civicpulse.generate.GeneratorSettings;
import io.civicpulse.support.PublishedComments;

/**
 * Runs are incremental and idempotent: two nightly runs over consecutive days, each with that day's extract,
 * publish exactly what one run over both days publishes, and running the same run again changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncrementalRunIntegrationTests {

    static final ZoneId CITY = ZoneId.of("America/New_York");
    static final LocalDate DAY_1 = LocalDate.of(2026, 3, 30);
    static final LocalDate DAY_2 = DAY_1.plusDays(1);

    Path temp;
    Path day1;
    Path day2;
    Path both;

    /**
     * Splits two generated days into the extracts a city would deliver each night: day 1's rows as they stood at
     * the end of day 1 (cases closed on day 2 still open), then day 2's new rows and the cases that changed.
     */
    @BeforeAll
    void nightlyExtracts(@TempDir Path temp) throws IOException {
        this.temp = temp;
        Path generated = temp.resolve("generated");
        new FeedGenerator(new GeneratorSettings(DAY_1, DAY_2, 0.1, 5, CITY, false)).generate(generated, m -> { });
        day1 = Files.createDirectories(temp.resolve("day1"));
        day2 = Files.createDirectories(temp.resolve("day2"));
        NightlyExtracts.split(generated, DAY_2.atStartOfDay(CITY).toInstant(), CITY, day1, day2);
        both = Files.createDirectories(temp.resolve("both"));
        for (Path file : List.of(day1.resolve("contacts-1.csv"), day1.resolve("cases-1.csv"),
                day1.resolve("surveys-1.csv"), day2.resolve("contacts-2.csv"), day2.resolve("cases-2.csv"),
                day2.resolve("surveys-2.csv"))) {
            Files.copy(file, both.resolve(file.getFileName()));
        }
    }

    @Test
    void twoNightlyRunsOverConsecutiveDaysPublishWhatOneRunOverBothDaysPublishes() {
        // given two homes
        Path nightly = temp.resolve("nightly-home");
        Path once = temp.resolve("once-home");

        // when one gets a run per night and the other one run over both extracts
        assertThat(run(nightly, day1, DAY_1, DAY_1).exitStatus()).isZero();
        assertThat(run(nightly, day2, DAY_2, DAY_2).exitStatus()).isZero();
        assertThat(run(once, both, DAY_1, DAY_2).exitStatus()).isZero();

        // then (the reject reports list the replaced day-1 versions of the cases closed on day 2 as duplicates)
        Path nightlyExport = export(nightly, "nightly.csv");
        Path onceExport = export(once, "once.csv");
        assertThat(lines(onceExport)).hasSizeGreaterThan(1000);
        assertThat(lines(nightlyExport)).containsExactlyElementsOf(lines(onceExport));
        // and the same survey comments
        assertThat(PublishedComments.ofHome(once)).isNotEmpty();
        assertThat(PublishedComments.ofHome(nightly)).containsExactlyElementsOf(PublishedComments.ofHome(once));
    }

    @Test
    void runningTheSameRunAgainChangesNothing() {
        // given a published run
        Path home = temp.resolve("repeat-home");
        assertThat(run(home, both, DAY_1, DAY_2).exitStatus()).isZero();
        Path first = export(home, "first.csv");
        List<String> comments = PublishedComments.ofHome(home);

        // when
        CommandLineRun again = run(home, both, DAY_1, DAY_2);

        // then
        assertThat(again.exitStatus()).as(again.err()).isZero();
        assertThat(lines(export(home, "second.csv"))).containsExactlyElementsOf(lines(first));
        assertThat(PublishedComments.ofHome(home)).isNotEmpty().containsExactlyElementsOf(comments);
    }

    private CommandLineRun run(Path home, Path input, LocalDate from, LocalDate to) {
        CommandLineRun run = CommandLineRun.of(CommandLineRun.args("run", List.of("--civicpulse.home=" + home),
                "--input=" + input, "--from=" + from, "--to=" + to));
        assertThat(run.exitStatus()).as(run.err()).isZero();
        return run;
    }

    private Path export(Path home, String name) {
        Path file = temp.resolve(name);
        CommandLineRun export = CommandLineRun.of(CommandLineRun.args("export",
                List.of("--civicpulse.home=" + home), "--output=" + file));
        assertThat(export.exitStatus()).as(export.err()).isZero();
        return file;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
