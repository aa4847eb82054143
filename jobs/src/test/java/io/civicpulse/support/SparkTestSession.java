package io.civicpulse.support;

import org.apache.spark.sql.SparkSession;

/**
 * One local Spark session for the whole test JVM: starting Spark costs seconds, and test classes run one after
 * another in the same fork. Settings mirror {@code SparkSessionProvider}'s.
 */
public final class SparkTestSession {

    private static SparkSession session;

    private SparkTestSession() {
    }

    public static synchronized SparkSession get() {
        // A context's SparkSessionProvider stops a session whose settings are not its own; start another then.
        if (session == null || session.sparkContext().isStopped()) {
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("CivicPulse tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.ui.showConsoleProgress", "false")
                    .config("spark.sql.datetime.java8API.enabled", "true")
                    .config("spark.sql.session.timeZone", "America/New_York")
                    .config("spark.sql.shuffle.partitions", "2")
                    .getOrCreate();
        }
        return session;
    }
}
