package io.civicpulse.cli;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.execution.FileSourceScanExec;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.adaptive.AdaptiveSparkPlanExec;
import org.apache.spark.sql.execution.adaptive.QueryStageExec;
import org.apache.spark.sql.util.QueryExecutionListener;

import scala.jdk.javaapi.CollectionConverters;

/**
 * Records the files and columns every Parquet scan of the JVM's Spark queries read, for a test to see what a run
 * read. Registered by class name through {@code spark.sql.queryExecutionListeners}, so its state is static.
 */
public class ScanRecorder implements QueryExecutionListener {

    /** One scan: the files it lists and the columns it reads from them. */
    public record Scan(List<String> files, List<String> columns) {
    }

    private static final List<Scan> SCANS = new ArrayList<>();

    static synchronized List<Scan> scans() {
        return List.copyOf(SCANS);
    }

    static synchronized void clear() {
        SCANS.clear();
    }

    @Override
    public void onSuccess(String funcName, QueryExecution qe, long durationNs) {
        List<Scan> found = new ArrayList<>();
        visit(qe.executedPlan(), found);
        synchronized (ScanRecorder.class) {
            SCANS.addAll(found);
        }
    }

    @Override
    public void onFailure(String funcName, QueryExecution qe, Exception exception) {
    }

    private static void visit(SparkPlan plan, List<Scan> found) {
        if (plan instanceof AdaptiveSparkPlanExec adaptive) {
            visit(adaptive.executedPlan(), found);
            return;
        }
        if (plan instanceof QueryStageExec stage) {
            visit(stage.plan(), found);
            return;
        }
        if (plan instanceof FileSourceScanExec scan) {
            found.add(new Scan(List.of(scan.relation().location().inputFiles()),
                    List.of(scan.requiredSchema().fieldNames())));
        }
        for (SparkPlan child : CollectionConverters.asJava(plan.children())) {
            visit(child, found);
        }
    }
}
