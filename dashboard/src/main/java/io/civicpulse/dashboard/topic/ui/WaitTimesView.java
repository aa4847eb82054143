package io.civicpulse.dashboard.topic.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import io.civicpulse.CivicPulseProperties;
import io.civicpulse.dashboard.export.FilteredExport;
import io.civicpulse.dashboard.filter.FilterOptions;
import io.civicpulse.dashboard.filter.ui.FilterBar;
import io.civicpulse.dashboard.format.KpiFormat;
import io.civicpulse.dashboard.scoreboard.Scoreboard;
import io.civicpulse.dashboard.topic.Topic;
import io.civicpulse.dashboard.topic.Topic.Breakdown;
import io.civicpulse.dashboard.topic.TopicData;
import io.civicpulse.dashboard.topic.TopicData.Line;
import io.civicpulse.dashboard.topic.TopicData.Loaded;

import jakarta.annotation.security.RolesAllowed;

/** Median and 90th-percentile waits, service level and abandon rate by channel, over time. */
@Route("waits")
@Menu(title = "nav.waits", order = 2, icon = "vaadin:clock")
// Every role reads results; what each may see of them is the Viewer's scope (security.Viewer).
@RolesAllowed({ "LEADERSHIP", "DEPARTMENT_HEAD", "ANALYST", "ADMIN" })
class WaitTimesView extends TopicView {

    WaitTimesView(Scoreboard scoreboard, TopicData data, FilterOptions options, FilteredExport export,
            CivicPulseProperties properties) {
        super(Topic.WAITS, scoreboard, data, options, export, properties);
    }

    @Override
    String titleKey() {
        return "nav.waits";
    }

    /** Channels are the lines; waits have no service, and channels are not published by district. */
    @Override
    void dimensions(FilterBar bar) {
        bar.dimensions(true, false, true, false);
    }

    /** Service level is measured against each channel's own answer threshold, so the table says which. */
    @Override
    void extraColumns(Grid<Line> grid, Loaded loaded, KpiFormat format) {
        if (loaded.breakdown() != Breakdown.CHANNEL) {
            return;
        }
        grid.addColumn(line -> {
            Integer seconds = line.key() == null ? null : properties.kpi().answerThresholds().get(line.key());
            return seconds == null ? "–" : getTranslation("topic.threshold", format.count(seconds));
        }).setHeader(getTranslation("topic.thresholdHeader")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
    }
}
