package io.civicpulse.support;

import java.io.BufferedReader;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Computes every KPI of kpis.md from feed CSV files in plain Java, straight from the contract's text and without
 * any of the product's code, so the integration tests can check what Spark published against an independent
 * reading of the contract. Deliberately simple and slow (one pass per record and period, plain lists): small
 * inputs only. The input is assumed valid (no row the feeds contract would reject); duplicates of an id are
 * resolved as feeds.md says (files in name order, lines in order, the last one wins).
 */
public final class IndependentKpis {

    public record Key(String kpi, String grain, LocalDate periodStart, String department, String service,
            String channel, String district) {
    }

    /** {@code value} is null for a suppressed row. */
    public record Expected(Double value, long sampleSize, boolean suppressed) {
    }

    /** Every column of an exported row after the key; {@code null} is an empty cell. */
    public record Row(Double value, Double numerator, Double denominator, long sampleSize, Double target,
            Boolean meetsTarget, Double score, boolean suppressed) {
    }

    /**
     * A target of kpis.md; {@code department} and {@code channel} are {@code null} when not named. With an
     * {@code effectiveFrom} it is an edit: from that date on (for the periods whose first day is on or after it) it
     * replaces the target of the same KPI, department and channel, or, when {@code ended}, removes it. Without one
     * it applies to every period, as configured targets do.
     */
    public record Target(String kpi, double value, String department, String channel, double weight,
            LocalDate effectiveFrom, boolean ended) {

        public Target(String kpi, double value, String department, String channel) {
            this(kpi, value, department, channel, 1.0);
        }

        public Target(String kpi, double value, String department, String channel, double weight) {
            this(kpi, value, department, channel, weight, null, false);
        }

        /** The same target set to another value and weight from {@code date} on. */
        public Target changedOn(LocalDate date, double newValue, double newWeight) {
            return new Target(kpi, newValue, department, channel, newWeight, date, false);
        }

        /** The same target ended from {@code date} on. */
        public Target endedOn(LocalDate date) {
            return new Target(kpi, value, department, channel, weight, date, true);
        }

        boolean sameTargetAs(Target other) {
            return kpi.equals(other.kpi) && Objects.equals(department, other.department)
                    && Objects.equals(channel, other.channel);
        }

        LocalDate from() {
            return effectiveFrom == null ? LocalDate.MIN : effectiveFrom;
        }
    }

    /** A configured close-within duration for the cases of a (department, service) without {@code due_at}. */
    public record ServiceLevel(String department, String service, Duration closeWithin) {
    }

    /** What a run is configured with besides the data. */
    public record Settings(ZoneId zone, LocalDate from, LocalDate to, int minCellSize,
            Map<String, Integer> answerThresholds, List<ServiceLevel> serviceLevels, List<Target> targets) {

        /** The contract's default answer thresholds; configured keys override them one by one. */
        public static final Map<String, Integer> DEFAULT_ANSWER_THRESHOLDS = Map.of("PHONE", 30, "CHAT", 60,
                "WALK_IN", 900);

        public Settings {
            Map<String, Integer> merged = new HashMap<>(DEFAULT_ANSWER_THRESHOLDS);
            merged.putAll(answerThresholds);
            answerThresholds = Map.copyOf(merged);
            serviceLevels = List.copyOf(serviceLevels);
            targets = List.copyOf(targets);
        }
    }

    public static final List<String> GRAINS = List.of("DAY", "WEEK", "MONTH", "QUARTER");

