package io.civicpulse.dashboard.scoreboard.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;

import io.civicpulse.dashboard.chart.ChartOptions;
import io.civicpulse.dashboard.chart.EChart;
import io.civicpulse.dashboard.format.KpiFormat;
import io.civicpulse.dashboard.format.PeriodFormat;
import io.civicpulse.dashboard.scoreboard.KpiTile;
import io.civicpulse.dashboard.scoreboard.TrendPoint;
import io.civicpulse.kpi.Grain;
import io.civicpulse.kpi.Kpi;
import io.civicpulse.kpi.KpiRow;

/**
 * One KPI of one period: its value with units, what it is based on, how it compares with its target, and its trend.
 * The target status is told by an icon and words as well as by colour, so it reads for everyone and in print.
 */
public class KpiCard extends Article {

    private final Kpi kpi;
    final Paragraph value;
    final Paragraph sampleSize;
    final Paragraph target;
    final EChart trend;

    public KpiCard(KpiTile tile, Grain grain, KpiFormat format, PeriodFormat periods, int minCellSize) {
        KpiRow row = tile.row();
        this.kpi = row.kpi();
        addClassName("cp-kpi-card");
        getElement().setAttribute("data-kpi", kpi.name());

        String titleId = "kpi-" + kpi.name().toLowerCase(Locale.ROOT).replace('_', '-');
        H4 title = new H4(format.name(kpi));
        title.setId(titleId);
        title.addClassName("cp-kpi-card__title");
        getElement().setAttribute("aria-labelledby", titleId);
        Paragraph description = new Paragraph(format.description(kpi));
        description.addClassName("cp-kpi-card__description");

        value = new Paragraph(format.value(row, minCellSize));
        value.addClassName("cp-kpi-card__value");
        if (row.suppressed()) {
            value.addClassName("cp-kpi-card__value--suppressed");
        }
        sampleSize = new Paragraph(format.sampleSize(kpi, row.sampleSize()));
        sampleSize.addClassName("cp-kpi-card__meta");

        target = targetStatus(row, format);

        trend = new EChart();
        trend.addClassName("cp-kpi-card__trend");
        trend.setHeight("8.5rem");
        List<String> categories = tile.trend().stream().map(p -> periods.shortLabel(grain, p.periodStart())).toList();
        List<Double> values = tile.trend().stream().map(TrendPoint::value).toList();
        ChartOptions options = ChartOptions.categories(categories).line(format.name(kpi), values).compact();
        if (row.target() != null) {
            options.target(row.target(), format.text("card.target"));
        }
        trend.setOption(options);
        trend.setValueFormat(format.chartFormat(kpi), format.locale());
        trend.setAccessibleSummary(summary(tile, grain, format, periods));

        Div header = new Div(title, description);
        header.addClassName("cp-kpi-card__header");
        add(header, value, sampleSize);
        if (target != null) {
            add(target);
        }
        add(trend);
    }

    public Kpi kpi() {
        return kpi;
    }

    private static Paragraph targetStatus(KpiRow row, KpiFormat format) {
        if (row.target() == null) {
            return null;
        }
        Paragraph status = new Paragraph();
        status.addClassName("cp-kpi-card__target");
        Span goal = new Span(format.target(row.kpi(), row.target()));
        goal.addClassName("cp-kpi-card__goal");
        if (row.suppressed() || row.meetsTarget() == null) {
            status.add(goal, new Span(format.text("card.notAssessed")));
            return status;
        }
        boolean met = row.meetsTarget();
        Icon icon = (met ? VaadinIcon.CHECK_CIRCLE : VaadinIcon.EXCLAMATION_CIRCLE).create();
        icon.getElement().setAttribute("aria-hidden", "true");
        icon.addClassName("cp-kpi-card__status-icon");
        Span verdict = new Span(format.text(met ? "card.met" : "card.missed"));
        verdict.addClassName("cp-kpi-card__verdict");
        status.addClassName(met ? "cp-kpi-card__target--met" : "cp-kpi-card__target--missed");
        status.add(icon, verdict, new Span(" · "), goal);
        return status;
    }

    /** The trend in words, for screen readers: first and latest values, the range, and the gaps. */
    static String summary(KpiTile tile, Grain grain, KpiFormat format, PeriodFormat periods) {
        Kpi kpi = tile.row().kpi();
                List<TrendPoint> known = tile.trend().stream().filter(p -> p.value() != null).toList();
        long suppressed = tile.trend().stream().filter(TrendPoint::suppressed).count();
        long missing = tile.trend().size() - known.size() - suppressed;
        List<String> parts = new ArrayList<>();
        if (known.isEmpty()) {
            parts.add(format.text("card.trend.none"));
        } else if (known.size() == 1) {
            parts.add(format.text("card.trend.only", describe(known.getFirst(), grain, format, periods)));
        } else {
            TrendPoint low = known.getFirst();
            TrendPoint high = known.getFirst();
            for (TrendPoint point : known) {
                low = point.value() < low.value() ? point : low;
                high = point.value() > high.value() ? point : high;
            }
            parts.add(format.text("card.trend.fromTo", describe(known.getFirst(), grain, format, periods),
                    describe(known.getLast(), grain, format, periods)));
            parts.add(format.text("card.trend.lowest", describe(low, grain, format, periods)));
            parts.add(format.text("card.trend.highest", describe(high, grain, format, periods)));
        }
        if (missing > 0) {
            parts.add(format.text("card.trend.missing", format.count(missing),
                    missing == 1 ? periods.period(grain) : periods.periods(grain)));
        }
        if (suppressed > 0) {
            parts.add(format.text("card.trend.suppressed", format.count(suppressed)));
        }
        if (tile.row().target() != null) {
            parts.add(format.target(kpi, tile.row().target()));
        }
        return format.text("card.trend", format.name(kpi), format.count(tile.trend().size()), periods.periods(grain),
                String.join("; ", parts));
    }

    private static String describe(TrendPoint point, Grain grain, KpiFormat format, PeriodFormat periods) {
        return format.text("card.trend.point", format.value(point.row().kpi(), point.value()),
                periods.during(grain, point.periodStart()));
    }
}
