package io.civicpulse.dashboard.sample;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.civicpulse.dashboard.DashboardProperties;
import io.civicpulse.kpi.Feed;
import io.civicpulse.kpi.KpiResultRepository;
import io.civicpulse.run.NightlyRuns;
import io.civicpulse.run.RunOutcome;
import io.civicpulse.run.RunRequest;

/**
 * On a first start (nothing published yet), runs the nightly job once over the sample feeds in
 * {@code civicpulse.dashboard.sample-data}, so a new installation shows real-looking results without any set-up.
 * The run happens on its own thread: the dashboard answers at once and shows the progress meanwhile.
 * The date range is the one the generator wrote the feeds for, read from {@code generation.properties}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class SampleDataLoader implements ApplicationRunner {

    static final String GENERATION_PROPERTIES = "generation.properties";
    static final String TRIGGER = "sample-data";

    private static final Logger log = LoggerFactory.getLogger(SampleDataLoader.class);

    private final DashboardProperties properties;
    private final KpiResultRepository results;
    private final NightlyRuns nightlyRuns;
    private final SampleDataStatus status;

    SampleDataLoader(DashboardProperties properties, KpiResultRepository results, NightlyRuns nightlyRuns,
            SampleDataStatus status) {
        this.properties = properties;
        this.results = results;
        this.nightlyRuns = nightlyRuns;
        this.status = status;
    }

    @Override
    public void run(ApplicationArguments args) {
        plan().ifPresent(request -> {
            status.starting();
            Thread.ofPlatform()
                    .name("civicpulse-sample-data")
                    // A stop of the dashboard must not wait for a half-done sample load; a failed run publishes
                    // nothing and the next start tries again.
                    .daemon(true)
                    .start(() -> load(request));
        });
    }

    /** The run to do, if any. A reason not to load is logged; a broken sample folder is also shown as a failure. */
    Optional<RunRequest> plan() {
        if (results.latestPublication().isPresent()) {
            log.debug("Results are published already; the sample data is not loaded");
            return Optional.empty();
        }
        Path folder = properties.sampleData().toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            log.info("No sample data folder at {}: starting without results until the nightly job runs", folder);
            return Optional.empty();
        }
        if (feedFiles(folder).isEmpty()) {
            log.info("The sample data folder {} holds no feed files: starting without results", folder);
            return Optional.empty();
        }
        try {
            DateRange range = readRange(folder.resolve(GENERATION_PROPERTIES));
            return Optional.of(new RunRequest(folder, range.from(), range.to(), TRIGGER));
        } catch (IllegalArgumentException e) {
            log.warn("Not loading the sample data: {}", e.getMessage());
            status.failed(e.getMessage());
            return Optional.empty();
        }
    }

    void load(RunRequest request) {
        log.info("Loading the sample data from {} for {} to {}", request.input(), request.from(), request.to());
        try {
            RunOutcome outcome = nightlyRuns.run(request, progress -> {
                log.info("Sample data: {}", progress.message());
                status.progress(progress);
            });
            if (outcome.succeeded()) {
                status.loaded(outcome.kpiRowsPublished(), outcome.duration().toSeconds());
                log.info(status.current().message());
            } else {
                log.warn("Loading the sample data failed: {}", outcome.failure());
                status.failed(outcome.failure());
            }
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.error("Loading the sample data failed: {}", reason, e);
            status.failed(reason);
        }
    }

    static List<Path> feedFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> Arrays.stream(Feed.values())
                            .anyMatch(feed -> feed.owns(file.getFileName().toString())))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            log.warn("Cannot list the sample data folder {}: {}", folder, e.getMessage());
            return List.of();
        }
    }

    /** {@code from} and {@code to} of the generator's {@code generation.properties}, as ISO dates. */
    static DateRange readRange(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " is missing; it names the from and to dates of the sample");
        }
        Properties generation = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            generation.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        LocalDate from = date(generation, "from", file);
        LocalDate to = date(generation, "to", file);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException(file + ": to=" + to + " is before from=" + from);
        }
        return new DateRange(from, to);
    }

    record DateRange(LocalDate from, LocalDate to) {
    }

    private static LocalDate date(Properties properties, String key, Path file) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(file + " has no " + key + "= date");
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(file + ": " + key + "=" + value.trim() + " is not a date (YYYY-MM-DD)",
                    e);
        }
    }
}
