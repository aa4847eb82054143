package io.civicpulse.dashboard.department.ui;

import java.util.Comparator;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;

import io.civicpulse.dashboard.department.DepartmentBreakdown.Line;
import io.civicpulse.dashboard.department.Goals;
import io.civicpulse.dashboard.format.KpiFormat;

/**
 * A table cell that answers "does this slice meet its goals?" in words, with an icon and the met or missed colours
 * of the KPI cards, never colour alone: "3 of 11 goals missed", "All 11 goals met", or "No goals".
 */
public class GoalsBadge extends Span {

    /** Adds the column "Goals" to a table of lines; sorting puts the most goals missed first. */
    public static void column(Grid<Line> grid) {
        grid.addComponentColumn(line -> new GoalsBadge(line.goals()))
                .setHeader(grid.getTranslation("goals.header")).setSortable(true)
                .setComparator(Comparator.comparingInt((Line line) -> -line.goals().missed())
                        .thenComparingInt(line -> -line.goals().measured()))
                .setAutoWidth(true);
    }

    public GoalsBadge(Goals goals) {
        addClassName("cp-kpi-card__target");
        addClassName("cp-goals");
        KpiFormat format = KpiFormat.of(getLocale());
        if (goals.measured() == 0) {
            setText(getTranslation("goals.none"));
            return;
        }
        Icon icon = (goals.anyMissed() ? VaadinIcon.EXCLAMATION_CIRCLE : VaadinIcon.CHECK_CIRCLE).create();
        icon.addClassName("cp-kpi-card__status-icon");
        icon.getElement().setAttribute("aria-hidden", "true");
        addClassName(goals.anyMissed() ? "cp-kpi-card__target--missed" : "cp-kpi-card__target--met");
        add(icon, new Span(goals.anyMissed()
                ? getTranslation("goals.missed", format.count(goals.missed()), format.count(goals.measured()))
                : getTranslation("goals.allMet", format.count(goals.measured()))));
    }
}
