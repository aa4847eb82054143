package io.civicpulse.kpi;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.timestamp_micros;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructType;

/**
 * The KPI catalogue of kpis.md as pure {@code Dataset → Dataset} functions over the typed feeds of
 * {@code io.civicpulse.feeds.FeedColumns}. No IO happens here, so every rule is unit-tested on tiny in-memory
 * datasets.
 *
 * <p>Every record is spread over the periods that contain its date (one per grain) and over the slices that
 * total some of its dimensions; one aggregation per feed view then yields all of that view's KPIs, which are
 * finally turned into one long row per KPI.
 */
public final class KpiCalculations {

    /** The KPI columns before targets and privacy are applied. */
    public static final StructType MEASURED = withKey(new StructType().add("kpi", DataTypes.StringType, false))
            .add("value", DataTypes.DoubleType, true)
            .add("numerator", DataTypes.LongType, true)
            .add("denominator", DataTypes.LongType, true)
            .add("sample_size", DataTypes.LongType, false);

    /** The published columns: the export contract's, in its order. */
    public static final List<String> RESULT_COLUMNS = List.of("kpi", "grain", "period_start", "department",
            "service", "channel", "district", "value", "numerator", "denominator", "sample_size", "target",
            "meets_target", "score", "suppressed");

    static final List<String> KEY = List.of("grain", "period_start", "department", "service", "channel",
            "district");

    /** {@code columns} followed by {@link #KEY}'s columns, none of them null. */
    static StructType withKey(StructType columns) {
        return columns.add("grain", DataTypes.StringType, false)
                .add("period_start", DataTypes.DateType, false)
                .add("department", DataTypes.StringType, false)
                .add("service", DataTypes.StringType, false)
                .add("channel", DataTypes.StringType, false)
                .add("district", DataTypes.StringType, false);
    }
    static final List<String> DIGITAL_CHANNELS = List.of("WEB", "MOBILE_APP", "EMAIL", "CHAT", "SOCIAL");
    static final List<String> EXCLUDED_OUTCOMES = List.of("CANCELLED", "DUPLICATE");
    private static final double MICROS_PER_HOUR = 3_600_000_000.0;
    private static final double MAX_SCORE = 1.25;

    private KpiCalculations() {
    }

    /** Every KPI with targets, scores, suppression and the experience score: what a run publishes. */
    public static Dataset<Row> compute(Dataset<Row> contacts, Dataset<Row> cases, Dataset<Row> surveys,
            KpiParameters parameters) {
        return withExperienceScore(scored(contacts, cases, surveys, parameters));
    }

    /**
     * Every KPI of the feeds with targets, scores and suppression, but without the experience score, which is
     * computed from these rows. A caller running at scale materialises this once (the experience score reads it
     * a second time) before calling {@link #withExperienceScore(Dataset)}.
     */
    public static Dataset<Row> scored(Dataset<Row> contacts, Dataset<Row> cases, Dataset<Row> surveys,
            KpiParameters parameters) {
        Dataset<Row> measured = contactKpis(contacts, parameters)
                .unionByName(caseKpis(cases, parameters))
                .unionByName(surveyKpis(surveys, parameters));
        return withTargetsAndPrivacy(measured, parameters);
    }

    // ---------------------------------------------------------------------------------------------- contacts