    /** "better" of kpis.md: +1 higher, -1 lower, 0 neither ("–"). */
    static final Map<String, Integer> BETTER = Map.ofEntries(
            Map.entry("CONTACTS", 0), Map.entry("CHANNEL_SHARE", 0), Map.entry("DIGITAL_SHARE", 1),
            Map.entry("WAIT_MEDIAN_SECONDS", -1), Map.entry("WAIT_P90_SECONDS", -1), Map.entry("SERVICE_LEVEL", 1),
            Map.entry("ABANDON_RATE", -1),
            Map.entry("CASES_OPENED", 0), Map.entry("CASES_CLOSED", 0), Map.entry("CLOSE_MEDIAN_HOURS", -1),
            Map.entry("CLOSE_P90_HOURS", -1), Map.entry("ON_TIME_RATE", 1), Map.entry("RESOLUTION_RATE", 1),
            Map.entry("REOPEN_RATE", -1), Map.entry("FCR_RATE", 1), Map.entry("BACKLOG_OPEN", -1),
            Map.entry("BACKLOG_OVERDUE", -1),
            Map.entry("SURVEY_RESPONSES", 0), Map.entry("CSAT_MEAN", 1), Map.entry("CSAT_SATISFIED", 1),
            Map.entry("NPS", 1), Map.entry("CES_MEAN", 1));

    static final Set<String> RATES = Set.of("CHANNEL_SHARE", "DIGITAL_SHARE", "SERVICE_LEVEL", "ABANDON_RATE",
            "ON_TIME_RATE", "RESOLUTION_RATE", "REOPEN_RATE", "FCR_RATE", "CSAT_SATISFIED");

    static final Set<String> SURVEY_KPIS = Set.of("SURVEY_RESPONSES", "CSAT_MEAN", "CSAT_SATISFIED", "NPS",
            "CES_MEAN");

    static final Set<String> DIGITAL = Set.of("WEB", "MOBILE_APP", "EMAIL", "CHAT", "SOCIAL");

    static final Set<String> EXCLUDED_OUTCOMES = Set.of("CANCELLED", "DUPLICATE");

    /** The KPIs {@link #compute(Path)} returns, as the first version of this oracle did. */
    static final Set<String> BASIC = Set.of("CONTACTS", "CASES_OPENED", "CASES_CLOSED", "CLOSE_MEDIAN_HOURS",
            "CSAT_MEAN");

    private final Settings settings;

    public IndependentKpis(Settings settings) {
        this.settings = settings;
    }

    /** Default answer thresholds, no service levels, no targets. */
    public IndependentKpis(ZoneId zone, LocalDate from, LocalDate to, int minCellSize) {
        this(new Settings(zone, from, to, minCellSize, Map.of(), List.of(), List.of()));
    }

    /** CONTACTS, CASES_OPENED, CASES_CLOSED, CLOSE_MEDIAN_HOURS and CSAT_MEAN, every grain and slice. */
    public Map<Key, Expected> compute(Path folder) throws IOException {
        Map<Key, Expected> expected = new LinkedHashMap<>();
        computeAll(folder).forEach((key, row) -> {
            if (BASIC.contains(key.kpi())) {
                expected.put(key, new Expected(row.value(), row.sampleSize(), row.suppressed()));
            }
        });
        return expected;
    }

    // ------------------------------------------------------------------------------------------------ records

    private record Contact(String department, String channel, String district, LocalDate day, Long waitSeconds,
            boolean abandoned) {
    }

    private record Case(String department, String service, String channel, String district, Instant opened,
            Instant closed, Instant due, String outcome, int reopenedCount, Boolean firstContactResolution) {
    }

    private record Survey(String department, String service, String channel, String district, LocalDate day,
            Integer csat, Integer nps, Integer ces) {
    }

    /** What a (KPI, grain, period, slice) cell collects: the set's size, how many of it count, and values. */
    private static final class Cell {
        long size;
        long hits;
        final List<Double> values = new ArrayList<>();
    }

