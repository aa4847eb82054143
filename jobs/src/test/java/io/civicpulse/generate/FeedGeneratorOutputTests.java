package io.civicpulse.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files, names, determinism and provenance of what {@code generate} writes. */
class FeedGeneratorOutputTests {

    // crosses a month boundary and the autumn daylight-saving change
    static final LocalDate FROM = LocalDate.of(2026, 10, 28);
    static final LocalDate TO = LocalDate.of(2026, 11, 3);

    @TempDir
    Path temp;

    @Test
    void sameSettingsWriteByteIdenticalFiles() throws IOException {
        // given
        GeneratedFeeds first = GeneratedFeeds.generate(temp.resolve("first"), FROM, TO, 0.2, 11, false);

        // when
        GeneratedFeeds second = GeneratedFeeds.generate(temp.resolve("second"), FROM, TO, 0.2, 11, false);

        // then
        assertThat(names(second.summary().files())).isEqualTo(names(first.summary().files()));
        for (Path file : first.summary().files()) {
            assertThat(Files.readAllBytes(temp.resolve("second").resolve(file.getFileName())))
                    .as(file.getFileName().toString())
                    .isEqualTo(Files.readAllBytes(file));
        }
    }

    @Test
    void differentSeedsWriteDifferentFeeds() throws IOException {
        // given
        GeneratedFeeds first = GeneratedFeeds.generate(temp.resolve("first"), FROM, TO, 0.2, 11, false);

        // when
        GeneratedFeeds second = GeneratedFeeds.generate(temp.resolve("second"), FROM, TO, 0.2, 12, false);

        // then
        for (String file : List.of("contacts-2026-10.csv", "cases-2026-10.csv", "surveys-2026-11.csv")) {
            assertThat(Files.readAllBytes(second.directory().resolve(file))).as(file)
                    .isNotEqualTo(Files.readAllBytes(first.directory().resolve(file)));
        }
    }

    @Test
    void writesOneFilePerFeedAndCalendarMonthPlusTheProvenanceFile() throws IOException {
        // when
        GeneratedFeeds feeds = GeneratedFeeds.generate(temp.resolve("missing/parent"), FROM, TO, 0.1, 3, false);

        // then the folder was created and holds exactly these files, in this order
        assertThat(names(feeds.summary().files())).containsExactly(
                "contacts-2026-10.csv", "cases-2026-10.csv", "surveys-2026-10.csv",
                "contacts-2026-11.csv", "cases-2026-11.csv", "surveys-2026-11.csv",
                FeedGenerator.PROPERTIES_FILE);
        try (var listing = Files.list(feeds.directory())) {
            assertThat(listing.count()).isEqualTo(7);
        }
        assertThat(feeds.progress()).hasSize(2);
        assertThat(feeds.progress().get(0)).startsWith("2026-10:");
        assertThat(feeds.progress().get(1)).startsWith("2026-11:");
    }

    @Test
    void summaryCountsEqualTheRowsInTheFiles() throws IOException {
        // when
        GeneratedFeeds feeds = GeneratedFeeds.generate(temp, FROM, TO, 0.2, 5, false);

        // then
        assertThat(feeds.rows("contacts")).hasSize((int) feeds.summary().contacts());
        assertThat(feeds.rows("cases")).hasSize((int) feeds.summary().cases());
        assertThat(feeds.rows("surveys")).hasSize((int) feeds.summary().surveys());
        assertThat(feeds.summary().contacts()).isPositive();
        assertThat(feeds.summary().cases()).isPositive();
        assertThat(feeds.summary().surveys()).isPositive();
    }

    @Test
    void compressedOutputIsGzipOfExactlyTheUncompressedOutput() throws IOException {
        // given
        GeneratedFeeds plain = GeneratedFeeds.generate(temp.resolve("plain"), FROM, TO, 0.2, 9, false);

        // when
        GeneratedFeeds gzipped = GeneratedFeeds.generate(temp.resolve("gzipped"), FROM, TO, 0.2, 9, true);

        // then
        assertThat(names(gzipped.summary().files())).contains("contacts-2026-10.csv.gz", "cases-2026-11.csv.gz",
                "surveys-2026-11.csv.gz");
        for (Path file : plain.summary().files()) {
            String name = file.getFileName().toString();
            if (name.endsWith(".csv")) {
                try (InputStream in = new GZIPInputStream(
                        Files.newInputStream(gzipped.directory().resolve(name + ".gz")))) {
                    assertThat(in.readAllBytes()).as(name).isEqualTo(Files.readAllBytes(file));
                }
            }
        }
        assertThat(gzipped.summary().cases()).isEqualTo(plain.summary().cases());
    }

    @Test
    void filesAreUtf8WithAHeaderRowAndNewlineRecordSeparators() throws IOException {
        // when
        GeneratedFeeds feeds = GeneratedFeeds.generate(temp, FROM, TO, 0.3, 1, false);

        // then
        String cases = Files.readString(feeds.directory().resolve("cases-2026-10.csv"), StandardCharsets.UTF_8);
        assertThat(cases).startsWith("case_id,department,service,channel,district,opened_at,closed_at,due_at,status,"
                + "outcome,reopened_count,first_contact_resolution\n");
        assertThat(cases).doesNotContain("\r").endsWith("\n");
        String surveys = Files.readString(feeds.directory().resolve("surveys-2026-11.csv"), StandardCharsets.UTF_8);
        assertThat(surveys).startsWith("response_id,department,channel,submitted_at,service,district,case_id,csat,"
                + "nps,ces,comment,language\n");
        assertThat(Files.readString(feeds.directory().resolve("contacts-2026-11.csv")))
                .startsWith("contact_id,department,channel,started_at,wait_seconds,handle_seconds,abandoned,"
                        + "district,case_id\n");
    }

    @Test
    void provenanceFileRecordsSettingsAndCounts() throws IOException {
        // when
        GeneratedFeeds feeds = GeneratedFeeds.generate(temp, FROM, TO, 0.25, 77, true);

        // then
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(feeds.directory().resolve(FeedGenerator.PROPERTIES_FILE),
                StandardCharsets.ISO_8859_1)) {
            properties.load(reader);
        }
        assertThat(properties.getProperty("from")).isEqualTo("2026-10-28");
        assertThat(properties.getProperty("to")).isEqualTo("2026-11-03");
        assertThat(properties.getProperty("scale")).isEqualTo("0.25");
        assertThat(properties.getProperty("seed")).isEqualTo("77");
        assertThat(properties.getProperty("time-zone")).isEqualTo("America/New_York");
        assertThat(properties.getProperty("contacts")).isEqualTo(Long.toString(feeds.summary().contacts()));
        assertThat(properties.getProperty("cases")).isEqualTo(Long.toString(feeds.summary().cases()));
        assertThat(properties.getProperty("surveys")).isEqualTo(Long.toString(feeds.summary().surveys()));
    }

    private static List<String> names(List<Path> files) {
        return files.stream().map(file -> file.getFileName().toString()).toList();
    }
}