    static Dataset<Row> contactKpis(Dataset<Row> contacts, KpiParameters p) {
        Column abandoned = col("abandoned");
        Column queued = col("wait_seconds").isNotNull().or(abandoned);
        Column threshold = threshold(p.answerThresholds());
        Dataset<Row> facts = contacts
                .withColumn("_digital", col("channel").isin(DIGITAL_CHANNELS.toArray()))
                .withColumn("_answered_wait", when(col("wait_seconds").isNotNull().and(abandoned.unary_$bang()),
                        col("wait_seconds")))
                .withColumn("_queued", queued)
                .withColumn("_sl_eligible", queued.and(threshold.isNotNull()))
                .withColumn("_sl_met", queued.and(threshold.isNotNull()).and(abandoned.unary_$bang())
                        .and(col("wait_seconds").leq(threshold)))
                .withColumn("service", lit(Slice.ALL));
        // Contacts are the largest feed and every one counts in 4 grains and 6 slices. The counts are added up per
        // local day and cell first (about 400 cells a day at New York scale, against 55,000 contacts), so only
        // those few rows are spread over periods and slices.
        Dataset<Row> counts = countedInSlices(facts, "started_date", Slice.of(Feed.CONTACTS), p,
                count(lit(1)).as("n"),
                countIf(col("_digital")).as("digital"),
                count(col("_answered_wait")).as("wait_n"),
                countIf(col("_sl_eligible")).as("sl_den"),
                countIf(col("_sl_met")).as("sl_num"),
                countIf(col("_queued")).as("ab_den"),
                countIf(col("_queued").and(abandoned)).as("ab_num"));
        Dataset<Row> agg = counts.join(waitPercentiles(facts, p), KEY.toArray(String[]::new), "left");
        // CHANNEL_SHARE's denominator is the same slice with channel '*', which sits in the same aggregate.
        Column channelTotal = max(when(col("channel").equalTo(Slice.ALL), col("n")))
                .over(Window.partitionBy(col("grain"), col("period_start"), col("department"), col("service"),
                        col("district")));
        Column hasChannel = col("channel").notEqual(Slice.ALL);
        return longRows(agg.withColumn("channel_total", channelTotal),
                countKpi(Kpi.CONTACTS, col("n")),
                rate(Kpi.CHANNEL_SHARE, col("n"), col("channel_total"), hasChannel),
                rate(Kpi.DIGITAL_SHARE, col("digital"), col("n"), hasChannel.unary_$bang()),
                measure(Kpi.WAIT_MEDIAN_SECONDS, col("wait_median"), col("wait_n")),
                measure(Kpi.WAIT_P90_SECONDS, col("wait_p90"), col("wait_n")),
                rate(Kpi.SERVICE_LEVEL, col("sl_num"), col("sl_den")),
                rate(Kpi.ABANDON_RATE, col("ab_num"), col("ab_den")));
    }

    /** A contact's local day and cell: what its counts and wait frequencies are added up by first. */
    private static final Column[] CONTACT_CELL = { col("started_date"), col("department"), col("service"),
            col("channel"), col("district") };

    private static Column threshold(Map<String, Integer> thresholds) {
        Column threshold = lit(null).cast(DataTypes.LongType);
        for (Map.Entry<String, Integer> entry : thresholds.entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            threshold = when(col("channel").equalTo(entry.getKey()), lit(entry.getValue().longValue()))
                    .otherwise(threshold);
        }
        return threshold;
    }

    /**
     * The exact median and 90th percentile of the answered waits of every period and slice. A whole-second wait
     * recurs often within a day and cell, so each is counted there first and weighs as often as it occurs.
     */
    private static Dataset<Row> waitPercentiles(Dataset<Row> facts, KpiParameters p) {
        Dataset<Row> frequencies = facts.filter(col("_answered_wait").isNotNull())
                .groupBy(Stream.concat(Stream.of(CONTACT_CELL), Stream.of(col("_answered_wait")))
                        .toArray(Column[]::new))
                .agg(count(lit(1)).as("_frequency"));
        return percentiles(SlicePercentiles.of(inPeriods(frequencies, "started_date", p), Slice.of(Feed.CONTACTS),
                col("_answered_wait"), col("_frequency"), 0.5, 0.9), "wait_median", "wait_p90");
    }

    /** The two percentiles of {@link SlicePercentiles} as columns of their own. */
    private static Dataset<Row> percentiles(Dataset<Row> percentiles, String median, String p90) {
        return percentiles.select(Stream.concat(KEY.stream().map(name -> col(name)), Stream.of(
                col("percentiles").getItem(0).as(median), col("percentiles").getItem(1).as(p90)))
                .toArray(Column[]::new));
    }

    // ------------------------------------------------------------------------------------------------- cases

