package io.civicpulse.benchmark;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.civicpulse.kpi.KpiCsv;

/** Writes the rows of {@code kpis.sql}'s final query in the export format of interfaces.md. */
final class KpiExportWriter {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader(KpiCsv.HEADER.toArray(String[]::new))
            .setRecordSeparator("\n")
            .get();

    private KpiExportWriter() {
    }

    /** Writes every row of {@code result} (the export's columns, in order) and returns how many. */
    static long write(ResultSet result, Writer out) throws SQLException, IOException {
        CSVPrinter printer = new CSVPrinter(out, FORMAT);
        long rows = 0;
        while (result.next()) {
            printer.printRecord(result.getString(1), result.getString(2), result.getString(3), result.getString(4),
                    result.getString(5), result.getString(6), result.getString(7),
                    decimal(result, 8), integer(result, 9), integer(result, 10), integer(result, 11),
                    decimal(result, 12), bool(result, 13), decimal(result, 14), bool(result, 15));
            rows++;
        }
        printer.flush();
        return rows;
    }

    /** Plain decimal notation with full precision, as the export writes it: the shortest exact decimal. */
    private static String decimal(ResultSet result, int column) throws SQLException {
        double value = result.getDouble(column);
        if (result.wasNull() || Double.isNaN(value) || Double.isInfinite(value)) {
            return "";
        }
        BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
        return decimal.signum() == 0 ? "0" : decimal.toPlainString();
    }

    private static String integer(ResultSet result, int column) throws SQLException {
        long value = result.getLong(column);
        return result.wasNull() ? "" : Long.toString(value);
    }

    private static String bool(ResultSet result, int column) throws SQLException {
        boolean value = result.getBoolean(column);
        return result.wasNull() ? "" : Boolean.toString(value);
    }
}
