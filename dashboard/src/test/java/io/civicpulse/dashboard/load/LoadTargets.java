package io.civicpulse.dashboard.load;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.civicpulse.dashboard.filter.DashboardFilter;
import io.civicpulse.kpi.Grain;

/**
 * The views the virtual users visit, read from the published results so every address is one the dashboard shows
 * as asked (a view corrects an address that names no results, which would measure a redirect instead). Each step is
 * a drill-down: the city scoreboard, then one department for the same grain and period. Mostly the newest month,
 * as people open the dashboard; otherwise another grain or an older period, so the queries are not one cached page.
 */
public final class LoadTargets {

    /** How far back the users look: the periods a range selector offers by default. */
    private static final int RECENT_PERIODS = 12;

    private final Map<Grain, List<LocalDate>> periods;
    private final Map<String, List<String>> departments;

    private LoadTargets(Map<Grain, List<LocalDate>> periods, Map<String, List<String>> departments) {
        this.periods = periods;
        this.departments = departments;
    }

    public static LoadTargets of(JdbcClient jdbc) {
        Map<Grain, List<LocalDate>> periods = new EnumMap<>(Grain.class);
        Map<String, List<String>> departments = new HashMap<>();
        for (Grain grain : Grain.values()) {
            List<LocalDate> recent = jdbc.sql("""
                    SELECT DISTINCT period_start FROM kpi_result
                    WHERE grain = ? AND department = '*' AND service = '*' AND channel = '*' AND district = '*'
                    ORDER BY period_start DESC""").params(grain.name()).query(LocalDate.class).list().stream()
                    .limit(RECENT_PERIODS).toList();
            periods.put(grain, recent);
            for (LocalDate period : recent) {
                departments.put(key(grain, period), jdbc.sql("""
                        SELECT DISTINCT department FROM kpi_result
                        WHERE grain = ? AND period_start = ? AND department <> '*' ORDER BY department""")
                        .params(grain.name(), period).query(String.class).list());
            }
        }
        if (periods.get(DashboardFilter.DEFAULT_GRAIN).isEmpty()) {
            throw new IllegalStateException("no published city results: prepare the home with the nightly job first");
        }
        return new LoadTargets(periods, departments);
    }

    /** The scoreboard and one department; {@code step} turns the departments over, {@code random} the rest. */
    public List<ViewTarget> next(Random random, int step) {
        Grain grain = grain(random);
        List<LocalDate> recent = periods.get(grain);
        if (recent.isEmpty()) {
            grain = DashboardFilter.DEFAULT_GRAIN;
            recent = periods.get(grain);
        }
        boolean newest = random.nextDouble() < 0.6;
        LocalDate period = newest ? recent.getFirst() : recent.get(random.nextInt(recent.size()));
        List<ViewTarget> targets = new ArrayList<>(2);
        // The bare address shows the newest month: what a bookmark of the dashboard opens.
        String cityQuery = grain == DashboardFilter.DEFAULT_GRAIN && period.equals(recent.getFirst()) ? ""
                : query(new DashboardFilter(grain, period, null, null, null, null));
        targets.add(new ViewTarget(ViewKind.SCOREBOARD, "", cityQuery, "\"cp-score-tile\""));
        List<String> open = departments.getOrDefault(key(grain, period), List.of());
        if (!open.isEmpty()) {
            String department = open.get(Math.floorMod(step, open.size()));
            targets.add(new ViewTarget(ViewKind.DEPARTMENT, "department",
                    query(new DashboardFilter(grain, period, department, null, null, null)), department + " · "));
        }
        return targets;
    }

    /** How many rows the dashboard's database holds: the size the load test ran against. */
    public static long kpiRows(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM kpi_result").query(Long.class).single();
    }

    private static Grain grain(Random random) {
        double draw = random.nextDouble();
        return draw < 0.5 ? Grain.MONTH : draw < 0.7 ? Grain.WEEK : draw < 0.85 ? Grain.QUARTER : Grain.DAY;
    }

    /** The filter's canonical address, the one the views would otherwise redirect to. */
    private static String query(DashboardFilter filter) {
        return filter.toQueryParameters().getQueryString();
    }

    private static String key(Grain grain, LocalDate period) {
        return grain + "/" + period;
    }
}
