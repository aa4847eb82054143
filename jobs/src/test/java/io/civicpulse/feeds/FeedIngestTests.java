package io.civicpulse.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.civicpulse.kpi.Feed;
import io.civicpulse.support.SparkTestSession;

class FeedIngestTests {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    final SparkSession spark = SparkTestSession.get();

    @TempDir
    Path folder;

    @Test
    void headersMatchCaseInsensitivelyInAnyOrderWithABomAndExtraColumnsIgnored() throws IOException {
        // given
        write("contacts-a.csv", "\uFEFFStarted_At, CHANNEL ,Contact_ID,Department,Notes\n"
                + "2026-03-02T09:00:00,phone,c1,san,whatever\n");

        // when
        List<Row> loaded = load(Feed.CONTACTS);

        // then codes are upper-cased, ids keep their case, missing district becomes UNKNOWN
        assertThat(loaded).singleElement().satisfies(row -> {
            assertThat(row.<String>getAs("contact_id")).isEqualTo("c1");
            assertThat(row.<String>getAs("department")).isEqualTo("SAN");
            assertThat(row.<String>getAs("channel")).isEqualTo("PHONE");
            assertThat(row.<String>getAs("district")).isEqualTo("UNKNOWN");
            assertThat(row.<Instant>getAs("started_at")).isEqualTo(Instant.parse("2026-03-02T14:00:00Z"));
            assertThat(row.<Boolean>getAs("abandoned")).isFalse();
        });
    }