    static Dataset<Row> caseKpis(Dataset<Row> cases, KpiParameters p) {
        Dataset<Row> withDue = withDueTime(cases, p);
        Dataset<Row> opened = countedInSlices(withDue, "opened_date", Slice.of(Feed.CASES), p,
                count(lit(1)).as("n"),
                count(col("first_contact_resolution")).as("fcr_den"),
                countIf(col("first_contact_resolution")).as("fcr_num"));

        Column included = col("outcome").isin(EXCLUDED_OUTCOMES.toArray()).unary_$bang();
        Column hours = unix_micros(col("closed_at")).minus(unix_micros(col("opened_at"))).divide(MICROS_PER_HOUR);
        Dataset<Row> closedFacts = withDue.filter(col("closed_at").isNotNull())
                .withColumn("_included", included)
                .withColumn("_hours", when(included, hours))
                .withColumn("_has_due", included.and(col("_due_at").isNotNull()))
                .withColumn("_on_time", included.and(col("closed_at").leq(col("_due_at"))));
        Dataset<Row> closedCounts = countedInSlices(closedFacts, "closed_date", Slice.of(Feed.CASES), p,
                count(lit(1)).as("n"),
                countIf(col("_included")).as("included"),
                countIf(col("_has_due")).as("due_den"),
                countIf(col("_on_time")).as("due_num"),
                countIf(col("_included").and(col("outcome").equalTo("RESOLVED"))).as("resolved"),
                countIf(col("_included").and(col("reopened_count").gt(0))).as("reopened"));
        // Hours are exact to the microsecond, so they hardly ever repeat: every case weighs 1.
        Dataset<Row> hoursPercentiles = percentiles(SlicePercentiles.of(
                inPeriods(closedFacts.select(col("closed_date"), col("department"), col("service"), col("channel"),
                        col("district"), col("_hours")), "closed_date", p),
                Slice.of(Feed.CASES), col("_hours"), lit(1), 0.5, 0.9), "hours_median", "hours_p90");
        Dataset<Row> closed = closedCounts.join(hoursPercentiles, KEY.toArray(String[]::new), "left");
        return longRows(opened,
                countKpi(Kpi.CASES_OPENED, col("n")),
                rate(Kpi.FCR_RATE, col("fcr_num"), col("fcr_den")))
                .unionByName(longRows(closed,
                        countKpi(Kpi.CASES_CLOSED, col("n")),
                        measure(Kpi.CLOSE_MEDIAN_HOURS, col("hours_median"), col("included")),
                        measure(Kpi.CLOSE_P90_HOURS, col("hours_p90"), col("included")),
                        rate(Kpi.ON_TIME_RATE, col("due_num"), col("due_den")),
                        rate(Kpi.RESOLUTION_RATE, col("resolved"), col("included")),
                        rate(Kpi.REOPEN_RATE, col("reopened"), col("included"))))
                .unionByName(backlog(withDue, p));
    }

    /**
     * BACKLOG_OPEN and BACKLOG_OVERDUE: the cases open at each covered period's end (the local midnight that
     * starts the next period, or the local midnight after the run's {@code to} for a period that ends later),
     * and of those the ones whose due time is before that end.
     *
     * <p>Everything compares local dates: an instant is before the local midnight starting day D exactly when its
     * local date is before D. Call e(P) the date whose midnight ends period P; a case is open at it when
     * {@code opened_date < e(P) <= closed_date} (no closing, or one on or after the midnight after {@code to},
     * counts as still open). As e(P) grows with P, those periods are a run: from the one containing the opening to
     * the one before the one containing the closing. Generating that run per case and grain replaces a join of
     * every case with every period end, which compared a year's cases with 433 ends (1.4 billion pairs).
     */
    static Dataset<Row> backlog(Dataset<Row> casesWithDue, KpiParameters p) {
        LocalDate asOf = p.to().plusDays(1);
        Column opened = col("opened_date");
        Column closedInTime = col("closed_at").isNotNull().and(col("closed_date").leq(lit(p.to())));
        List<Column> runs = new ArrayList<>();
        Column nextStart = null;
        for (Grain grain : Grain.values()) {
            Step step = Step.of(grain);
            Column first = greatest(periodStart(grain, opened), lit(p.firstPeriod(grain)));
            Column last = when(closedInTime,
                    least(step.shift(periodStart(grain, col("closed_date")), -1), lit(p.lastPeriod(grain))))
                    .otherwise(lit(p.lastPeriod(grain)));
            runs.add(struct(lit(grain.name()).as("grain"),
                    when(first.leq(last), sequence(first, last, step.interval())).as("starts")));
            Column isGrain = col("grain").equalTo(grain.name());
            Column next = step.shift(col("period_start"), 1);
            nextStart = nextStart == null ? when(isGrain, next) : nextStart.when(isGrain, next);
        }
        Column end = least(nextStart, lit(asOf));
        Dataset<Row> open = casesWithDue.filter(opened.leq(lit(p.to())))
                .withColumn("_due_date", to_date(col("_due_at")))
                .withColumn("_run", explode(array(runs.toArray(Column[]::new))))
                .withColumn("grain", col("_run.grain"))
                .withColumn("period_start", explode(col("_run.starts")))
                .withColumn("_overdue", col("_due_date").lt(end));
        // Spread over the slices straight away: Spark's partial aggregation adds the spread rows up before any
        // shuffle, while counting per cell first would shuffle millions of cells (a case rarely shares its cell).
        Dataset<Row> agg = aggregate(inSlices(open, Slice.of(Feed.CASES)),
                count(lit(1)).as("n"),
                countIf(col("_overdue")).as("overdue"));
        return longRows(agg,
                countKpi(Kpi.BACKLOG_OPEN, col("n")),
                kpiValue(Kpi.BACKLOG_OVERDUE, col("overdue").cast(DataTypes.DoubleType), lit(null), lit(null),
                        col("n"), lit(true)));
    }

