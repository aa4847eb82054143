package io.civicpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import io.civicpulse.generate.FeedGenerator;
import io.civicpulse.generate.GeneratorSettings;
import io.civicpulse.support.IndependentKpis;

/**
 * generate → run → export through the command line, on a database the subclass chooses, checked against KPIs
 * computed independently from the generated files. The range spans the spring daylight-saving change and a
 * month boundary.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class RunAndExportContract {

    static final LocalDate FROM = LocalDate.of(2026, 2, 23);
    static final LocalDate TO = LocalDate.of(2026, 3, 10);
    static final List<String> CHECKED = List.of("CONTACTS", "CASES_OPENED", "CASES_CLOSED", "CLOSE_MEDIAN_HOURS",
            "CSAT_MEAN");
    static final String HEADER = "kpi,grain,period_start,department,service,channel,district,value,numerator,"
            + "denominator,sample_size,target,meets_target,score,suppressed";

    Path temp;
    Path feeds;
    Path home;

    /** {@code --spring.datasource...} options for the database under test; empty for the embedded default. */
    abstract List<String> databaseOptions();

    /** What {@code survey_comment} holds in the database under test, one line per comment (PublishedComments). */
    abstract List<String> publishedComments();

    List<String> common() {
        List<String> common = new ArrayList<>(List.of("--civicpulse.home=" + home,
                "--civicpulse.kpi.targets[0].kpi=CSAT_MEAN", "--civicpulse.kpi.targets[0].value=4.0"));
        common.addAll(databaseOptions());
        return common;
    }

    @BeforeAll
    void generateFeeds(@TempDir Path temp) throws IOException {
        this.temp = temp;
        feeds = temp.resolve("feeds");
        home = temp.resolve("home");
        new FeedGenerator(new GeneratorSettings(FROM, TO, 0.05, 7, ZoneId.of("America/New_York"), true))
                .generate(feeds, message -> { });
    }

    @Test
    @Order(1)
    void runPublishesExactlyTheKpisTheContractDefines() throws IOException {
        // when
        CommandLineRun run = CommandLineRun.of(CommandLineRun.args("run", common(), "--input=" + feeds,
                "--from=" + FROM, "--to=" + TO));
        Path export = temp.resolve("export.csv");
        CommandLineRun exported = CommandLineRun.of(CommandLineRun.args("export", common(), "--output=" + export));

        // then
        assertThat(run.exitStatus()).as(run.err()).isZero();
        assertThat(run.out()).contains("KPI rows published");
        assertThat(exported.exitStatus()).as(exported.err()).isZero();
        List<String> lines = Files.readAllLines(export);
        assertThat(lines.getFirst()).isEqualTo(HEADER);

        Map<IndependentKpis.Key, IndependentKpis.Expected> expected = new IndependentKpis(
                ZoneId.of("America/New_York"), FROM, TO, 10).compute(feeds);
        Map<IndependentKpis.Key, IndependentKpis.Expected> actual = IndependentKpis.readExport(export, CHECKED);
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((key, want) -> {
            IndependentKpis.Expected got = actual.get(key);
            assertThat(got.sampleSize()).as("sample_size of %s", key).isEqualTo(want.sampleSize());
            assertThat(got.suppressed()).as("suppressed of %s", key).isEqualTo(want.suppressed());
            if (want.value() == null) {
                assertThat(got.value()).as("value of suppressed %s", key).isNull();
            } else {
                assertThat(got.value()).as("value of %s", key)
                        .isCloseTo(want.value(), within(1e-9 * Math.max(1, Math.abs(want.value()))));
            }
        });
        assertThat(expected).hasSizeGreaterThan(1000);
    }

    @Test
    @Order(2)
    void runPublishesTheWindowsNonBlankCommentsMasked() throws IOException {
        // given the run of the first test, and the comments of its window read from the files independently
        Map<String, String> written = new IndependentKpis(ZoneId.of("America/New_York"), FROM, TO, 10)
                .comments(feeds);

        // when
        List<String> published = publishedComments();

        // then one comment per response with a non-blank comment submitted in the window
        assertThat(published.stream().map(line -> line.substring(0, line.indexOf('|'))).toList())
                .containsExactlyInAnyOrderElementsOf(written.keySet());
        assertThat(written).hasSizeGreaterThan(20);
        // with no e-mail address or 555 phone number of the generator left in any of them
        assertThat(published).noneMatch(line -> line.contains("@") || line.contains("555"));
        // and a comment with nothing to mask (no digit, no @) exactly as the resident wrote it
        Map<String, String> byId = new java.util.HashMap<>();
        published.forEach(line -> byId.put(line.substring(0, line.indexOf('|')),
                line.substring(line.lastIndexOf('|') + 1)));
        written.forEach((id, comment) -> {
            if (!comment.matches("(?s).*[0-9@].*")) {
                assertThat(byId.get(id)).as(id).isEqualTo(comment);
            }
        });
    }

    @Test
    @Order(3)
    void exportIsSortedByItsKeyColumnsInByteOrderWithPlainNumbers() throws IOException {
        // given the published results of the first test
        Path export = temp.resolve("export-sorted.csv");

        // when
        CommandLineRun exported = CommandLineRun.of(CommandLineRun.args("export", common(), "--output=" + export,
                "--grain=WEEK", "--from=2026-03-02", "--to=2026-03-04"));

        // then
        assertThat(exported.exitStatus()).as(exported.err()).isZero();
        List<String> rows = Files.readAllLines(export).stream().skip(1).toList();
        assertThat(rows).isNotEmpty().allMatch(r -> r.contains(",WEEK,2026-03-02,"));
        List<String> keys = rows.stream().map(RunAndExportContract::key).toList();
        assertThat(keys).isSortedAccordingTo(Comparator.comparing(
                (String k) -> k.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.util.Arrays::compareUnsigned));
        assertThat(rows).noneMatch(r -> r.matches(".*\\d[eE][+-]?\\d.*"));
        // the configured CSAT target is applied: meets_target and score where not suppressed
        assertThat(rows).anyMatch(r -> r.startsWith("CSAT_MEAN,") && r.matches(".*,4,(true|false),[0-9.]+,false$"));
    }

    @Test
    @Order(4)
    void aBadFileFailsTheRunWithOneLineNamingFileLineAndColumnAndLeavesResultsUntouched() throws IOException {
        // given the published results, and an input folder whose contacts file has an unparseable timestamp
        Path before = temp.resolve("before.csv");
        assertThat(CommandLineRun.of(CommandLineRun.args("export", common(), "--output=" + before)).exitStatus())
                .isZero();
        List<String> commentsBefore = publishedComments();
        Path bad = Files.createDirectories(temp.resolve("bad"));
        Files.writeString(bad.resolve("contacts-bad.csv"), """
                contact_id,department,channel,started_at
                x1,SAN,PHONE,2026-03-02T09:00:00
                x2,SAN,PHONE,2026-03-32T09:00:00
                x3,SAN,PHONE,2026-03-02T10:00:00
                """);

        // when
        CommandLineRun run = CommandLineRun.of(CommandLineRun.args("run", common(), "--input=" + bad,
                "--from=" + FROM, "--to=" + TO));

        // then
        assertThat(run.exitStatus()).isEqualTo(1);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("contacts-bad.csv line 3, column started_at: unparseable timestamp");
        Path after = temp.resolve("after.csv");
        assertThat(CommandLineRun.of(CommandLineRun.args("export", common(), "--output=" + after)).exitStatus())
                .isZero();
        assertThat(Files.mismatch(before, after)).isEqualTo(-1L);
        assertThat(publishedComments()).as("the published comments").isEqualTo(commentsBefore).isNotEmpty();
        // and the reject report of that failed run names the row
        CommandLineRun rejects = CommandLineRun.of(CommandLineRun.args("rejects", common(), "--output=-"));
        assertThat(rejects.exitStatus()).as(rejects.err()).isZero();
        assertThat(rejects.out().lines().toList()).containsExactly("file,line,column,reason",
                "contacts-bad.csv,3,started_at,unparseable timestamp '2026-03-32T09:00:00'");
    }

    @Test
    @Order(5)
    void aMissingRequiredColumnOrAnUnknownCodeFailsTheRunNamingTheFile() throws IOException {
        // given a cases file without the status column, and a contacts file with an unknown channel
        Path noStatus = Files.createDirectories(temp.resolve("no-status"));
        Files.writeString(noStatus.resolve("cases-1.csv"), """
                case_id,department,service,channel,opened_at
                k1,SAN,Bulky Items,PHONE,2026-03-02T09:00:00
                """);
        Path unknownChannel = Files.createDirectories(temp.resolve("unknown-channel"));
        Files.writeString(unknownChannel.resolve("contacts-1.csv"), """
                contact_id,department,channel,started_at
                x1,SAN,FAX,2026-03-02T09:00:00
                """);

        // when
        CommandLineRun missing = CommandLineRun.of(CommandLineRun.args("run", common(), "--input=" + noStatus,
                "--from=" + FROM, "--to=" + TO));
        CommandLineRun unknown = CommandLineRun.of(CommandLineRun.args("run", common(), "--input=" + unknownChannel,
                "--from=" + FROM, "--to=" + TO));

        // then
        assertThat(missing.exitStatus()).isEqualTo(1);
        assertThat(missing.err()).contains("cases-1.csv line 1: missing required column 'status'");
        assertThat(unknown.exitStatus()).isEqualTo(1);
        assertThat(unknown.err()).contains("contacts-1.csv line 2, column channel: unknown channel 'FAX'");
    }

    @Test
    @Order(6)
    void rejectedRowsBelowTheMaximumRateAreReportedAndTheRunSucceeds() throws IOException {
        // given 40 good contacts and one with an unknown channel (2.4%, below the default 5%)
        Path someBad = Files.createDirectories(temp.resolve("some-bad"));
        StringBuilder csv = new StringBuilder("contact_id,department,channel,started_at\n");
        for (int i = 0; i < 40; i++) {
            csv.append("ok").append(i).append(",SAN,PHONE,2026-03-03T09:00:00\n");
        }
        csv.append("bad,SAN,PIGEON,2026-03-03T09:00:00\n");
        Files.writeString(someBad.resolve("contacts-some-bad.csv"), csv);
        List<String> commentsBefore = publishedComments();

        // when
        CommandLineRun run = CommandLineRun.of(CommandLineRun.args("run", common(), "--input=" + someBad,
                "--from=2026-03-03", "--to=2026-03-03"));
        CommandLineRun rejects = CommandLineRun.of(CommandLineRun.args("rejects", common(), "--output=-"));

        // then
        assertThat(run.exitStatus()).as(run.err()).isZero();
        assertThat(run.out()).contains("contacts  1 files, 41 rows read, 1 rejected, 0 duplicates, 40 loaded");
        assertThat(rejects.out().lines().toList()).containsExactly("file,line,column,reason",
                "contacts-some-bad.csv,42,channel,unknown channel 'PIGEON'");
        // and the day's comments, republished from the history although this input has no surveys, are unchanged
        assertThat(publishedComments()).isEqualTo(commentsBefore)
                .anyMatch(line -> line.contains("|2026-03-03|"));
    }

    @Test
    @Order(7)
    void commentsArePublishedMaskedOnlyForTheWindowAndARunOfTheSameWindowReplacesThem() throws IOException {
        // given surveys whose comments carry an e-mail address, a phone number and a street address; one comment
        // is blank, one response has none, one was submitted the day after the window
        Path input = Files.createDirectories(temp.resolve("comments"));
        Files.writeString(input.resolve("surveys-comments.csv"), """
                response_id,department,channel,submitted_at,service,district,csat,nps,ces,comment,language
                c1,SAN,PHONE,2026-04-15T09:30:00,Bulky Items,CD01,1,2,2,"Nobody came. Write to jane.doe@example.com \
                or call (212) 555-0142.",EN
                c2,SAN,WEB,2026-04-15T18:45:00-04:00,,,5,,,"Fixed fast, the pothole at 1234 Grand Avenue is gone",es
                c3,DOT,MOBILE_APP,2026-04-15T12:00:00,Pothole,CD02,3,7,4,,en
                c4,DOT,PHONE,2026-04-15T13:00:00,Pothole,CD02,4,,,"   ",en
                c5,SAN,PHONE,2026-04-16T09:00:00,Bulky Items,CD01,2,,,Outside the window,en
                """);
        List<String> window = List.of(
                "c1|2026-04-15T13:30:00Z|2026-04-15|SAN|Bulky Items|PHONE|CD01|1|2|2|en"
                        + "|Nobody came. Write to [email] or call [phone].",
                "c2|2026-04-15T22:45:00Z|2026-04-15|SAN|UNKNOWN|WEB|UNKNOWN|5|null|null|es"
                        + "|Fixed fast, the pothole at [address] is gone");

        // when
        CommandLineRun run = CommandLineRun.of(CommandLineRun.args("run", common(), "--input=" + input,
                "--from=2026-04-15", "--to=2026-04-15"));

        // then
        assertThat(run.exitStatus()).as(run.err()).isZero();
        assertThat(run.out()).contains("2 survey comments published");
        assertThat(handWritten()).containsExactlyElementsOf(window);

        // when the same run runs again, then nothing changes
        CommandLineRun again = CommandLineRun.of(CommandLineRun.args("run", common(), "--input=" + input,
                "--from=2026-04-15", "--to=2026-04-15"));
        assertThat(again.exitStatus()).as(again.err()).isZero();
        assertThat(handWritten()).containsExactlyElementsOf(window);

        // when a later extract corrects one response, the window's comments are replaced by the latest versions
        Path correction = Files.createDirectories(temp.resolve("comments-correction"));
        Files.writeString(correction.resolve("surveys-correction.csv"), """
                response_id,department,channel,submitted_at,comment,csat,language
                c1,SAN,PHONE,2026-04-15T09:30:00,"Someone came to 10 Main St after all, thanks",4,en
                """);
        CommandLineRun corrected = CommandLineRun.of(CommandLineRun.args("run", common(), "--input=" + correction,
                "--from=2026-04-15", "--to=2026-04-15"));
        assertThat(corrected.exitStatus()).as(corrected.err()).isZero();
        assertThat(handWritten()).containsExactly(
                "c1|2026-04-15T13:30:00Z|2026-04-15|SAN|UNKNOWN|PHONE|UNKNOWN|4|null|null|en"
                        + "|Someone came to [address] after all, thanks",
                window.get(1));
    }

    /** The comments of the hand-written responses c1 to c5. */
    private List<String> handWritten() {
        return publishedComments().stream().filter(line -> line.matches("c\\d\\|.*")).toList();
    }

    private static String key(String row) {
        // the seven key columns; service names hold no commas in generated data
        String[] cells = row.split(",", -1);
        return String.join("\u0000", List.of(cells).subList(0, 7));
    }
}
