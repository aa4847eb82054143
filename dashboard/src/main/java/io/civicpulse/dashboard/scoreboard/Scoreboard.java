package io.civicpulse.dashboard.scoreboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.civicpulse.dashboard.filter.PeriodRange;
import io.civicpulse.dashboard.publication.PublishedAnswers;
import io.civicpulse.dashboard.security.Viewer;
import io.civicpulse.kpi.Grain;
import io.civicpulse.kpi.Kpi;
import io.civicpulse.kpi.KpiResultRepository;
import io.civicpulse.kpi.KpiRow;
import io.civicpulse.kpi.Publication;
import io.civicpulse.kpi.SliceKey;

/** The published KPI results of one slice, shaped for scoreboard views: a period's rows with their recent trend. */
@Service
public class Scoreboard {

    // Ten years of days; every period a person could want to pick, and a bound on a careless query.
    private static final int MAX_PERIODS = 3_700;

    private final KpiResultRepository results;
    private final PublishedAnswers answers;

    public Scoreboard(KpiResultRepository results, PublishedAnswers answers) {
        this.results = results;
        this.answers = answers;
    }

    /** The periods of a grain that have results, newest first. */
    public List<LocalDate> periods(Grain grain) {
        return answers.get(List.of("periods", grain), () -> List.copyOf(results.latestPeriods(grain, MAX_PERIODS)));
    }

    public Optional<Publication> latestPublication() {
        return results.latestPublication();
    }

    /**
     * Every KPI the slice has in the range's last (selected) period, in catalogue order, each with its trend over
     * the whole range.
     *
     * @throws io.civicpulse.dashboard.security.DepartmentNotAllowedException for a department outside the
     *         {@link Viewer}'s scope
     */
    public ScoreboardPeriod load(PeriodRange range, SliceKey slice) {
        Viewer.current().require(slice.department());
        Grain grain = range.grain();
        LocalDate periodStart = range.last();
        // One read of the slice over the range: the selected period's rows are its last period's.
        List<KpiRow> rows = new ArrayList<>();
        Map<Kpi, Map<LocalDate, KpiRow>> history = new EnumMap<>(Kpi.class);
        List<KpiRow> sliceRows = answers.get(List.of("slice", grain, slice, range.first(), periodStart),
                () -> List.copyOf(results.findTrend(grain, slice, EnumSet.allOf(Kpi.class), range.first(),
                        periodStart)));
        for (KpiRow row : sliceRows) {
            history.computeIfAbsent(row.kpi(), k -> new HashMap<>()).put(row.periodStart(), row);
            if (row.periodStart().equals(periodStart)) {
                rows.add(row);
            }
        }
        rows.sort(Comparator.comparing(KpiRow::kpi));
        List<LocalDate> trendPeriods = range.periods();

        List<KpiTile> tiles = new ArrayList<>(rows.size());
        for (KpiRow row : rows) {
            Map<LocalDate, KpiRow> byPeriod = history.getOrDefault(row.kpi(), Map.of());
            List<TrendPoint> trend = trendPeriods.stream()
                    .map(start -> new TrendPoint(start, byPeriod.get(start)))
                    .toList();
            tiles.add(new KpiTile(row, trend));
        }
        return new ScoreboardPeriod(grain, periodStart, slice, List.copyOf(tiles), trendPeriods);
    }
}