    /** Every KPI of kpis.md, EXPERIENCE_SCORE included, every grain, period and slice, every exported column. */
    public Map<Key, Row> computeAll(Path folder) throws IOException {
        Map<Key, Cell> cells = new HashMap<>();
        for (Map<String, String> row : latest(folder, "contacts", "contact_id")) {
            contact(cells, new Contact(code(row, "department"), code(row, "channel"), district(row),
                    localDate(row.get("started_at")), longOrNull(row.get("wait_seconds")),
                    bool(row.get("abandoned"), false)));
        }
        List<Case> cases = new ArrayList<>();
        for (Map<String, String> row : latest(folder, "cases", "case_id")) {
            cases.add(caseOf(row));
        }
        for (Case c : cases) {
            caseKpis(cells, c);
        }
        backlog(cells, cases);
        for (Map<String, String> row : latest(folder, "surveys", "response_id")) {
            String service = text(row, "service");
            survey(cells, new Survey(code(row, "department"), service == null ? "UNKNOWN" : service,
                    code(row, "channel"), district(row), localDate(row.get("submitted_at")),
                    intOrNull(row.get("csat")), intOrNull(row.get("nps")), intOrNull(row.get("ces"))));
        }
        Map<Key, Row> rows = new TreeMap<>(Comparator.comparing(Key::toString));
        cells.forEach((key, cell) -> {
            if (cell.size > 0) {
                rows.put(key, finish(key, cell, cells));
            }
        });
        rows.putAll(experienceScores(rows));
        return rows;
    }

    /**
     * The comments a run over [from, to] publishes, as written in the files (unmasked): response id → comment, for
     * the latest version of every response submitted on a local date in the window whose comment is not empty.
     */
    public Map<String, String> comments(Path folder) throws IOException {
        Map<String, String> comments = new TreeMap<>();
        for (Map<String, String> row : latest(folder, "surveys", "response_id")) {
            LocalDate day = localDate(row.get("submitted_at"));
            String comment = text(row, "comment");
            if (comment != null && !day.isBefore(settings.from()) && !day.isAfter(settings.to())) {
                comments.put(row.get("response_id"), comment);
            }
        }
        return comments;
    }

    private void contact(Map<Key, Cell> cells, Contact c) {
        boolean queued = c.waitSeconds() != null || c.abandoned();
        Integer threshold = settings.answerThresholds().get(c.channel());
        for (String[] slice : slices(c.department(), null, c.channel(), c.district())) {
            add(cells, "CONTACTS", c.day(), slice, false, null);
            if (!slice[2].equals("*")) {
                // its denominator is the same slice's CONTACTS with channel *: see finish
                add(cells, "CHANNEL_SHARE", c.day(), slice, false, null);
            } else {
                add(cells, "DIGITAL_SHARE", c.day(), slice, DIGITAL.contains(c.channel()), null);
            }
            if (c.waitSeconds() != null && !c.abandoned()) {
                add(cells, "WAIT_MEDIAN_SECONDS", c.day(), slice, false, c.waitSeconds().doubleValue());
                add(cells, "WAIT_P90_SECONDS", c.day(), slice, false, c.waitSeconds().doubleValue());
            }
            if (queued) {
                add(cells, "ABANDON_RATE", c.day(), slice, c.abandoned(), null);
                if (threshold != null) {
                    add(cells, "SERVICE_LEVEL", c.day(), slice,
                            !c.abandoned() && c.waitSeconds() != null && c.waitSeconds() <= threshold, null);
                }
            }
        }
    }

    private void caseKpis(Map<Key, Cell> cells, Case c) {
        LocalDate openedDay = c.opened().atZone(settings.zone()).toLocalDate();
        for (String[] slice : slices(c.department(), c.service(), c.channel(), c.district())) {
            add(cells, "CASES_OPENED", openedDay, slice, false, null);
            if (c.firstContactResolution() != null) {
                add(cells, "FCR_RATE", openedDay, slice, c.firstContactResolution(), null);
            }
            if (c.closed() == null) {
                continue;
            }
            LocalDate closedDay = c.closed().atZone(settings.zone()).toLocalDate();
            add(cells, "CASES_CLOSED", closedDay, slice, false, null);
            if (EXCLUDED_OUTCOMES.contains(c.outcome())) {
                continue;
            }
            double hours = Duration.between(c.opened(), c.closed()).toNanos() / 3_600_000_000_000.0;
            add(cells, "CLOSE_MEDIAN_HOURS", closedDay, slice, false, hours);
            add(cells, "CLOSE_P90_HOURS", closedDay, slice, false, hours);
            if (c.due() != null) {
                add(cells, "ON_TIME_RATE", closedDay, slice, !c.closed().isAfter(c.due()), null);
            }
            add(cells, "RESOLUTION_RATE", closedDay, slice, c.outcome().equals("RESOLVED"), null);
            add(cells, "REOPEN_RATE", closedDay, slice, c.reopenedCount() > 0, null);
        }
    }

