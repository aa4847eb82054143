package io.civicpulse.dashboard.scoreboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.civicpulse.CivicPulseProperties;
import io.civicpulse.kpi.Better;
import io.civicpulse.kpi.Grain;
import io.civicpulse.kpi.Kpi;
import io.civicpulse.kpi.KpiResultRepository;
import io.civicpulse.kpi.KpiRow;
import io.civicpulse.kpi.SliceKey;

/**
 * What leadership reads first: the experience score at every grain with its change, and how each KPI stands
 * against its target and contributes to the score.
 */
@Service
public class CityScoreboard {

    /** How many KPIs the "furthest above" and "furthest below" lists show. */
    public static final int EXTREMES = 5;

    /** The experience score of one grain's period that ends the view, with the period before. */
    public record GrainScore(Grain grain, LocalDate period, KpiRow current, KpiRow previous) {

        /** The change in points of the score (100 points = the target); empty without both values. */
        public Optional<Double> changePoints() {
            if (current == null || previous == null || current.value() == null || previous.value() == null) {
                return Optional.empty();
            }
            return Optional.of((current.value() - previous.value()) * 100);
        }
    }

    /**
     * One KPI against its target: {@code contribution} is its share of the experience score in points (its weight
     * times its score over the weights of all scored KPIs), {@code distance} how far it is above (positive) or below
     * (negative) its target, relative to the target, so KPIs of different units compare.
     */
    public record Standing(KpiRow row, Double contribution, Double distance) {
    }

    private final KpiResultRepository results;
    private final CivicPulseProperties properties;

    public CityScoreboard(KpiResultRepository results, CivicPulseProperties properties) {
        this.results = results;
        this.properties = properties;
    }

    /**
     * For each grain, the newest period with results that starts on or before {@code lastDay} (the last day of the
     * period the person looks at), and the score of the period before it.
     */
    public List<GrainScore> experienceByGrain(LocalDate lastDay) {
        List<GrainScore> scores = new ArrayList<>();
        for (Grain grain : Grain.values()) {
            LocalDate period = grain.periodStart(lastDay);
            LocalDate previous = grain.previousPeriodStart(period);
            KpiRow current = null;
            KpiRow before = null;
            for (KpiRow row : results.findTrend(grain, SliceKey.CITY, List.of(Kpi.EXPERIENCE_SCORE), previous,
                    period)) {
                if (row.periodStart().equals(period)) {
                    current = row;
                } else {
                    before = row;
                }
            }
            scores.add(new GrainScore(grain, period, current, before));
        }
        return scores;
    }

    /** Every KPI of the city's period with its contribution and distance from target. */
    public List<Standing> standings(List<KpiRow> rows) {
        double totalWeight = rows.stream().filter(CityScoreboard::scored).mapToDouble(this::weight).sum();
        List<Standing> standings = new ArrayList<>();
        for (KpiRow row : rows) {
            if (row.kpi() == Kpi.EXPERIENCE_SCORE) {
                continue;
            }
            Double contribution = scored(row) && totalWeight > 0 ? weight(row) * row.score() / totalWeight * 100
                    : null;
            standings.add(new Standing(row, contribution, distance(row)));
        }
        return standings;
    }

    /** The KPIs furthest above their targets, furthest first. */
    public static List<Standing> furthestAbove(List<Standing> standings) {
        return standings.stream().filter(s -> s.distance() != null && s.distance() > 0)
                .sorted(Comparator.comparing(Standing::distance).reversed()).limit(EXTREMES).toList();
    }

    /** The KPIs furthest below their targets, furthest first. */
    public static List<Standing> furthestBelow(List<Standing> standings) {
        return standings.stream().filter(s -> s.distance() != null && s.distance() < 0)
                .sorted(Comparator.comparing(Standing::distance)).limit(EXTREMES).toList();
    }

    static Double distance(KpiRow row) {
        if (row.suppressed() || row.value() == null || row.target() == null || row.target() == 0
                || row.kpi().better() == Better.NEITHER) {
            return null;
        }
        double gap = (row.value() - row.target()) / Math.abs(row.target());
        return row.kpi().better() == Better.HIGHER ? gap : -gap;
    }

    private static boolean scored(KpiRow row) {
        return row.kpi() != Kpi.EXPERIENCE_SCORE && !row.suppressed() && row.score() != null;
    }

    /** City rows match only targets that name neither a department nor a channel (kpis.md). */
    private double weight(KpiRow row) {
        return properties.kpi().targets().stream()
                .filter(t -> row.kpi().name().equals(t.kpi()) && t.department() == null && t.channel() == null)
                .map(CivicPulseProperties.Target::weight)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(1.0);
    }
}
