package io.civicpulse.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Computes KPIs from feed CSV files in plain Java, straight from kpis.md and without any of the product's code,
 * so the integration tests can check what Spark published against an independent reading of the contract.
 * Deliberately simple and slow: small inputs only.
 */
public final class IndependentKpis {

    public record Key(String kpi, String grain, LocalDate periodStart, String department, String service,
            String channel, String district) {
    }

    /** {@code value} is null for a suppressed row. */
    public record Expected(Double value, long sampleSize, boolean suppressed) {
    }

    private final ZoneId zone;
    private final LocalDate from;
    private final LocalDate to;
    private final int minCellSize;

    public IndependentKpis(ZoneId zone, LocalDate from, LocalDate to, int minCellSize) {
        this.zone = zone;
        this.from = from;
        this.to = to;
        this.minCellSize = minCellSize;
    }

    /** CONTACTS, CASES_OPENED, CASES_CLOSED, CLOSE_MEDIAN_HOURS and CSAT_MEAN, every grain and slice. */
    public Map<Key, Expected> compute(Path folder) throws IOException {
        Map<Key, List<Double>> samples = new HashMap<>();
        for (Map<String, String> c : latest(folder, "contacts", "contact_id")) {
            LocalDate day = localDate(c.get("started_at"));
            for (String[] slice : slices(c.get("department"), null, c.get("channel"), district(c), false)) {
                add(samples, "CONTACTS", day, slice, 1.0);
            }
        }
        for (Map<String, String> c : latest(folder, "cases", "case_id")) {
            Instant opened = instant(c.get("opened_at"));
            String department = c.get("department").toUpperCase(Locale.ROOT);
            for (String[] slice : slices(department, c.get("service"), c.get("channel"), district(c), true)) {
                add(samples, "CASES_OPENED", opened.atZone(zone).toLocalDate(), slice, 1.0);
            }
            String closedAt = c.get("closed_at");
            if (closedAt.isEmpty()) {
                continue;
            }
            Instant closed = instant(closedAt);
            String outcome = c.get("outcome").toUpperCase(Locale.ROOT);
            boolean excluded = outcome.equals("CANCELLED") || outcome.equals("DUPLICATE");
            for (String[] slice : slices(department, c.get("service"), c.get("channel"), district(c), true)) {
                LocalDate day = closed.atZone(zone).toLocalDate();
                add(samples, "CASES_CLOSED", day, slice, 1.0);
                if (!excluded) {
                    add(samples, "CLOSE_MEDIAN_HOURS", day, slice,
                            Duration.between(opened, closed).toNanos() / 3_600_000_000_000.0);
                }
            }
        }
        for (Map<String, String> s : latest(folder, "surveys", "response_id")) {
            if (s.get("csat").isEmpty()) {
                continue;
            }
            String service = s.get("service").isEmpty() ? "UNKNOWN" : s.get("service");
            for (String[] slice : slices(s.get("department"), service, s.get("channel"), district(s), true)) {
                add(samples, "CSAT_MEAN", localDate(s.get("submitted_at")), slice,
                        Double.parseDouble(s.get("csat")));
            }
        }
        Map<Key, Expected> expected = new LinkedHashMap<>();
        samples.forEach((key, values) -> {
            double value = switch (key.kpi()) {
                case "CONTACTS", "CASES_OPENED", "CASES_CLOSED" -> values.size();
                case "CLOSE_MEDIAN_HOURS" -> percentile(values, 0.5);
                case "CSAT_MEAN" -> values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                default -> throw new IllegalStateException(key.kpi());
            };
            boolean suppressed = minCellSize > 0 && values.size() < minCellSize
                    && (key.kpi().equals("CSAT_MEAN") || !key.district().equals("*"));
            expected.put(key, new Expected(suppressed ? null : value, values.size(), suppressed));
        });
        return expected;
    }

    /** Linear interpolation between closest ranks, as PostgreSQL's percentile_cont. */
    public static double percentile(List<Double> values, double p) {
        List<Double> sorted = values.stream().sorted().toList();
        double position = p * (sorted.size() - 1);
        int low = (int) Math.floor(position);
        int high = (int) Math.ceil(position);
        return sorted.get(low) + (position - low) * (sorted.get(high) - sorted.get(low));
    }

