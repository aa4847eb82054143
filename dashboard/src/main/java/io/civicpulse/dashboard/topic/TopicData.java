package io.civicpulse.dashboard.topic;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

import io.civicpulse.dashboard.department.BreakdownQueries;
import io.civicpulse.dashboard.department.BreakdownQueries.Dimension;
import io.civicpulse.dashboard.filter.DashboardFilter;
import io.civicpulse.dashboard.filter.PeriodRange;
import io.civicpulse.dashboard.security.Viewer;
import io.civicpulse.dashboard.topic.Topic.Breakdown;
import io.civicpulse.kpi.Kpi;
import io.civicpulse.kpi.KpiResultRepository;
import io.civicpulse.kpi.KpiRow;

/** Loads a topic's KPIs for a filter: the slice's own trend and, per breakdown value, its trend and current rows. */
@Service
public class TopicData {

    /**
     * One line of a topic's charts and one row of its table: the filter's own slice ({@code key} {@code null}) or a
     * breakdown value. {@code trend} holds, per KPI, one value per period (null for a gap, suppressed included).
     */
    public record Line(String key, Map<Kpi, List<Double>> trend, Map<Kpi, KpiRow> current) {

        public KpiRow row(Kpi kpi) {
            return current.get(kpi);
        }
    }

    /** {@code periods} are those of the filter's range, oldest first: the x-axis of every chart. */
    public record Loaded(List<LocalDate> periods, Breakdown breakdown, Line total, List<Line> lines) {
    }

    private final KpiResultRepository results;
    private final BreakdownQueries queries;

    public TopicData(KpiResultRepository results, BreakdownQueries queries) {
        this.results = results;
        this.queries = queries;
    }

    /** @throws io.civicpulse.dashboard.security.DepartmentNotAllowedException for another department's slice */
    public Loaded load(Topic topic, DashboardFilter filter) {
        Viewer.current().require(filter.slice().department());
        PeriodRange range = filter.range();
        List<LocalDate> periods = range.periods();
        LocalDate first = range.first();
        Line total = line(null, results.findTrend(filter.grain(), filter.slice(), topic.kpis(), first,
                filter.period()), periods, filter.period());
        Breakdown breakdown = topic.breakdown(filter);
        List<KpiRow> rows = switch (breakdown) {
            case NONE -> List.of();
            case DEPARTMENT -> queries.departmentsTrend(filter.grain(), first, filter.period(), topic.kpis());
            case SERVICE -> queries.rows(filter.grain(), first, filter.period(), filter.slice().department(),
                    Dimension.SERVICE, topic.kpis());
            case CHANNEL -> queries.rows(filter.grain(), first, filter.period(), filter.slice().department(),
                    Dimension.CHANNEL, topic.kpis());
        };
        Map<String, List<KpiRow>> byKey = new TreeMap<>();
        for (KpiRow row : rows) {
            String key = switch (breakdown) {
                case DEPARTMENT -> row.department();
                case SERVICE -> row.service();
                case CHANNEL, NONE -> row.channel();
            };
            byKey.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(row);
        }
        List<Line> lines = byKey.entrySet().stream()
                .map(entry -> line(entry.getKey(), entry.getValue(), periods, filter.period()))
                .filter(line -> !line.current().isEmpty())
                .toList();
        return new Loaded(periods, breakdown, total, lines);
    }

    private static Line line(String key, List<KpiRow> rows, List<LocalDate> periods, LocalDate period) {
        Map<Kpi, Map<LocalDate, Double>> values = new EnumMap<>(Kpi.class);
        Map<Kpi, KpiRow> current = new EnumMap<>(Kpi.class);
        for (KpiRow row : rows) {
            values.computeIfAbsent(row.kpi(), k -> new HashMap<>())
                    .put(row.periodStart(), row.suppressed() ? null : row.value());
            if (row.periodStart().equals(period)) {
                current.put(row.kpi(), row);
            }
        }
        Map<Kpi, List<Double>> trend = new LinkedHashMap<>();
        values.forEach((kpi, byPeriod) -> trend.put(kpi, periods.stream().map(byPeriod::get).toList()));
        return new Line(key, trend, current);
    }
}
