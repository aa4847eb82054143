package io.civicpulse.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.civicpulse.generate.FeedGenerator;
import io.civicpulse.generate.GeneratorSettings;
import io.civicpulse.support.JobsCommandLine;

/**
 * The nightly job on a real Spark standalone cluster (a master and two workers, each its own JVM on 127.0.0.1)
 * does its work on the workers' executors and publishes exactly what local mode publishes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandaloneClusterIntegrationTests {

    static final LocalDate FROM = LocalDate.of(2026, 3, 2);
    static final LocalDate TO = LocalDate.of(2026, 3, 8);
    /** Where the build copies the runtime jars (maven-dependency-plugin, pre-integration-test). */
    static final Path SPARK_HOME = Path.of(System.getProperty("civicpulse.test.spark-home", "target/spark-home"));
    /** Where the executors find CivicPulse's own classes (the tasks' lambdas and functions). */
    static final Path CLASSES = Path.of(System.getProperty("civicpulse.test.classes", "target/classes"));

    Path temp;
    Path feeds;
    StandaloneCluster cluster;

    @BeforeAll
    void startCluster(@TempDir Path temp) throws IOException, InterruptedException {
        this.temp = temp;
        feeds = temp.resolve("feeds");
        new FeedGenerator(new GeneratorSettings(FROM, TO, 0.2, 11, ZoneId.of("America/New_York"), false))
                .generate(feeds, message -> { });
        cluster = StandaloneCluster.start(SPARK_HOME.toAbsolutePath(), temp.resolve("cluster"), 2, 1536);
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void nightlyRunOnAStandaloneClusterRunsItsTasksOnTheWorkersAndPublishesWhatLocalModePublishes()
            throws IOException {
        // given the same feeds, one home for the cluster and one for local mode
        Path clusterHome = temp.resolve("cluster-home");
        Path localHome = temp.resolve("local-home");
        // A session left over from another test class would be reused by getOrCreate, whatever its master.
        SparkSession.getDefaultSession().foreach(session -> {
            session.stop();
            return null;
        });
        TaskExecutors.reset();

        // when the nightly run runs on the cluster
        long started = System.nanoTime();
        JobsCommandLine onCluster = JobsCommandLine.run("run", clusterOptions(clusterHome), "--input=" + feeds,
                "--from=" + FROM, "--to=" + TO);
        long clusterMillis = (System.nanoTime() - started) / 1_000_000;

        // then it succeeded, and every task ran on an executor of the workers, none in the driver
        assertThat(onCluster.exitStatus()).as("cluster run: %s%n%s", onCluster.err(), onCluster.out()).isZero();
        System.out.printf("standalone cluster run: %,d ms, tasks per executor %s%n", clusterMillis,
                TaskExecutors.tasksByExecutor());
        assertThat(TaskExecutors.tasks()).isPositive();
        assertThat(TaskExecutors.executors()).doesNotContain("driver").hasSize(2);

        // and local mode over the same feeds publishes the same KPI rows, byte for byte
        started = System.nanoTime();
        JobsCommandLine local = JobsCommandLine.run("run", localOptions(localHome), "--input=" + feeds,
                "--from=" + FROM, "--to=" + TO);
        long localMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(local.exitStatus()).as("local run: %s", local.err()).isZero();
        System.out.printf("local[2] run: %,d ms%n", localMillis);

        Path clusterExport = temp.resolve("cluster.csv");
        Path localExport = temp.resolve("local.csv");
        assertThat(JobsCommandLine.run("export", localOptions(clusterHome), "--output=" + clusterExport)
                .exitStatus()).isZero();
        assertThat(JobsCommandLine.run("export", localOptions(localHome), "--output=" + localExport)
                .exitStatus()).isZero();
        List<String> clusterRows = Files.readAllLines(clusterExport);
        assertThat(clusterRows).hasSizeGreaterThan(1000);
        assertThat(clusterRows).isEqualTo(Files.readAllLines(localExport));
    }

    private List<String> clusterOptions(Path home) {
        List<String> options = new ArrayList<>(localOptions(home));
        options.set(1, "--civicpulse.spark.master=" + cluster.masterUrl());
        options.addAll(List.of(
                sparkConfig("spark.driver.host", "127.0.0.1"),
                sparkConfig("spark.driver.bindAddress", "127.0.0.1"),
                sparkConfig("spark.executor.memory", "1g"),
                sparkConfig("spark.executor.cores", "1"),
                sparkConfig("spark.cores.max", "2"),
                sparkConfig("spark.executor.extraClassPath", CLASSES.toAbsolutePath().toString()),
                // Start only once both executors are there, so the work is spread over both workers.
                sparkConfig("spark.scheduler.minRegisteredResourcesRatio", "1.0"),
                sparkConfig("spark.scheduler.maxRegisteredResourcesWaitingTime", "120s"),
                sparkConfig("spark.extraListeners", TaskExecutors.class.getName())));
        return options;
    }

    private static List<String> localOptions(Path home) {
        return new ArrayList<>(List.of("--civicpulse.home=" + home, "--civicpulse.spark.master=local[2]"));
    }

    private static String sparkConfig(String key, String value) {
        return "--civicpulse.spark.config[" + key + "]=" + value;
    }
}