    /** BACKLOG_OPEN and BACKLOG_OVERDUE of every period the run covers, at the period's end. */
    private void backlog(Map<Key, Cell> cells, List<Case> cases) {
        for (String grain : GRAINS) {
            for (LocalDate start : periods(grain)) {
                Instant end = periodEnd(grain, start);
                for (Case c : cases) {
                    boolean open = c.opened().isBefore(end) && (c.closed() == null || !c.closed().isBefore(end));
                    if (!open) {
                        continue;
                    }
                    boolean overdue = c.due() != null && c.due().isBefore(end);
                    for (String[] slice : slices(c.department(), c.service(), c.channel(), c.district())) {
                        for (String kpi : List.of("BACKLOG_OPEN", "BACKLOG_OVERDUE")) {
                            Cell cell = cells.computeIfAbsent(key(kpi, grain, start, slice), k -> new Cell());
                            cell.size++;
                            cell.hits += overdue ? 1 : 0;
                        }
                    }
                }
            }
        }
    }

    /**
     * The local midnight that starts the next period; for a period that ends after {@code to}, the local
     * midnight after {@code to}.
     */
    public Instant periodEnd(String grain, LocalDate start) {
        LocalDate next = switch (grain) {
            case "DAY" -> start.plusDays(1);
            case "WEEK" -> start.plusWeeks(1);
            case "MONTH" -> start.plusMonths(1);
            case "QUARTER" -> start.plusMonths(3);
            default -> throw new IllegalArgumentException(grain);
        };
        LocalDate afterTo = settings.to().plusDays(1);
        return (next.isAfter(afterTo) ? afterTo : next).atStartOfDay(settings.zone()).toInstant();
    }

    private void survey(Map<Key, Cell> cells, Survey s) {
        for (String[] slice : slices(s.department(), s.service(), s.channel(), s.district())) {
            add(cells, "SURVEY_RESPONSES", s.day(), slice, false, null);
            if (s.csat() != null) {
                add(cells, "CSAT_MEAN", s.day(), slice, false, s.csat().doubleValue());
                add(cells, "CSAT_SATISFIED", s.day(), slice, s.csat() >= 4, null);
            }
            if (s.nps() != null) {
                add(cells, "NPS", s.day(), slice, false, s.nps() >= 9 ? 1.0 : s.nps() <= 6 ? -1.0 : 0.0);
            }
            if (s.ces() != null) {
                add(cells, "CES_MEAN", s.day(), slice, false, s.ces().doubleValue());
            }
        }
    }