    @Test
    void gzipFilesAreReadAndLineNumbersCountQuotedLineBreaks() throws IOException {
        // given a survey whose comment spans two lines, followed by a response with an out-of-range csat
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(folder.resolve("surveys-1.csv.gz")))) {
            out.write("""
                    response_id,department,channel,submitted_at,csat,comment
                    s1,SAN,WEB,2026-03-02T09:00:00,5,"first line
                    second line, mail me at a@b.org"
                    s2,SAN,WEB,2026-03-02T09:00:00,9,
                    """.getBytes(StandardCharsets.UTF_8));
        }

        // when
        List<Row> parsed = FeedIngest.parse(spark, Feed.SURVEYS, FeedIngest.files(folder, Feed.SURVEYS), NEW_YORK)
                .orderBy("_line").collectAsList();

        // then
        assertThat(parsed).hasSize(2);
        assertThat(parsed.get(0).<String>getAs("comment")).isEqualTo("first line\nsecond line, mail me at [email]");
        assertThat(parsed.get(1).<Long>getAs("_line")).isEqualTo(4L);
        assertThat(parsed.get(1).<String>getAs("_reject_column")).isEqualTo("csat");
        assertThat(parsed.get(1).<String>getAs("_reject_reason")).isEqualTo("csat must be an integer from 1 to 5, was '9'");
    }

    @Test
    void aLaterRowWithTheSameIdReplacesTheEarlierAndTheReplacedRowIsReportedAsDuplicate() throws IOException {
        // given the same case in two files, and a rejected row with that id in the later file
        write("cases-1.csv", "case_id,department,service,channel,opened_at,status,closed_at\n"
                + "k1,SAN,Bulky Items,PHONE,2026-03-02T09:00:00,OPEN,\n");
        write("cases-2.csv", "case_id,department,service,channel,opened_at,status,closed_at\n"
                + "k1,SAN,Bulky Items,PHONE,2026-03-02T09:00:00,CLOSED,2026-03-03T09:00:00\n"
                + "k1,SAN,Bulky Items,PHONE,2026-03-02T09:00:00,CLOSED,\n");

        // when
        List<FeedFile> files = FeedIngest.files(folder, Feed.CASES);
        FeedIngest.Split split = FeedIngest.split(Feed.CASES, FeedIngest.parse(spark, Feed.CASES, files, NEW_YORK),
                files);

        // then the closed version wins, the open one is a duplicate, the invalid one replaced nothing
        assertThat(split.loaded().collectAsList()).singleElement()
                .satisfies(row -> assertThat(row.<String>getAs("status")).isEqualTo("CLOSED"))
                .satisfies(row -> assertThat(row.<String>getAs("outcome")).isEqualTo("RESOLVED"));
        assertThat(split.duplicates().collectAsList()).singleElement()
                .satisfies(row -> assertThat(row.<String>getAs("file")).isEqualTo("cases-1.csv"))
                .satisfies(row -> assertThat(row.<String>getAs("reason")).isEqualTo("duplicate"));
        assertThat(split.rejected().collectAsList()).singleElement()
                .satisfies(row -> assertThat(row.<Long>getAs("line")).isEqualTo(3L))
                .satisfies(row -> assertThat(row.<String>getAs("reason")).isEqualTo("status CLOSED requires closed_at"));
    }

    @Test
    void onlyIdsOfMoreThanOneValidRowAreDuplicatedAndTheSplitRanksOnlyThose() throws IOException {
        // given k1 twice (and once rejected), k2 once valid and once rejected, k3 once
        write("cases-1.csv", "case_id,department,service,channel,opened_at,status,closed_at\n"
                + "k1,SAN,Bulky Items,PHONE,2026-03-02T09:00:00,OPEN,\n"
                + "k2,SAN,Bulky Items,PHONE,2026-03-02T09:00:00,OPEN,\n"
                + "k3,SAN,Bulky Items,PHONE,2026-03-02T09:00:00,OPEN,\n");
        write("cases-2.csv", "case_id,department,service,channel,opened_at,status,closed_at\n"
                + "k1,SAN,Bulky Items,PHONE,2026-03-02T09:00:00,CLOSED,2026-03-03T09:00:00\n"
                + "k1,SAN,Bulky Items,PHONE,2026-03-02T09:00:00,CLOSED,\n"
                + "k2,SAN,Bulky Items,PHONE,2026-03-02T09:00:00,CLOSED,\n");
        Dataset<Row> parsed = FeedIngest.parse(spark, Feed.CASES, FeedIngest.files(folder, Feed.CASES), NEW_YORK);

        // when
        Dataset<Row> duplicated = FeedIngest.duplicatedIds(Feed.CASES, parsed);
        FeedIngest.Split split = FeedIngest.split(Feed.CASES, parsed, duplicated,
                FeedIngest.files(folder, Feed.CASES));

        // then
        assertThat(duplicated.collectAsList()).extracting(row -> row.<String>getAs("case_id")).containsExactly("k1");
        assertThat(split.loaded().orderBy("case_id").collectAsList())
                .extracting(row -> row.<String>getAs("case_id") + " " + row.<String>getAs("status"))
                .containsExactly("k1 CLOSED", "k2 OPEN", "k3 OPEN");
        assertThat(split.duplicates().collectAsList()).extracting(row -> row.<String>getAs("file") + ":"
                + row.<Long>getAs("line")).containsExactly("cases-1.csv:2");
    }

    @Test
    void givenNoDuplicatedIdsAsAnEmptyLocalDatasetTheSplitLoadsEveryValidRowWithoutRanking() throws IOException {
        // given
        write("cases-1.csv", "case_id,department,service,channel,opened_at,status,closed_at\n"
                + "k1,SAN,Bulky Items,PHONE,2026-03-02T09:00:00,OPEN,\n"
                + "k2,SAN,Bulky Items,PHONE,2026-03-02T09:00:00,OPEN,\n");
        Dataset<Row> parsed = FeedIngest.parse(spark, Feed.CASES, FeedIngest.files(folder, Feed.CASES), NEW_YORK);
        Dataset<Row> none = spark.createDataFrame(List.of(), FeedIngest.duplicatedIds(Feed.CASES, parsed).schema());

        // when
        FeedIngest.Split split = FeedIngest.split(Feed.CASES, parsed, none,
                FeedIngest.files(folder, Feed.CASES));

        // then every valid row loads, and the plan has no window left to rank with
        assertThat(split.loaded().count()).isEqualTo(2);
        assertThat(split.duplicates().count()).isZero();
        assertThat(split.loaded().queryExecution().optimizedPlan().toString()).doesNotContain("Window");
    }

    @Test
    void idsAscendingInEveryFileWithDisjointRangesAreProvenUniqueWithoutSearchingForRepeats() throws IOException {
        // given two files whose ids ascend and do not overlap, with a rejected row out of order in the first
        write("cases-1.csv", "case_id,department,service,channel,opened_at,status\n"
                + "k1,SAN,Bulky Items,PHONE,2026-03-02T09:00:00,OPEN\n"
                + "k0,SAN,Bulky Items,PHONE,not a time,OPEN\n"
                + "k2,SAN,Bulky Items,PHONE,2026-03-02T09:00:00,OPEN\n");
        write("cases-2.csv", "case_id,department,service,channel,opened_at,status\n"
                + "k3,SAN,Bulky Items,PHONE,2026-03-02T09:00:00,OPEN\n"
                + "k4,SAN,Bulky Items,PHONE,2026-03-02T09:00:00,OPEN\n");

        // when
        Dataset<Row> parsed = FeedIngest.parse(spark, Feed.CASES, FeedIngest.files(folder, Feed.CASES), NEW_YORK);

        // then
        assertThat(FeedIngest.idsProvablyUnique(Feed.CASES, parsed)).isTrue();
    }

    @Test
    void idsOutOfOrderInAFileOrOverlappingAcrossFilesProveNothing() throws IOException {
        // given a file whose ids descend once, without any id repeating
        write("contacts-1.csv", "contact_id,department,channel,started_at\n"
                + "c2,SAN,PHONE,2026-03-02T09:00:00\n"
                + "c1,SAN,PHONE,2026-03-02T09:01:00\n");
        Dataset<Row> descending = FeedIngest.parse(spark, Feed.CONTACTS, FeedIngest.files(folder, Feed.CONTACTS),
                NEW_YORK);
        assertThat(FeedIngest.idsProvablyUnique(Feed.CONTACTS, descending)).isFalse();
        assertThat(FeedIngest.duplicatedIds(Feed.CONTACTS, descending).count()).isZero();

        // and given two ascending files whose ranges overlap, one id in both
        write("contacts-1.csv", "contact_id,department,channel,started_at\n"
                + "c1,SAN,PHONE,2026-03-02T09:00:00\n"
                + "c3,SAN,PHONE,2026-03-02T09:01:00\n");
        write("contacts-2.csv", "contact_id,department,channel,started_at\n"
                + "c2,SAN,PHONE,2026-03-02T09:00:00\n"
                + "c3,SAN,PHONE,2026-03-02T09:02:00\n");
        Dataset<Row> overlapping = FeedIngest.parse(spark, Feed.CONTACTS, FeedIngest.files(folder, Feed.CONTACTS),
                NEW_YORK);

        // then no proof, and the exact search finds the repeated id
        assertThat(FeedIngest.idsProvablyUnique(Feed.CONTACTS, overlapping)).isFalse();
        assertThat(FeedIngest.duplicatedIds(Feed.CONTACTS, overlapping).collectAsList())
                .extracting(row -> row.<String>getAs("contact_id")).containsExactly("c3");
    }

    @Test
    void everyCaseRuleRejectsTheRowWithItsColumn() throws IOException {
        // given
        write("cases-rules.csv", """
                case_id,department,service,channel,opened_at,closed_at,status,outcome,reopened_count,first_contact_resolution
                a,SAN,S,PHONE,2026-03-02T09:00:00,2026-03-01T09:00:00,CLOSED,,,
                b,SAN,S,PHONE,2026-03-02T09:00:00,2026-03-03T09:00:00,OPEN,,,
                c,SAN,S,PHONE,2026-03-02T09:00:00,,OPEN,,-1,
                d,SAN,S,PHONE,2026-03-02T09:00:00,,PENDING,,,
                e,SAN,S,PHONE,2026-03-02T09:00:00,2026-03-03T09:00:00,CLOSED,FIXED,,
                f,SAN,S,PHONE,2026-03-02T09:00:00,,OPEN,,,maybe
                g,SAN,,PHONE,2026-03-02T09:00:00,,OPEN,,,
                h,SAN,S,PHONE,2026-03-02,,OPEN,,,
                """);

        // when
        List<FeedFile> files = FeedIngest.files(folder, Feed.CASES);
        List<Row> rejected = FeedIngest.split(Feed.CASES, FeedIngest.parse(spark, Feed.CASES, files, NEW_YORK), files)
                .rejected().orderBy("line").collectAsList();

        // then
        assertThat(rejected).extracting(r -> r.<String>getAs("column") + ": " + r.<String>getAs("reason"))
                .containsExactly(
                        "closed_at: closed_at is before opened_at",
                        "closed_at: status OPEN requires closed_at to be empty",
                        "reopened_count: reopened_count must be an integer >= 0, was '-1'",
                        "status: unknown status 'PENDING'",
                        "outcome: unknown outcome 'FIXED'",
                        "first_contact_resolution: first_contact_resolution must be a boolean (true/false, y/n,"
                                + " yes/no, 1/0), was 'maybe'",
                        "service: missing required value",
                        "opened_at: unparseable timestamp '2026-03-02'");
    }

    @Test
    void aFileWithoutARequiredColumnFailsNamingFileAndColumn() throws IOException {
        // given
        write("surveys-x.csv", "response_id,department,submitted_at,csat\ns1,SAN,2026-03-02T09:00:00,4\n");

        // then
        assertThatThrownBy(() -> FeedIngest.checkHeaders(Feed.SURVEYS, FeedIngest.files(folder, Feed.SURVEYS)))
                .isInstanceOf(IngestException.class)
                .hasMessage("surveys-x.csv line 1: missing required column 'channel'");
    }

    private List<Row> load(Feed feed) {
        List<FeedFile> files = FeedIngest.files(folder, feed);
        return FeedIngest.split(feed, FeedIngest.parse(spark, feed, files, NEW_YORK), files)
                .loaded().collectAsList();
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }
}
