package io.civicpulse.dashboard.topic.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import io.civicpulse.CivicPulseProperties;
import io.civicpulse.dashboard.export.FilteredExport;
import io.civicpulse.dashboard.filter.FilterOptions;
import io.civicpulse.dashboard.filter.ui.FilterBar;
import io.civicpulse.dashboard.scoreboard.Scoreboard;
import io.civicpulse.dashboard.topic.Topic;
import io.civicpulse.dashboard.topic.TopicData;

import jakarta.annotation.security.RolesAllowed;

/** On-time, resolution, reopen and first-contact resolution rates and the backlogs over time; by service. */
@Route("outcomes")
@Menu(title = "nav.outcomes", order = 3, icon = "vaadin:check-square-o")
// Every role reads results; what each may see of them is the Viewer's scope (security.Viewer).
@RolesAllowed({ "LEADERSHIP", "DEPARTMENT_HEAD", "ANALYST", "ADMIN" })
class CaseOutcomesView extends TopicView {

    CaseOutcomesView(Scoreboard scoreboard, TopicData data, FilterOptions options, FilteredExport export,
            CivicPulseProperties properties) {
        super(Topic.OUTCOMES, scoreboard, data, options, export, properties);
    }

    @Override
    String titleKey() {
        return "nav.outcomes";
    }

    @Override
    void dimensions(FilterBar bar) {
        bar.dimensions(true, true, true, true);
    }
}
