package io.civicpulse.dashboard.department;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.stereotype.Service;

import io.civicpulse.dashboard.department.BreakdownQueries.Dimension;
import io.civicpulse.dashboard.filter.PeriodRange;
import io.civicpulse.dashboard.security.Viewer;
import io.civicpulse.kpi.Grain;
import io.civicpulse.kpi.Kpi;
import io.civicpulse.kpi.KpiResultRepository;
import io.civicpulse.kpi.KpiRow;
import io.civicpulse.kpi.SliceKey;

/** A department's results broken down by service, channel and district, shaped for tables and charts. */
@Service
public class DepartmentBreakdown {

    /**
     * A district is "far below" when its experience score trails the whole department's by more than this
     * (10 points of a score where 100% is on target): a gap that size is worth a look, smaller ones are noise.
     */
    public static final double FAR_BELOW = 0.10;

    /** The columns of the service table. */
    public static final List<Kpi> SERVICE_KPIS = List.of(Kpi.EXPERIENCE_SCORE, Kpi.CASES_OPENED, Kpi.ON_TIME_RATE,
            Kpi.CSAT_MEAN);

    /** The columns of the district table. */
    public static final List<Kpi> DISTRICT_KPIS = List.of(Kpi.EXPERIENCE_SCORE, Kpi.CSAT_MEAN);

    /** One service or district: its rows in the selected period and the experience score over the range. */
    public record Line(String value, Map<Kpi, KpiRow> current, List<Double> scoreTrend, Goals goals) {

        public KpiRow row(Kpi kpi) {
            return current.get(kpi);
        }

        /** The value of a KPI for sorting; suppressed and missing values sort as lowest. */
        public double sortValue(Kpi kpi) {
            KpiRow row = current.get(kpi);
            return row == null || row.suppressed() || row.value() == null ? Double.NEGATIVE_INFINITY : row.value();
        }
    }

    /** The contacts of each channel per period, and the digital share of the whole department. */
    public record ChannelMix(List<LocalDate> periods, Map<String, List<Double>> contacts, List<Double> digitalShare) {
    }

    private final BreakdownQueries queries;
    private final KpiResultRepository results;

    public DepartmentBreakdown(BreakdownQueries queries, KpiResultRepository results) {
        this.queries = queries;
        this.results = results;
    }

    public List<Line> byService(PeriodRange range, String department) {
        return lines(range, department, Dimension.SERVICE, SERVICE_KPIS);
    }

    /** Every department as a whole in the period, for the city's table of departments (no trend). */
    public List<Line> byDepartment(Grain grain, LocalDate period) {
        Map<String, Map<Kpi, KpiRow>> current = new TreeMap<>();
        for (KpiRow row : queries.byDepartment(grain, period, SERVICE_KPIS)) {
            current.computeIfAbsent(row.department(), d -> new EnumMap<>(Kpi.class)).put(row.kpi(), row);
        }
        Map<String, Goals> goals = queries.goalsByDepartment(grain, period);
        return current.entrySet().stream()
                .map(e -> new Line(e.getKey(), e.getValue(), List.of(), goals.getOrDefault(e.getKey(), Goals.NONE)))
                .toList();
    }

    public List<Line> byDistrict(PeriodRange range, String department) {
        return lines(range, department, Dimension.DISTRICT, DISTRICT_KPIS);
    }

    /** The whole city's experience score in a period: what each district of a department is held against. */
    public Optional<KpiRow> cityScore(Grain grain, LocalDate period) {
        return results.findTrend(grain, SliceKey.CITY, List.of(Kpi.EXPERIENCE_SCORE), period, period).stream()
                .findFirst();
    }

    /** Whether a district's score is far below another score (the department's or the city's); never for a missing
     * value on either side. */
    public static boolean farBelow(Line district, KpiRow department) {
        KpiRow score = district.row(Kpi.EXPERIENCE_SCORE);
        if (score == null || score.value() == null || department == null || department.value() == null) {
            return false;
        }
        return department.value() - score.value() > FAR_BELOW;
    }

    /** Over the range; the digital share's last value is the selected period's. */
    public ChannelMix channelMix(PeriodRange range, String department) {
        Viewer.current().require(department);
        Grain grain = range.grain();
        LocalDate period = range.last();
        List<LocalDate> periods = range.periods();
        Map<String, Map<LocalDate, Double>> byChannel = new TreeMap<>();
        for (KpiRow row : queries.rows(grain, range.first(), period, department, Dimension.CHANNEL,
                List.of(Kpi.CONTACTS))) {
            byChannel.computeIfAbsent(row.channel(), c -> new LinkedHashMap<>()).put(row.periodStart(), row.value());
        }
        Map<String, List<Double>> contacts = new LinkedHashMap<>();
        byChannel.forEach((channel, values) -> contacts.put(channel, periods.stream().map(values::get).toList()));
        Map<LocalDate, Double> digital = new LinkedHashMap<>();
        for (KpiRow row : results.findTrend(grain, SliceKey.department(department), List.of(Kpi.DIGITAL_SHARE),
                range.first(), period)) {
            digital.put(row.periodStart(), row.suppressed() ? null : row.value());
        }
        return new ChannelMix(periods, contacts, periods.stream().map(digital::get).toList());
    }

    private List<Line> lines(PeriodRange range, String department, Dimension dimension, List<Kpi> kpis) {
        LocalDate period = range.last();
        List<LocalDate> periods = range.periods();
        Map<String, Map<Kpi, KpiRow>> current = new TreeMap<>();
        Map<String, Map<LocalDate, Double>> scores = new TreeMap<>();
        // The table's KPIs in the selected period, and only the experience score in the periods before it: each KPI
        // read over the whole range would read every slice of it in every period of the range (a year of days or
        // weeks for the longer ranges), most of them other departments'.
        List<KpiRow> rows = new ArrayList<>(queries.rows(range.grain(), period, period, department, dimension, kpis));
        LocalDate before = range.grain().previousPeriodStart(period);
        if (kpis.contains(Kpi.EXPERIENCE_SCORE) && !range.first().isAfter(before)) {
            rows.addAll(queries.rows(range.grain(), range.first(), before, department, dimension,
                    List.of(Kpi.EXPERIENCE_SCORE)));
        }
        for (KpiRow row : rows) {
            String value = switch (dimension) {
                case SERVICE -> row.service();
                case CHANNEL -> row.channel();
                case DISTRICT -> row.district();
            };
            if (row.periodStart().equals(period)) {
                current.computeIfAbsent(value, v -> new EnumMap<>(Kpi.class)).put(row.kpi(), row);
            }
            if (row.kpi() == Kpi.EXPERIENCE_SCORE) {
                scores.computeIfAbsent(value, v -> new LinkedHashMap<>()).put(row.periodStart(), row.value());
            }
        }
        Map<String, Goals> goals = queries.goals(range.grain(), period, department, dimension);
        List<Line> lines = new ArrayList<>();
        // Only what has a result in the selected period; older values alone make no line.
        for (String value : new TreeSet<>(current.keySet())) {
            Map<LocalDate, Double> trend = scores.getOrDefault(value, Map.of());
            lines.add(new Line(value, current.get(value), periods.stream().map(trend::get).toList(),
                    goals.getOrDefault(value, Goals.NONE)));
        }
        return lines;
    }
}
