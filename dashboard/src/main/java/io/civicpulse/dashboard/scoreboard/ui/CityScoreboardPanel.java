package io.civicpulse.dashboard.scoreboard.ui;

import java.time.ZoneId;
import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;

import io.civicpulse.dashboard.format.KpiFormat;
import io.civicpulse.dashboard.format.PeriodFormat;
import io.civicpulse.dashboard.scoreboard.CityScoreboard;
import io.civicpulse.dashboard.scoreboard.CityScoreboard.GrainScore;
import io.civicpulse.dashboard.scoreboard.CityScoreboard.Standing;
import io.civicpulse.dashboard.scoreboard.RunHealth;
import io.civicpulse.kpi.Kpi;
import io.civicpulse.kpi.KpiRow;

/**
 * The city scoreboard for leadership: whether the data is current, the experience score at every grain with its
 * change, every KPI against its target with its contribution to the score, and the five furthest above and below.
 * Target status and changes are told by icons and words as well as colour.
 */
public class CityScoreboardPanel extends Div {

    final Div warning = new Div();
    final Div scores = new Div();
    final Grid<Standing> standings = new Grid<>();
    final OrderedList above = new OrderedList();
    final OrderedList below = new OrderedList();

    public CityScoreboardPanel(RunHealth.Status health, List<GrainScore> grainScores, List<Standing> rows,
            KpiFormat format, PeriodFormat periods, ZoneId zone, int minCellSize) {
        addClassName("cp-scoreboard");
        add(warning(health, format, periods, zone));
        add(section(format.text("scoreboard.scores"), scores(grainScores, format, periods)));
        add(section(format.text("scoreboard.standings"), standings(rows, format, minCellSize)));
        Div extremes = new Div(extremes(format.text("scoreboard.above"), above, CityScoreboard.furthestAbove(rows),
                format, minCellSize), extremes(format.text("scoreboard.below"), below,
                        CityScoreboard.furthestBelow(rows), format, minCellSize));
        extremes.addClassName("cp-scoreboard__extremes");
        add(extremes);
    }

    private Component warning(RunHealth.Status health, KpiFormat format, PeriodFormat periods, ZoneId zone) {
        warning.addClassName("cp-scoreboard__warning");
        warning.setVisible(!health.healthy());
        if (health.healthy()) {
            return warning;
        }
        // An alert, so screen readers announce it: decisions should not be taken on stale numbers unknowingly.
        warning.getElement().setAttribute("role", "alert");
        Icon icon = VaadinIcon.WARNING.create();
        icon.getElement().setAttribute("aria-hidden", "true");
        String last = health.lastPublished().map(at -> periods.dateTime(at, zone))
                .orElse(format.text("layout.noData"));
        String text = health.lastRunFailed() ? format.text("scoreboard.failed", last)
                : format.text("scoreboard.late", last);
        warning.add(icon, new Span(text));
        return warning;
    }

    private Component scores(List<GrainScore> grainScores, KpiFormat format, PeriodFormat periods) {
        scores.addClassName("cp-scoreboard__scores");
        for (GrainScore score : grainScores) {
            Article tile = new Article();
            tile.addClassName("cp-score-tile");
            tile.getElement().setAttribute("data-grain", score.grain().name());
            H4 title = new H4(periods.grain(score.grain()));
            title.addClassName("cp-score-tile__grain");
            Paragraph period = new Paragraph(periods.label(score.grain(), score.period()));
            period.addClassName("cp-kpi-card__meta");
            Paragraph value = new Paragraph(score.current() == null || score.current().value() == null
                    ? format.text("value.notAvailable") : format.value(Kpi.EXPERIENCE_SCORE, score.current().value()));
            value.addClassName("cp-kpi-card__value");
            tile.add(title, period, value, change(score, format));
            scores.add(tile);
        }
        return scores;
    }