    private void add(Map<Key, List<Double>> samples, String kpi, LocalDate day, String[] slice, double value) {
        for (String grain : List.of("DAY", "WEEK", "MONTH", "QUARTER")) {
            LocalDate start = periodStart(grain, day);
            if (start.isBefore(periodStart(grain, from)) || start.isAfter(periodStart(grain, to))) {
                continue;
            }
            samples.computeIfAbsent(new Key(kpi, grain, start, slice[0], slice[1], slice[2], slice[3]),
                    k -> new ArrayList<>()).add(value);
        }
    }

    static LocalDate periodStart(String grain, LocalDate day) {
        return switch (grain) {
            case "DAY" -> day;
            case "WEEK" -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case "MONTH" -> day.withDayOfMonth(1);
            case "QUARTER" -> LocalDate.of(day.getYear(), ((day.getMonthValue() - 1) / 3) * 3 + 1, 1);
            default -> throw new IllegalArgumentException(grain);
        };
    }

    /** The seven slices of kpis.md as (department, service, channel, district); contacts have no service. */
    private static List<String[]> slices(String department, String service, String channel, String district,
            boolean withService) {
        String d = department.toUpperCase(Locale.ROOT);
        String c = channel.toUpperCase(Locale.ROOT);
        List<String[]> slices = new ArrayList<>(List.of(
                new String[] { "*", "*", "*", "*" },
                new String[] { d, "*", "*", "*" },
                new String[] { "*", "*", c, "*" },
                new String[] { d, "*", c, "*" },
                new String[] { "*", "*", "*", district },
                new String[] { d, "*", "*", district }));
        if (withService) {
            slices.add(new String[] { d, service, "*", "*" });
        }
        return slices;
    }

    private static String district(Map<String, String> row) {
        String district = row.getOrDefault("district", "");
        return district.isEmpty() ? "UNKNOWN" : district;
    }

    private LocalDate localDate(String timestamp) {
        return instant(timestamp).atZone(zone).toLocalDate();
    }

    private Instant instant(String timestamp) {
        String t = timestamp.replace(' ', 'T');
        if (t.endsWith("Z") || t.matches(".*[+-]\\d{2}:\\d{2}$")) {
            return OffsetDateTime.parse(t).toInstant();
        }
        return LocalDateTime.parse(t).atZone(zone).toInstant();
    }

    /** Every row of a feed, the last one of each id winning (files in name order, then lines in order). */
    private static List<Map<String, String>> latest(Path folder, String prefix, String id) throws IOException {
        Map<String, Map<String, String>> byId = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && (p.toString().endsWith(".csv") || p.toString().endsWith(".csv.gz"))).sorted().toList();
        }
        for (Path file : files) {
            try (InputStream raw = Files.newInputStream(file);
                    InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                    Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(reader)) {
                    Map<String, String> row = new HashMap<>();
                    record.toMap().forEach((k, v) -> row.put(k.trim().toLowerCase(Locale.ROOT), v.trim()));
                    byId.remove(row.get(id));
                    byId.put(row.get(id), row);
                }
            }
        }
        return new ArrayList<>(byId.values());
    }

    /** Reads an export in the contract's format into the same shape, for the given KPIs only. */
    public static Map<Key, Expected> readExport(Path csv, List<String> kpis) throws IOException {
        Map<Key, Expected> rows = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(csv)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader)) {
                if (!kpis.contains(r.get("kpi"))) {
                    continue;
                }
                Function<String, Double> number = column -> r.get(column).isEmpty() ? null
                        : Double.parseDouble(r.get(column));
                rows.put(new Key(r.get("kpi"), r.get("grain"), LocalDate.parse(r.get("period_start")),
                                r.get("department"), r.get("service"), r.get("channel"), r.get("district")),
                        new Expected(number.apply("value"), Long.parseLong(r.get("sample_size")),
                                Boolean.parseBoolean(r.get("suppressed"))));
            }
        }
        return rows;
    }
}
