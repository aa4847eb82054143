package io.civicpulse.benchmark;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import io.civicpulse.kpi.KpiCsv;

/**
 * The differential check: two KPI exports agree when they have the same key set and, key by key, the same
 * columns: numbers equal within a relative {@value #RELATIVE_TOLERANCE} (and {@value #ABSOLUTE_FLOOR} near 0, where
 * a relative bound means nothing), empty cells empty in both, booleans equal, except the verdict of a value that
 * equals its target within that tolerance. Both files are read once, side by
 * side, in the export's key order (which each must follow), so a year of rows at New York scale needs no memory.
 */
final class ExportComparison {

    static final double RELATIVE_TOLERANCE = 1e-9;
    static final double ABSOLUTE_FLOOR = 1e-12;
    private static final int KEY_COLUMNS = 7;
    private static final int KEPT = 20;
    private static final int VALUE = KpiCsv.HEADER.indexOf("value");
    private static final int TARGET = KpiCsv.HEADER.indexOf("target");
    private static final int MEETS_TARGET = KpiCsv.HEADER.indexOf("meets_target");

    /** The outcome: rows of each file, how many keys or cells differ, and the first differences as sentences. */
    record Result(String left, String right, long leftRows, long rightRows, long differences, List<String> first) {

        boolean agree() {
            return differences == 0;
        }

        String summary() {
            return agree() ? left + " and " + right + " agree on all " + leftRows + " rows"
                    : left + " (" + leftRows + " rows) and " + right + " (" + rightRows + " rows) differ in "
                            + differences + " rows; the first:\n  " + String.join("\n  ", first);
        }
    }

    private ExportComparison() {
    }

    static Result compare(String leftName, Path left, String rightName, Path right) throws IOException {
        try (Reader l = Files.newBufferedReader(left); Reader r = Files.newBufferedReader(right)) {
            Rows a = new Rows(leftName, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(l).iterator());
            Rows b = new Rows(rightName, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(r).iterator());
            long differences = 0;
            List<String> first = new ArrayList<>();
            while (a.current != null || b.current != null) {
                int order = a.current == null ? 1 : b.current == null ? -1 : compareKeys(a.current, b.current);
                String difference;
                if (order < 0) {
                    difference = "only in " + leftName + ": " + a.current;
                    a.advance();
                } else if (order > 0) {
                    difference = "only in " + rightName + ": " + b.current;
                    b.advance();
                } else {
                    difference = cells(a.current, b.current, leftName, rightName);
                    a.advance();
                    b.advance();
                }
                if (difference != null) {
                    differences++;
                    if (first.size() < KEPT) {
                        first.add(difference);
                    }
                }
            }
            return new Result(leftName, rightName, a.count, b.count, differences, first);
        }
    }

    /** The columns after the key that differ, as one sentence; null when none does. */
    private static String cells(String[] a, String[] b, String leftName, String rightName) {
        List<String> differing = new ArrayList<>();
        for (int i = KEY_COLUMNS; i < KpiCsv.HEADER.size(); i++) {
            if (!same(a[i], b[i]) && !(i == MEETS_TARGET && onTarget(a) && onTarget(b))) {
                differing.add(KpiCsv.HEADER.get(i) + " " + leftName + "='" + a[i] + "' " + rightName + "='" + b[i]
                        + "'");
            }
        }
        return differing.isEmpty() ? null
                : String.join(",", java.util.Arrays.copyOf(a, KEY_COLUMNS)) + ": " + String.join("; ", differing);
    }

    /**
     * Whether a row's value equals its target within the tolerance. Its verdict then depends on the last bits of
     * a sum: the experience score, a weighted mean of scores that is exactly 1.0 in exact arithmetic, came out as
     * 1.0 in Spark and DuckDB and a hair below in PostgreSQL, which adds in another order (once in 2.6 million rows
     * at New York scale). Values the check calls equal cannot be held to different verdicts.
     */
    private static boolean onTarget(String[] row) {
        return !row[VALUE].isEmpty() && !row[TARGET].isEmpty() && same(row[VALUE], row[TARGET]);
    }

    static boolean same(String a, String b) {
        if (a.isEmpty() || b.isEmpty() || !isNumber(a) || !isNumber(b)) {
            return a.equals(b);
        }
        double x = Double.parseDouble(a);
        double y = Double.parseDouble(b);
        double difference = Math.abs(x - y);
        return difference <= ABSOLUTE_FLOOR || difference <= RELATIVE_TOLERANCE * Math.max(Math.abs(x), Math.abs(y));
    }

    private static boolean isNumber(String text) {
        char c = text.charAt(0);
        return c == '-' || c == '.' || (c >= '0' && c <= '9');
    }

    /** The export's order: the seven key columns compared as strings in code-point (UTF-8 byte) order. */
    static int compareKeys(String[] a, String[] b) {
        for (int i = 0; i < KEY_COLUMNS; i++) {
            int order = compareCodePoints(a[i], b[i]);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** One export read in order; a key not after the previous one breaks the contract's sort and stops the check. */
    private static final class Rows {
        private final String name;
        private final Iterator<CSVRecord> records;
        String[] current;
        long count;

        Rows(String name, Iterator<CSVRecord> records) {
            this.name = name;
            this.records = records;
            advance();
        }

        void advance() {
            String[] previous = current;
            if (!records.hasNext()) {
                current = null;
                return;
            }
            CSVRecord record = records.next();
            if (record.size() != KpiCsv.HEADER.size()) {
                throw new IllegalStateException(name + " line " + record.getRecordNumber() + " has " + record.size()
                        + " columns, not " + KpiCsv.HEADER.size());
            }
            current = record.values();
            count++;
            if (previous != null && compareKeys(previous, current) >= 0) {
                throw new IllegalStateException(name + " is not sorted by the export's key at line "
                        + (record.getRecordNumber() + 1) + ": " + String.join(",", current));
            }
        }
    }
}