    /** {@link Grain#periodStart} in Spark. */
    private static Column periodStart(Grain grain, Column date) {
        return switch (grain) {
            case DAY -> date;
            case WEEK -> trunc(date, "week");
            case MONTH -> trunc(date, "month");
            case QUARTER -> trunc(date, "quarter");
        };
    }

    /** A grain's period length as Spark moves dates by it: {@link Grain#nextPeriodStart} and its inverse. */
    private record Step(int days, int months) {

        static Step of(Grain grain) {
            return switch (grain) {
                case DAY -> new Step(1, 0);
                case WEEK -> new Step(7, 0);
                case MONTH -> new Step(0, 1);
                case QUARTER -> new Step(0, 3);
            };
        }

        /** The start {@code periods} periods after (before, when negative) the one starting at {@code start}. */
        Column shift(Column start, int periods) {
            return months == 0 ? date_add(start, days * periods) : add_months(start, months * periods);
        }

        /** One period, as the step of {@code sequence}. */
        Column interval() {
            return expr(months == 0 ? "INTERVAL " + days + " DAYS" : "INTERVAL " + months + " MONTHS");
        }
    }

    /**
     * Adds {@code _due_at}: {@code due_at} when given, else {@code opened_at} plus the configured close-within
     * of the case's (department, service) as exact elapsed time, else null.
     */
    static Dataset<Row> withDueTime(Dataset<Row> cases, KpiParameters p) {
        if (p.serviceLevels().isEmpty()) {
            return cases.withColumn("_due_at", col("due_at"));
        }
        SparkSession spark = cases.sparkSession();
        List<Row> levels = p.serviceLevels().stream()
                .map(s -> RowFactory.create(s.department(), s.service(), s.closeWithin().toNanos() / 1_000))
                .toList();
        Dataset<Row> levelTable = spark.createDataFrame(levels, new StructType()
                .add("_sl_department", DataTypes.StringType)
                .add("_sl_service", DataTypes.StringType)
                .add("_sl_micros", DataTypes.LongType))
                .dropDuplicates("_sl_department", "_sl_service");
        Column match = col("department").equalTo(col("_sl_department")).and(col("service").equalTo(col("_sl_service")));
        return cases.join(broadcast(levelTable), match, "left")
                .withColumn("_due_at", coalesce(col("due_at"),
                        timestamp_micros(unix_micros(col("opened_at")).plus(col("_sl_micros")))))
                .drop("_sl_department", "_sl_service", "_sl_micros");
    }

    // ----------------------------------------------------------------------------------------------- surveys

    static Dataset<Row> surveyKpis(Dataset<Row> surveys, KpiParameters p) {
        Dataset<Row> agg = aggregate(inSlices(inPeriods(surveys, "submitted_date", p), Slice.of(Feed.SURVEYS)),
                count(lit(1)).as("n"),
                avg(col("csat")).as("csat_mean"),
                count(col("csat")).as("csat_n"),
                countIf(col("csat").geq(4)).as("csat_satisfied"),
                count(col("nps")).as("nps_n"),
                countIf(col("nps").geq(9)).as("promoters"),
                countIf(col("nps").leq(6)).as("detractors"),
                avg(col("ces")).as("ces_mean"),
                count(col("ces")).as("ces_n"));
        Column nps = try_divide(lit(100.0).multiply(col("promoters").minus(col("detractors"))), col("nps_n"));
        return longRows(agg,
                countKpi(Kpi.SURVEY_RESPONSES, col("n")),
                measure(Kpi.CSAT_MEAN, col("csat_mean"), col("csat_n")),
                rate(Kpi.CSAT_SATISFIED, col("csat_satisfied"), col("csat_n")),
                measure(Kpi.NPS, nps, col("nps_n")),
                measure(Kpi.CES_MEAN, col("ces_mean"), col("ces_n")));
    }