    private Row finish(Key key, Cell cell, Map<Key, Cell> cells) {
        String kpi = key.kpi();
        Double numerator = null;
        Double denominator = null;
        long sampleSize = cell.size;
        double value;
        switch (kpi) {
            case "CONTACTS", "CASES_OPENED", "CASES_CLOSED", "SURVEY_RESPONSES", "BACKLOG_OPEN" -> value = cell.size;
            case "BACKLOG_OVERDUE" -> value = cell.hits;
            case "CHANNEL_SHARE" -> {
                Cell all = cells.get(new Key("CONTACTS", key.grain(), key.periodStart(), key.department(),
                        key.service(), "*", key.district()));
                numerator = (double) cell.size;
                denominator = (double) all.size;
                sampleSize = all.size;
                value = numerator / denominator;
            }
            case "WAIT_MEDIAN_SECONDS", "CLOSE_MEDIAN_HOURS" -> value = percentile(cell.values, 0.5);
            case "WAIT_P90_SECONDS", "CLOSE_P90_HOURS" -> value = percentile(cell.values, 0.9);
            case "CSAT_MEAN", "CES_MEAN" -> value = mean(cell.values);
            case "NPS" -> value = 100.0 * cell.values.stream().mapToDouble(Double::doubleValue).sum() / cell.size;
            default -> {
                if (!RATES.contains(kpi)) {
                    throw new IllegalStateException(kpi);
                }
                numerator = (double) cell.hits;
                denominator = (double) cell.size;
                value = numerator / denominator;
            }
        }
        Target target = targetOf(key);
        boolean suppressed = settings.minCellSize() > 0 && sampleSize < settings.minCellSize()
                && (SURVEY_KPIS.contains(kpi) || !key.district().equals("*"));
        Double targetValue = target == null ? null : target.value();
        if (suppressed) {
            return new Row(null, null, null, sampleSize, targetValue, null, null, true);
        }
        Boolean meets = null;
        Double score = null;
        int better = BETTER.get(kpi);
        if (target != null && better != 0) {
            meets = better > 0 ? value >= target.value() : value <= target.value();
            if (target.value() > 0) {
                double raw = better > 0 ? value / target.value() : value == 0 ? 1.25 : target.value() / value;
                score = Math.min(1.25, Math.max(0.0, raw));
            }
        }
        return new Row(value, numerator, denominator, sampleSize, targetValue, meets, score, false);
    }

    /**
     * The most specific matching target in force on the first day of the key's period: department+channel,
     * department, channel, the KPI alone. Of the entries for one KPI, department and channel, the one with the
     * latest effective date on or before that day is in force (of two with the same date, the later in the list); an
     * ended one means none.
     */
    Target targetOf(Key key) {
        Target best = null;
        int bestLevel = -1;
        for (Target t : settings.targets()) {
            if (!t.kpi().equals(key.kpi())
                    || (t.department() != null && !t.department().equals(key.department()))
                    || (t.channel() != null && !t.channel().equals(key.channel()))) {
                continue;
            }
            Target inForce = null;
            for (Target candidate : settings.targets()) {
                if (candidate.sameTargetAs(t) && !candidate.from().isAfter(key.periodStart())
                        && (inForce == null || !candidate.from().isBefore(inForce.from()))) {
                    inForce = candidate;
                }
            }
            if (inForce == null || inForce.ended()) {
                continue;
            }
            int level = (t.department() != null ? 2 : 0) + (t.channel() != null ? 1 : 0);
            if (level > bestLevel) {
                best = inForce;
                bestLevel = level;
            }
        }
        return best;
    }

    /** One EXPERIENCE_SCORE row per (grain, period, slice) with at least one non-suppressed score. */
    private Map<Key, Row> experienceScores(Map<Key, Row> rows) {
        record Sums(double weighted, double weights, long count) {
        }
        Map<Key, Sums> sums = new LinkedHashMap<>();
        rows.forEach((key, row) -> {
            if (row.score() == null || row.suppressed()) {
                return;
            }
            double weight = targetOf(key).weight();
            Key experience = new Key("EXPERIENCE_SCORE", key.grain(), key.periodStart(), key.department(),
                    key.service(), key.channel(), key.district());
            sums.merge(experience, new Sums(weight * row.score(), weight, 1),
                    (a, b) -> new Sums(a.weighted() + b.weighted(), a.weights() + b.weights(), a.count() + b.count()));
        });
        Map<Key, Row> experience = new LinkedHashMap<>();
        sums.forEach((key, s) -> {
            double value = s.weighted() / s.weights();
            experience.put(key, new Row(value, null, null, s.count(), 1.0, value >= 1.0, null, false));
        });
        return experience;
    }

