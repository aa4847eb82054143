package io.civicpulse.spark;

import java.util.Map;

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
        if (session == null) {
            session = SparkSession.builder().config(sparkConf(properties)).getOrCreate();
        }
        return session;
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