    // ---------------------------------------------------------------------------------- periods and slices

    /**
     * One row per record and grain, with {@code grain} and {@code period_start}, keeping only the periods this
     * computation covers.
     */
    public static Dataset<Row> inPeriods(Dataset<Row> records, String dateColumn, KpiParameters p) {
        Column date = col(dateColumn);
        Column periods = array(
                period(Grain.DAY, date),
                period(Grain.WEEK, periodStart(Grain.WEEK, date)),
                period(Grain.MONTH, periodStart(Grain.MONTH, date)),
                period(Grain.QUARTER, periodStart(Grain.QUARTER, date)));
        Column wanted = lit(false);
        for (Grain grain : Grain.values()) {
            wanted = wanted.or(col("grain").equalTo(grain.name())
                    .and(col("period_start").between(p.firstPeriod(grain), p.lastPeriod(grain))));
        }
        // Records outside the widest covered period cannot count anywhere; drop them before multiplying rows.
        Column covered = date.between(p.firstPeriod(Grain.QUARTER),
                Grain.QUARTER.nextPeriodStart(p.lastPeriod(Grain.QUARTER)).minusDays(1));
        return records.filter(covered)
                .withColumn("_period", explode(periods))
                .withColumn("grain", col("_period.grain"))
                .withColumn("period_start", col("_period.period_start"))
                .drop("_period")
                .filter(wanted);
    }

    private static Column period(Grain grain, Column start) {
        return struct(lit(grain.name()).as("grain"), start.as("period_start"));
    }

    /** One row per record and slice, with the dimensions a slice totals replaced by {@code *}. */
    static Dataset<Row> inSlices(Dataset<Row> records, List<Slice> slices) {
        Column[] keys = slices.stream().map(slice -> struct(
                dimension(slice.hasDepartment(), "department"),
                dimension(slice.hasService(), "service"),
                dimension(slice.hasChannel(), "channel"),
                dimension(slice.hasDistrict(), "district"))).toArray(Column[]::new);
        return records.withColumn("_slice", explode(array(keys)))
                .withColumn("department", col("_slice.department"))
                .withColumn("service", col("_slice.service"))
                .withColumn("channel", col("_slice.channel"))
                .withColumn("district", col("_slice.district"))
                .drop("_slice");
    }

    private static Column dimension(boolean kept, String name) {
        return (kept ? col(name) : lit(Slice.ALL)).as(name);
    }

    /**
     * Counts per (grain, period, slice): the {@code counts} (aggregates named by their alias) are added up per local
     * day of {@code dateColumn} and cell first, and only those sums are spread over periods and slices. A day's
     * records share far fewer cells than there are records (contacts about 400 cells for 55,000 a day at New York
     * scale, cases about a third as many cells as cases), and every spread row costs an aggregation step.
     */
    private static Dataset<Row> countedInSlices(Dataset<Row> facts, String dateColumn, List<Slice> slices,
            KpiParameters p, Column... counts) {
        Dataset<Row> cells = facts
                .groupBy(col(dateColumn), col("department"), col("service"), col("channel"), col("district"))
                .agg(counts[0], Arrays.copyOfRange(counts, 1, counts.length));
        Column[] sums = Stream.of(cells.columns()).skip(5).map(name -> sum(col(name)).as(name))
                .toArray(Column[]::new);
        return aggregate(inSlices(inPeriods(cells, dateColumn, p), slices), sums[0],
                Arrays.copyOfRange(sums, 1, sums.length));
    }

    private static Dataset<Row> aggregate(Dataset<Row> facts, Column first, Column... rest) {
        return facts.groupBy(KEY.stream().map(name -> col(name)).toArray(Column[]::new)).agg(first, rest);
    }

