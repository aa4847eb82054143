package io.civicpulse.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import io.civicpulse.CivicPulseProperties;

/**
 * Creates the one SparkSession of this JVM on first use, so commands that need no Spark ({@code export}) and a
 * dashboard that only reads results never start it.
 */
@Component
public class SparkSessionProvider implements DisposableBean {

    private final CivicPulseProperties properties;
    private SparkSession session;

    public SparkSessionProvider(CivicPulseProperties properties) {
        this.properties = properties;
    }

    public synchronized SparkSession session() {
        if (session == null || session.sparkContext().isStopped()) {
            SparkConf conf = sparkConf(properties);
            replaceStaleSession(conf);
            session = SparkSession.builder().config(conf).getOrCreate();
        }
        return session;
    }

    /** The session, if this process has started one: cancelling a run's Spark jobs must not start Spark. */
    public synchronized Optional<SparkSession> ifStarted() {
        return Optional.ofNullable(session).filter(s -> !s.sparkContext().isStopped());
    }

    /**
     * {@code getOrCreate} hands back the JVM's active session whatever its settings. One left by another application
     * context in this JVM (test classes run one after another in one JVM) may keep its local folder under a home that
     * is gone, or under another home: such a session is stopped, so this context's settings take effect.
     */
    private static void replaceStaleSession(SparkConf conf) {
        scala.Option<SparkSession> active = SparkSession.getDefaultSession();
        if (active.isEmpty() || active.get().sparkContext().isStopped()) {
            return;
        }
        String wanted = conf.get("spark.local.dir");
        String current = active.get().sparkContext().getConf().get("spark.local.dir", "");
        if (!current.equals(wanted) || !Files.isDirectory(Path.of(current))) {
            active.get().stop();
        }
    }

    /** The settings every CivicPulse Spark session runs with; tests build their sessions from them too. */
    public static SparkConf sparkConf(CivicPulseProperties properties) {
        CivicPulseProperties.Spark spark = properties.spark();
        SparkConf conf = new SparkConf()
                .setAppName("CivicPulse")
                .setMaster(spark.master())
                .set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false")
                // Dates and instants cross the API as java.time values, never as zone-dependent java.sql types.
                .set("spark.sql.datetime.java8API.enabled", "true")
                .set("spark.sql.session.timeZone", properties.city().timeZone().getId())
                .set("spark.sql.shuffle.partitions", Integer.toString(spark.shufflePartitions()))
                .set("spark.sql.parquet.compression.codec", "zstd")
                // Instants as 8-byte microseconds, not the legacy 12-byte INT96 default: a year's ingest writes
                // tens of millions of them, each a binary value the writer would hash for its dictionary.
                .set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
                // The KPI aggregations have many thousand groups per task; Spark's small first-level hash map then
                // misses on nearly every row and is probed before the main map for nothing (a year's rebuild: 5 s
                // of compute and 20 s of CPU on two cores, docs/decisions/0014).
                .set("spark.sql.codegen.aggregate.map.twolevel.enabled", "false")
                // The history is read as one directory per day (decision 12): beyond 32 directories Spark would list
                // them in a Spark job of one task per directory, which on civicpulse.home's file system costs more
                // than listing them on the driver (365 directories: about 2 s against 0.6 s on two cores).
                .set("spark.sql.sources.parallelPartitionDiscovery.threshold", "10000")
                .set("spark.local.dir", properties.homeDirectory().resolve("tmp/spark").toString());
        for (Map.Entry<String, String> entry : spark.config().entrySet()) {
            conf.set(entry.getKey(), entry.getValue());
        }
        return conf;
    }

    @Override
    public synchronized void destroy() {
        if (session != null) {
            session.stop();
            session = null;
        }
    }
}
