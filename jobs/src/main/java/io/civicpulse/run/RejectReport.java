package io.civicpulse.run;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A run's reject report, {@code file,line,column,reason} (interfaces.md), sorted by file and line. Rejected rows
 * are bounded by the maximum reject rate; they stream to the driver a partition at a time.
 */
public final class RejectReport {

    public static final List<String> HEADER = List.of("file", "line", "column", "reason");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader(HEADER.toArray(String[]::new))
            .setRecordSeparator("\n")
            .get();

    private RejectReport() {
    }

    static void write(Dataset<Row> rejects, Path report) {
        try {
            Files.createDirectories(report.getParent());
            Path partial = report.resolveSibling(report.getFileName() + ".partial");
            try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
                    CSVPrinter printer = new CSVPrinter(writer, FORMAT)) {
                Iterator<Row> rows = rejects.orderBy(col("file"), col("line")).toLocalIterator();
                while (rows.hasNext()) {
                    Row row = rows.next();
                    printer.printRecord(row.getAs("file"), row.<Long>getAs("line"), row.getAs("column"),
                            row.getAs("reason"));
                }
            }
            Files.move(partial, report, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reject report " + report, e);
        }
    }
}