    private static Column countIf(Column condition) {
        return count(when(condition, lit(1)));
    }

    // -------------------------------------------------------------------------------------- long KPI rows

    private static Column countKpi(Kpi kpi, Column n) {
        return kpiValue(kpi, n.cast(DataTypes.DoubleType), lit(null), lit(null), n, lit(true));
    }

    private static Column rate(Kpi kpi, Column numerator, Column denominator) {
        return rate(kpi, numerator, denominator, lit(true));
    }

    private static Column rate(Kpi kpi, Column numerator, Column denominator, Column applies) {
        return kpiValue(kpi, try_divide(numerator.cast(DataTypes.DoubleType), denominator), numerator, denominator,
                denominator, applies);
    }

    private static Column measure(Kpi kpi, Column value, Column sampleSize) {
        return kpiValue(kpi, value, lit(null), lit(null), sampleSize, lit(true));
    }

    private static Column kpiValue(Kpi kpi, Column value, Column numerator, Column denominator, Column sampleSize,
            Column applies) {
        return struct(lit(kpi.name()).as("kpi"),
                value.cast(DataTypes.DoubleType).as("value"),
                numerator.cast(DataTypes.LongType).as("numerator"),
                denominator.cast(DataTypes.LongType).as("denominator"),
                when(applies, sampleSize).otherwise(lit(0)).cast(DataTypes.LongType).as("sample_size"));
    }

    /**
     * Turns one aggregate row into one row per KPI in a single pass over the aggregate. A KPI row exists only
     * when the set it is computed from has at least one record.
     */
    private static Dataset<Row> longRows(Dataset<Row> agg, Column... kpis) {
        List<Column> columns = new ArrayList<>();
        columns.add(col("_kpi.kpi").as("kpi"));
        KEY.forEach(name -> columns.add(col(name)));
        List.of("value", "numerator", "denominator", "sample_size").forEach(f -> columns.add(col("_kpi." + f).as(f)));
        return agg.withColumn("_kpi", explode(array(kpis)))
                .select(columns.toArray(Column[]::new))
                .filter(col("sample_size").gt(0));
    }

    // ----------------------------------------------------------------------- targets, scores and privacy

    /**
     * Adds {@code target}, {@code meets_target}, {@code score}, {@code suppressed} and the target's
     * {@code _weight}. Of the targets matching a row and in force for its period (on the period's first day), the
     * most specific applies: department and channel, then department, then channel, then the KPI alone. Suppressed
     * rows lose their value and everything derived.
     */
    static Dataset<Row> withTargetsAndPrivacy(Dataset<Row> measured, KpiParameters p) {
        // Targets in force only before or after every covered period cannot apply; leaving them out keeps the
        // expression as small as the configuration of the covered periods.
        LocalDate firstStart = Stream.of(Grain.values()).map(p::firstPeriod).min(LocalDate::compareTo).orElseThrow();
        LocalDate lastStart = Stream.of(Grain.values()).map(p::lastPeriod).max(LocalDate::compareTo).orElseThrow();
        List<KpiParameters.Target> targets = p.targets().stream()
                .filter(t -> t.kpi().better() != Better.NEITHER && t.kpi() != Kpi.EXPERIENCE_SCORE)
                .filter(t -> (t.until() == null || t.until().isAfter(firstStart))
                        && (t.from() == null || !t.from().isAfter(lastStart)))
                .toList();
        Column target = coalesce(
                targetOf(targets, t -> t.department() != null && t.channel() != null),
                targetOf(targets, t -> t.department() != null && t.channel() == null),
                targetOf(targets, t -> t.department() == null && t.channel() != null),
                targetOf(targets, t -> t.department() == null && t.channel() == null));
        Column higher = col("kpi").isin(kpisWhere(k -> k.better() == Better.HIGHER));
        Column value = col("value");
        Column targetValue = col("_target.value");
        Column meets = when(targetValue.isNotNull(),
                when(higher, value.geq(targetValue)).otherwise(value.leq(targetValue)));
        Column ratio = when(higher, try_divide(value, targetValue))
                .when(value.equalTo(0), lit(MAX_SCORE))
                .otherwise(try_divide(targetValue, value));
        Column score = when(targetValue.gt(0), least(greatest(ratio, lit(0.0)), lit(MAX_SCORE)));
        Column suppressed = lit(p.minCellSize() > 0)
                .and(col("sample_size").lt(p.minCellSize()))
                .and(col("kpi").isin(kpisWhere(Kpi::isSurvey)).or(col("district").notEqual(Slice.ALL)));
        Column keep = col("suppressed").unary_$bang();
        return measured
                .withColumn("_target", target)
                .withColumn("suppressed", suppressed)
                .withColumn("target", targetValue)
                .withColumn("_weight", col("_target.weight"))
                .withColumn("meets_target", when(keep, meets))
                .withColumn("score", when(keep, score))
                .withColumn("value", when(keep, value))
                .withColumn("numerator", when(keep, col("numerator")))
                .withColumn("denominator", when(keep, col("denominator")))
                .drop("_target");
    }

