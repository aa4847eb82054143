package io.civicpulse.dashboard.department;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.civicpulse.dashboard.publication.PublishedAnswers;
import io.civicpulse.dashboard.security.Viewer;
import io.civicpulse.jdbc.CodeOrder;
import io.civicpulse.kpi.Grain;
import io.civicpulse.kpi.Kpi;
import io.civicpulse.kpi.KpiResultRepository;
import io.civicpulse.kpi.KpiRow;

/**
 * The breakdowns of one department by service, channel or district: every value of the dimension at once, which the
 * jobs module's repository (one slice at a time) does not offer. Plain SQL on the published {@code kpi_result}
 * table, so the dashboard reads exactly what a run committed. Every query keeps to what the {@link Viewer} may see:
 * one department's breakdown is refused for another department's head, a list of departments keeps theirs.
 */
@Repository
public class BreakdownQueries {

    /** The dimension a breakdown varies; the other two are totalled ({@code *}). */
    public enum Dimension {
        SERVICE("service"), CHANNEL("channel"), DISTRICT("district");

        private final String column;

        Dimension(String column) {
            this.column = column;
        }
    }

    private final JdbcClient jdbc;
    private final CodeOrder order;
    private final PublishedAnswers answers;

    public BreakdownQueries(DataSource dataSource, PublishedAnswers answers) {
        this.jdbc = JdbcClient.create(dataSource);
        this.order = CodeOrder.of(dataSource);
        this.answers = answers;
    }

    /**
     * The given KPIs of every slice that fixes {@code department} (or the city, when {@code department} is
     * {@code *}) and one value of {@code dimension}, for the periods starting in [first, last], oldest first.
     */
    public List<KpiRow> rows(Grain grain, LocalDate first, LocalDate last, String department, Dimension dimension,
            Collection<Kpi> kpis) {
        Viewer.current().require(department);
        if (kpis.isEmpty()) {
            return List.of();
        }
        StringBuilder where = new StringBuilder("grain = ? AND period_start BETWEEN ? AND ? AND department = ?");
        for (Dimension other : Dimension.values()) {
            // Column names come from the enum, never from input.
            where.append(" AND ").append(other.column).append(other == dimension ? " <> '*'" : " = '*'");
        }
        return perKpi(where.toString(), List.of(grain.name(), first, last, department), kpis,
                "period_start, " + order.by(dimension.column) + ", " + order.by("kpi"));
    }

    /** The given KPIs of every department as a whole for the periods starting in [first, last], oldest first. */
    public List<KpiRow> departmentsTrend(Grain grain, LocalDate first, LocalDate last, Collection<Kpi> kpis) {
        return Viewer.current().visibleRows(perKpi("grain = ? AND period_start BETWEEN ? AND ?"
                        + " AND department <> '*' AND service = '*' AND channel = '*' AND district = '*'",
                List.of(grain.name(), first, last), kpis,
                "period_start, " + order.by("department") + ", " + order.by("kpi")));
    }

    /** The given KPIs of every department as a whole in one period, by department. */
    public List<KpiRow> byDepartment(Grain grain, LocalDate period, Collection<Kpi> kpis) {
        return Viewer.current().visibleRows(perKpi("grain = ? AND period_start = ?"
                        + " AND department <> '*' AND service = '*' AND channel = '*' AND district = '*'",
                List.of(grain.name(), period), kpis, order.by("department") + ", " + order.by("kpi")));
    }

    /**
     * The rows of each KPI that match {@code where}, in {@code orderBy}'s order: one branch per KPI with
     * {@code kpi = ?}, joined by UNION ALL, rather than {@code kpi IN (...)}. H2 looks an IN list up on the primary
     * key's first column (kpi) alone and then reads every grain, period and slice of those KPIs, most of the table
     * (seconds on a year of results); a fixed kpi lets it seek (kpi, grain, period). PostgreSQL plans both alike.
     */
    private List<KpiRow> perKpi(String where, List<Object> whereParams, Collection<Kpi> kpis, String orderBy) {
        if (kpis.isEmpty()) {
            return List.of();
        }
        List<String> branches = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (Kpi kpi : kpis) {
            branches.add("SELECT " + KpiResultRepository.COLUMNS + " FROM kpi_result WHERE kpi = ? AND " + where);
            params.add(kpi.name());
            params.addAll(whereParams);
        }
        return answers.get(List.of("breakdown", where, orderBy, params), () -> List.copyOf(jdbc.sql(
                        "SELECT * FROM (" + String.join(" UNION ALL ", branches) + ") AS per_kpi ORDER BY " + orderBy)
                .params(params)
                .query(KpiResultRepository.ROW)
                .list()));
    }

    /**
     * {@link Goals} in one period of every slice that fixes {@code department} and one value of {@code dimension},
     * by that value.
     */
    public Map<String, Goals> goals(Grain grain, LocalDate period, String department, Dimension dimension) {
        Viewer.current().require(department);
        StringBuilder where = new StringBuilder("department = ?");
        for (Dimension other : Dimension.values()) {
            where.append(" AND ").append(other.column).append(other == dimension ? " <> '*'" : " = '*'");
        }
        return goals(dimension.column, where.toString(), grain, period, department);
    }

    /** {@link Goals} in one period of every department as a whole, by department. */
    public Map<String, Goals> goalsByDepartment(Grain grain, LocalDate period) {
        Map<String, Goals> goals = goals("department",
                "department <> '*' AND service = '*' AND channel = '*' AND district = '*'", grain, period);
        Viewer viewer = Viewer.current();
        goals.keySet().removeIf(department -> !viewer.maySee(department));
        return goals;
    }

    // A suppressed row has no verdict (meets_target is NULL), so it is neither measured nor missed.
    private Map<String, Goals> goals(String keyColumn, String where, Grain grain, LocalDate period,
            Object... moreParams) {
        List<Object> params = new ArrayList<>(List.of(grain.name(), period, Kpi.EXPERIENCE_SCORE.name()));
        params.addAll(List.of(moreParams));
        return new TreeMap<>(answers.get(List.of("goals", keyColumn, where, params), () -> {
            Map<String, Goals> goals = new TreeMap<>();
            jdbc.sql("SELECT " + keyColumn + " AS slice_value, COUNT(meets_target) AS measured,"
                            + " SUM(CASE WHEN meets_target = FALSE THEN 1 ELSE 0 END) AS missed"
                            + " FROM kpi_result WHERE grain = ? AND period_start = ? AND kpi <> ? AND " + where
                            + " GROUP BY " + keyColumn)
                    .params(params)
                    .query((rs, i) -> goals.put(rs.getString("slice_value"),
                            new Goals(rs.getInt("measured"), rs.getInt("missed"))))
                    .list();
            return Collections.unmodifiableMap(goals);
        }));
    }
}
