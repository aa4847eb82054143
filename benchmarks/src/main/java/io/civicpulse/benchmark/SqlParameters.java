package io.civicpulse.benchmark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.civicpulse.kpi.Grain;
import io.civicpulse.kpi.KpiParameters;

/** The values of {@code kpis.sql}'s placeholders for one computation: dates, cell size and configuration tables. */
final class SqlParameters {

    private SqlParameters() {
    }

    static Map<String, String> of(KpiParameters p) {
        Map<String, String> values = new HashMap<>();
        values.put("from", p.from().toString());
        values.put("to", p.to().toString());
        values.put("as_of", p.to().plusDays(1).toString());
        LocalDate firstDay = Stream.of(Grain.values()).map(p::firstPeriod).min(LocalDate::compareTo).orElseThrow();
        LocalDate lastDay = Stream.of(Grain.values()).map(g -> g.nextPeriodStart(p.lastPeriod(g)).minusDays(1))
                .max(LocalDate::compareTo).orElseThrow();
        values.put("first_day", firstDay.toString());
        values.put("last_day", lastDay.toString());
        values.put("min_cell_size", Integer.toString(p.minCellSize()));
        values.put("answer_thresholds", table(List.of("channel TEXT", "seconds BIGINT"),
                p.answerThresholds().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> List.of(text(e.getKey()), Long.toString(e.getValue()))).toList()));
        values.put("service_levels", table(List.of("department TEXT", "service TEXT", "seconds DOUBLE PRECISION"),
                p.serviceLevels().stream().map(s -> List.of(text(s.department()), text(s.service()),
                        number(s.closeWithin().toNanos() / 1e9))).toList()));
        values.put("targets", table(List.of("kpi TEXT", "department TEXT", "channel TEXT", "value DOUBLE PRECISION",
                "weight DOUBLE PRECISION"), targets(p)));
        return values;
    }

    /**
     * One target per (KPI, department, channel): of two configured alike, the first applies, as in the product.
     * Targets limited to some periods (the target history) are not supported here: the benchmark uses the
     * configured ones, which hold for every period.
     */
    private static List<List<String>> targets(KpiParameters p) {
        Map<String, List<String>> unique = new LinkedHashMap<>();
        for (KpiParameters.Target t : p.targets()) {
            if (t.from() != null || t.until() != null) {
                throw new IllegalArgumentException("targets in force for some periods only are not supported: " + t);
            }
            unique.putIfAbsent(t.kpi() + "|" + t.department() + "|" + t.channel(), List.of(text(t.kpi().name()),
                    text(t.department()), text(t.channel()), number(t.value()), number(t.weight())));
        }
        return new ArrayList<>(unique.values());
    }

    /**
     * A small table as a subquery both dialects read: typed VALUES, or no rows of the right types when empty
     * (an empty VALUES list is not SQL).
     */
    static String table(List<String> columns, List<List<String>> rows) {
        List<String> names = columns.stream().map(c -> c.substring(0, c.indexOf(' '))).toList();
        List<String> types = columns.stream().map(c -> c.substring(c.indexOf(' ') + 1)).toList();
        if (rows.isEmpty()) {
            List<String> nulls = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                nulls.add("CAST(NULL AS " + types.get(i) + ") AS " + names.get(i));
            }
            return "SELECT " + String.join(", ", nulls) + " WHERE 1 = 0";
        }
        List<String> tuples = new ArrayList<>();
        for (List<String> row : rows) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                cells.add("CAST(" + row.get(i) + " AS " + types.get(i) + ")");
            }
            tuples.add("(" + String.join(", ", cells) + ")");
        }
        return "SELECT * FROM (VALUES " + String.join(", ", tuples) + ") AS v(" + String.join(", ", names) + ")";
    }

    private static String text(String value) {
        return value == null ? "NULL" : "'" + value.replace("'", "''") + "'";
    }

    private static String number(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
