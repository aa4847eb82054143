package io.civicpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.civicpulse.generate.FeedGenerator;
import io.civicpulse.generate.GeneratorSettings;
import io.civicpulse.support.PublishedComments;
import io.civicpulse.support.TestDatabase;

/**
 * A nightly run killed mid-way (SIGKILL, no shutdown hooks) leaves the published results exactly as they were;
 * while its lock lives no second run starts; afterwards the same command restarts it where it stopped and the
 * results equal those of one uninterrupted run. The killed run is the real executable jar in its own process.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashRecoveryIntegrationTests {

    static final LocalDate FROM = LocalDate.of(2026, 2, 23);
    static final LocalDate TO = LocalDate.of(2026, 3, 10);
    static final Path JAR = Path.of("target", "civicpulse-jobs.jar");

    Path temp;
    Path feeds;
    Path reference;
    List<String> referenceComments;

    @BeforeAll
    void generateFeedsAndAReferenceRun(@TempDir Path temp) throws IOException {
        this.temp = temp;
        feeds = temp.resolve("feeds");
        new FeedGenerator(new GeneratorSettings(FROM, TO, 0.2, 11, ZoneId.of("America/New_York"), false))
                .generate(feeds, message -> { });
        Path referenceHome = temp.resolve("reference-home");
        assertThat(cli("run", referenceHome, "--input=" + feeds, "--from=" + FROM, "--to=" + TO).exitStatus())
                .isZero();
        reference = export(referenceHome, "reference.csv");
        referenceComments = PublishedComments.ofHome(referenceHome);
    }

    @Test
    void aKilledRunLeavesResultsUntouchedBlocksOthersWhileItsLockLivesAndRestartsToTheSameResults()
            throws Exception {
        // given results published by a run over the first week
        Path home = temp.resolve("home");
        assertThat(cli("run", home, "--input=" + feeds, "--from=" + FROM, "--to=2026-03-01").exitStatus()).isZero();
        Path before = export(home, "before.csv");
        List<String> commentsBefore = PublishedComments.ofHome(home);

        // when a run over the whole range is killed while it computes
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", JAR.toAbsolutePath().toString(),
                "run", "--input=" + feeds, "--from=" + FROM, "--to=" + TO, "--civicpulse.home=" + home));
        command.addAll(TestDatabase.commandLineOptions(home));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<String> seen = waitForLine(process, "compute:", Duration.ofMinutes(3));
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        // then a second run is refused while the dead run's lock has not expired
        CommandLineRun refused = cli("run", home, "--input=" + feeds, "--from=" + FROM, "--to=" + TO);
        assertThat(seen).anyMatch(line -> line.contains("history: surveys merged"));
        assertThat(refused.exitStatus()).isEqualTo(1);
        assertThat(refused.err()).contains("another run is in progress");

        // and the published results are exactly as before
        assertThat(Files.mismatch(before, export(home, "after-kill.csv"))).isEqualTo(-1L);
        assertThat(PublishedComments.ofHome(home)).isEqualTo(commentsBefore);

        // when the same command is given again once the lock has expired
        CommandLineRun restarted = retryWhileRefused(() -> cli("run", home, "--input=" + feeds, "--from=" + FROM,
                "--to=" + TO), Duration.ofSeconds(90));

        // then it resumes the killed run and publishes what one uninterrupted run publishes
        assertThat(restarted.exitStatus()).as(restarted.err()).isZero();
        assertThat(restarted.out()).contains("was interrupted: marking it failed").contains("restarting failed run");
        assertThat(restarted.out()).doesNotContain("ingest: reading");
        assertThat(Files.mismatch(reference, export(home, "after-restart.csv"))).isEqualTo(-1L);
        assertThat(PublishedComments.ofHome(home)).isNotEmpty().isEqualTo(referenceComments);
    }

    private CommandLineRun cli(String command, Path home, String... options) {
        List<String> args = new ArrayList<>(List.of(options));
        args.add("--civicpulse.home=" + home);
        return CommandLineRun.of(CommandLineRun.args(command, args));
    }

    private Path export(Path home, String name) {
        Path file = temp.resolve(name);
        CommandLineRun export = cli("export", home, "--output=" + file);
        assertThat(export.exitStatus()).as(export.err()).isZero();
        return file;
    }

    private static CommandLineRun retryWhileRefused(java.util.function.Supplier<CommandLineRun> run, Duration limit)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (true) {
            CommandLineRun result = run.get();
            if (!result.err().contains("another run is in progress") || Instant.now().isAfter(deadline)) {
                return result;
            }
            Thread.sleep(2_000);
        }
    }

    /** Reads the process's output until a line contains {@code marker}; returns every line read. */
    private static List<String> waitForLine(Process process, String marker, Duration limit) throws Exception {
        List<String> lines = new ArrayList<>();
        CompletableFuture<Boolean> found = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    if (line.contains(marker)) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        assertThat(found.get(limit.toSeconds(), TimeUnit.SECONDS)).as("the run printed '%s'; it printed %s",
                marker, lines).isTrue();
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
