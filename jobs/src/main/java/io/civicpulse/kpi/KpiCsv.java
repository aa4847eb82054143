package io.civicpulse.kpi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The KPI export format of interfaces.md. */
public final class KpiCsv {

    public static final List<String> HEADER = List.of("kpi", "grain", "period_start", "department", "service",
            "channel", "district", "value", "numerator", "denominator", "sample_size", "target", "meets_target",
            "score", "suppressed");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader(HEADER.toArray(String[]::new))
            .setRecordSeparator("\n")
            .get();

    private final CSVPrinter printer;

    public KpiCsv(Writer out) {
        try {
            this.printer = new CSVPrinter(out, FORMAT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(KpiRow row) {
        try {
            printer.printRecord(row.kpi().name(), row.grain().name(), row.periodStart().toString(), row.department(),
                    row.service(), row.channel(), row.district(), number(row.value()), number(row.numerator()),
                    number(row.denominator()), Long.toString(row.sampleSize()), number(row.target()),
                    row.meetsTarget() == null ? "" : row.meetsTarget().toString(), number(row.score()),
                    Boolean.toString(row.suppressed()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void flush() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Plain decimal notation, no exponent, no thousands separator, full precision: the shortest decimal that
     * reads back as the same double (17 significant digits at most), so counts come out as integers.
     */
    static String number(Number value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        double d = value.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "";
        }
        BigDecimal decimal = BigDecimal.valueOf(d).stripTrailingZeros();
        if (decimal.signum() == 0) {
            return "0";
        }
        return decimal.toPlainString();
    }
}