    // --------------------------------------------------------------------------------------- periods, slices

    private void add(Map<Key, Cell> cells, String kpi, LocalDate day, String[] slice, boolean hit, Double value) {
        for (String grain : GRAINS) {
            LocalDate start = periodStart(grain, day);
            if (start.isBefore(periodStart(grain, settings.from())) || start.isAfter(periodStart(grain, settings.to()))) {
                continue;
            }
            Cell cell = cells.computeIfAbsent(key(kpi, grain, start, slice), k -> new Cell());
            cell.size++;
            cell.hits += hit ? 1 : 0;
            if (value != null) {
                cell.values.add(value);
            }
        }
    }

    private static Key key(String kpi, String grain, LocalDate start, String[] slice) {
        return new Key(kpi, grain, start, slice[0], slice[1], slice[2], slice[3]);
    }

    /** The period starts of a grain the run covers: every period that contains a local date in [from, to]. */
    public List<LocalDate> periods(String grain) {
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate day = settings.from(); !day.isAfter(settings.to()); day = day.plusDays(1)) {
            LocalDate start = periodStart(grain, day);
            if (!starts.contains(start)) {
                starts.add(start);
            }
        }
        return starts;
    }

    public static LocalDate periodStart(String grain, LocalDate day) {
        return switch (grain) {
            case "DAY" -> day;
            case "WEEK" -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case "MONTH" -> day.withDayOfMonth(1);
            case "QUARTER" -> LocalDate.of(day.getYear(), ((day.getMonthValue() - 1) / 3) * 3 + 1, 1);
            default -> throw new IllegalArgumentException(grain);
        };
    }

    /**
     * The seven slices of kpis.md as (department, service, channel, district); {@code service} null means the
     * record has none (contacts), so there is no department_service slice.
     */
    private static List<String[]> slices(String department, String service, String channel, String district) {
        List<String[]> slices = new ArrayList<>(List.of(
                new String[] { "*", "*", "*", "*" },
                new String[] { department, "*", "*", "*" },
                new String[] { "*", "*", channel, "*" },
                new String[] { department, "*", channel, "*" },
                new String[] { "*", "*", "*", district },
                new String[] { department, "*", "*", district }));
        if (service != null) {
            slices.add(new String[] { department, service, "*", "*" });
        }
        return slices;
    }

    /** Linear interpolation between closest ranks, as PostgreSQL's percentile_cont. */
    public static double percentile(List<Double> values, double p) {
        List<Double> sorted = values.stream().sorted().toList();
        double position = p * (sorted.size() - 1);
        int low = (int) Math.floor(position);
        int high = (int) Math.ceil(position);
        return sorted.get(low) + (position - low) * (sorted.get(high) - sorted.get(low));
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
    }

    // ---------------------------------------------------------------------------------------- reading feeds

    private Case caseOf(Map<String, String> row) {
        String department = code(row, "department");
        String service = text(row, "service");
        Instant opened = instant(row.get("opened_at"));
        Instant closed = text(row, "closed_at") == null ? null : instant(row.get("closed_at"));
        Instant due = null;
        if (text(row, "due_at") != null) {
            due = instant(row.get("due_at"));
        } else {
            for (ServiceLevel level : settings.serviceLevels()) {
                if (level.department().equals(department) && level.service().equals(service)) {
                    due = opened.plus(level.closeWithin());
                }
            }
        }
        String outcome = code(row, "outcome");
        if (closed != null && outcome == null) {
            outcome = "RESOLVED";
        }
        Long reopened = longOrNull(row.get("reopened_count"));
        return new Case(department, service, code(row, "channel"), district(row), opened, closed, due, outcome,
                reopened == null ? 0 : reopened.intValue(), bool(row.get("first_contact_resolution"), null));
    }

    private static String text(Map<String, String> row, String column) {
        String value = row.get(column);
        return value == null || value.isEmpty() ? null : value;
    }

    private static String code(Map<String, String> row, String column) {
        String value = text(row, column);
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    private static String district(Map<String, String> row) {
        String district = text(row, "district");
        return district == null ? "UNKNOWN" : district;
    }

    private static Long longOrNull(String text) {
        return text == null || text.isEmpty() ? null : Long.parseLong(text);
    }

    private static Integer intOrNull(String text) {
        return text == null || text.isEmpty() ? null : Integer.parseInt(text);
    }

    private static Boolean bool(String text, Boolean missing) {
        if (text == null || text.isEmpty()) {
            return missing;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "y", "yes", "1" -> true;
            case "false", "n", "no", "0" -> false;
            default -> throw new IllegalArgumentException("not a boolean: " + text);
        };
    }

    private LocalDate localDate(String timestamp) {
        return instant(timestamp).atZone(settings.zone()).toLocalDate();
    }

    /** feeds.md: with Z or an offset that instant; without, local time (gap: forward; overlap: earlier offset). */
    private Instant instant(String timestamp) {
        String t = timestamp.replace(' ', 'T');
        if (t.endsWith("Z") || t.matches(".*[+-]\\d{2}:\\d{2}$")) {
            return OffsetDateTime.parse(t).toInstant();
        }
        return LocalDateTime.parse(t).atZone(settings.zone()).toInstant();
    }

    /** Every row of a feed, the last one of each id winning (files in name order, then lines in order). */
    private static List<Map<String, String>> latest(Path folder, String prefix, String id) throws IOException {
        Map<String, Map<String, String>> byId = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && (p.toString().endsWith(".csv") || p.toString().endsWith(".csv.gz")))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
        for (Path file : files) {
            try (InputStream raw = Files.newInputStream(file);
                    InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                    Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                reader.mark(1);
                if (reader.read() != '\uFEFF') {
                    reader.reset();
                }
                for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                        .setIgnoreEmptyLines(true).get().parse(reader)) {
                    Map<String, String> row = new HashMap<>();
                    record.toMap().forEach((k, v) -> row.putIfAbsent(k.trim().toLowerCase(Locale.ROOT),
                            v == null ? "" : v.trim()));
                    byId.remove(row.get(id));
                    byId.put(row.get(id), row);
                }
            }
        }
        return new ArrayList<>(byId.values());
    }

    // ---------------------------------------------------------------------------------------- reading exports

    /** Reads an export in the contract's format into the same shape, for the given KPIs only. */
    public static Map<Key, Expected> readExport(Path csv, List<String> kpis) throws IOException {
        Map<Key, Expected> rows = new LinkedHashMap<>();
        readFullExport(csv).forEach((key, row) -> {
            if (kpis.contains(key.kpi())) {
                rows.put(key, new Expected(row.value(), row.sampleSize(), row.suppressed()));
            }
        });
        return rows;
    }

    /** Reads every row and column of an export in the contract's format. */
    public static Map<Key, Row> readFullExport(Path csv) throws IOException {
        Map<Key, Row> rows = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(csv)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader)) {
                Function<String, Double> number = column -> r.get(column).isEmpty() ? null
                        : Double.parseDouble(r.get(column));
                Key key = new Key(r.get("kpi"), r.get("grain"), LocalDate.parse(r.get("period_start")),
                        r.get("department"), r.get("service"), r.get("channel"), r.get("district"));
                Row previous = rows.put(key, new Row(number.apply("value"), number.apply("numerator"),
                        number.apply("denominator"), Long.parseLong(r.get("sample_size")), number.apply("target"),
                        r.get("meets_target").isEmpty() ? null : Boolean.valueOf(r.get("meets_target")),
                        number.apply("score"), Boolean.parseBoolean(r.get("suppressed"))));
                if (previous != null) {
                    throw new IllegalStateException("the export has more than one row for " + key);
                }
            }
        }
        return rows;
    }
}