    private static Paragraph change(GrainScore score, KpiFormat format) {
        Paragraph change = new Paragraph();
        change.addClassName("cp-score-tile__change");
        score.changePoints().ifPresentOrElse(points -> {
            boolean up = points >= 0.05;
            boolean down = points <= -0.05;
            Icon icon = (up ? VaadinIcon.ARROW_UP : down ? VaadinIcon.ARROW_DOWN : VaadinIcon.MINUS).create();
            icon.getElement().setAttribute("aria-hidden", "true");
            change.addClassName(up ? "cp-score-tile__change--up" : down ? "cp-score-tile__change--down"
                    : "cp-score-tile__change--flat");
            change.add(icon, new Span(format.text(up ? "scoreboard.up" : down ? "scoreboard.down" : "scoreboard.flat",
                    format.decimal(Math.abs(points)))));
        }, () -> change.setText(format.text("scoreboard.noChange")));
        return change;
    }

    private Component standings(List<Standing> rows, KpiFormat format, int minCellSize) {
        standings.addClassName("cp-breakdown");
        standings.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        standings.setAllRowsVisible(true);
        standings.setAriaLabel(format.text("scoreboard.standings"));
        standings.addColumn(s -> format.name(s.row().kpi())).setHeader(format.text("scoreboard.kpi"))
                .setAutoWidth(true).setFlexGrow(2).setSortable(true).setComparator(s -> s.row().kpi());
        standings.addColumn(s -> format.value(s.row(), minCellSize)).setHeader(format.text("scoreboard.value"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        standings.addColumn(s -> s.row().target() == null ? "–" : format.target(s.row().kpi(), s.row().target()))
                .setHeader(format.text("card.target")).setAutoWidth(true);
        standings.addComponentColumn(s -> status(s.row(), format)).setHeader(format.text("department.status"))
                .setAutoWidth(true).setSortable(true)
                .setComparator(s -> s.distance() == null ? Double.POSITIVE_INFINITY : s.distance());
        standings.addColumn(s -> s.contribution() == null ? "–"
                        : format.text("department.points", format.decimal(s.contribution())))
                .setHeader(format.text("scoreboard.contribution")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setSortable(true)
                .setComparator(s -> s.contribution() == null ? -1 : s.contribution());
        standings.setItems(rows);
        return standings;
    }

    /** Met or missed as colour, icon and words together. */
    static Component status(KpiRow row, KpiFormat format) {
        if (row.target() == null) {
            return new Span(format.text("scoreboard.noTarget"));
        }
        if (row.suppressed() || row.meetsTarget() == null) {
            return new Span(format.text("scoreboard.notAssessed"));
        }
        boolean met = row.meetsTarget();
        Icon icon = (met ? VaadinIcon.CHECK_CIRCLE : VaadinIcon.EXCLAMATION_CIRCLE).create();
        icon.getElement().setAttribute("aria-hidden", "true");
        icon.addClassName("cp-kpi-card__status-icon");
        Span status = new Span(icon, new Span(format.text(met ? "card.met" : "card.missed")));
        status.addClassName("cp-kpi-card__target");
        status.addClassName(met ? "cp-kpi-card__target--met" : "cp-kpi-card__target--missed");
        return status;
    }

    private static Component extremes(String title, OrderedList list, List<Standing> standings, KpiFormat format,
            int minCellSize) {
        Section section = new Section();
        section.addClassName("cp-scoreboard__extreme");
        H4 heading = new H4(title);
        list.addClassName("cp-scoreboard__list");
        for (Standing standing : standings) {
            KpiRow row = standing.row();
            ListItem item = new ListItem(format.text("scoreboard.extreme", format.name(row.kpi()),
                    format.value(row, minCellSize), format.target(row.kpi(), row.target()),
                    format.signed(standing.distance() * 100)));
            list.add(item);
        }
        section.add(heading);
        if (standings.isEmpty()) {
            section.add(new Paragraph(format.text("scoreboard.none")));
        } else {
            section.add(list);
        }
        return section;
    }

    private static Section section(String title, Component content) {
        Section section = new Section();
        section.addClassName("cp-kpi-section");
        H3 heading = new H3(title);
        heading.addClassName("cp-kpi-section__title");
        section.add(heading, content);
        return section;
    }
}