    private static Column targetOf(List<KpiParameters.Target> targets, Predicate<KpiParameters.Target> level) {
        Column chosen = lit(null).cast(TARGET_TYPE);
        // Built back to front so that, of two equally specific targets, the first configured wins.
        List<KpiParameters.Target> candidates = new ArrayList<>(targets.stream().filter(level).toList());
        Collections.reverse(candidates);
        for (KpiParameters.Target t : candidates) {
            Column matches = col("kpi").equalTo(t.kpi().name());
            if (t.department() != null) {
                matches = matches.and(col("department").equalTo(t.department()));
            }
            if (t.channel() != null) {
                matches = matches.and(col("channel").equalTo(t.channel()));
            }
            if (t.from() != null) {
                matches = matches.and(col("period_start").geq(lit(t.from())));
            }
            if (t.until() != null) {
                matches = matches.and(col("period_start").lt(lit(t.until())));
            }
            chosen = when(matches, struct(lit(t.value()).as("value"), lit(t.weight()).as("weight")))
                    .otherwise(chosen);
        }
        return chosen;
    }

    private static final StructType TARGET_TYPE = new StructType()
            .add("value", DataTypes.DoubleType)
            .add("weight", DataTypes.DoubleType);

    private static Object[] kpisWhere(Predicate<Kpi> predicate) {
        return Stream.of(Kpi.values()).filter(predicate).map(Kpi::name).toArray();
    }

    /**
     * Adds one {@code EXPERIENCE_SCORE} row per (grain, period, slice): the weighted mean of the scores of that
     * row's KPIs that have a score and are not suppressed, with target 1.0. No row where there is none.
     */
    public static Dataset<Row> withExperienceScore(Dataset<Row> scored) {
        Dataset<Row> scores = scored.filter(col("score").isNotNull().and(col("suppressed").unary_$bang()))
                .groupBy(KEY.stream().map(name -> col(name)).toArray(Column[]::new))
                .agg(sort_array(collect_list(struct(col("kpi"), col("score"), col("_weight")))).as("_scores"))
                // Added up in KPI order: a floating-point sum depends on its order, which Spark's would take from how
                // the rows happen to be partitioned, so the same results could differ in the last digit between a
                // laptop and a cluster, or between two versions of a plan.
                .select(Stream.concat(KEY.stream().map(name -> col(name)), Stream.of(
                        expr("aggregate(_scores, named_struct('sum', 0D, 'weight', 0D), (total, s) -> named_struct("
                                + "'sum', total.sum + s.score * s._weight, 'weight', total.weight + s._weight),"
                                + " total -> try_divide(total.sum, total.weight))").as("value"),
                        size(col("_scores")).cast(DataTypes.LongType).as("sample_size"))).toArray(Column[]::new));
        Dataset<Row> experience = scores.select(
                lit(Kpi.EXPERIENCE_SCORE.name()).as("kpi"), col("grain"), col("period_start"), col("department"),
                col("service"), col("channel"), col("district"), col("value"),
                lit(null).cast(DataTypes.LongType).as("numerator"),
                lit(null).cast(DataTypes.LongType).as("denominator"),
                col("sample_size"),
                lit(1.0).as("target"),
                col("value").geq(1.0).as("meets_target"),
                lit(null).cast(DataTypes.DoubleType).as("score"),
                lit(false).as("suppressed"));
        Column[] published = RESULT_COLUMNS.stream().map(name -> col(name)).toArray(Column[]::new);
        return scored.select(published).unionByName(experience.select(published));
    }
}
