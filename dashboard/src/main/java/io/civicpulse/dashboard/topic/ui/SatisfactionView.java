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

import jakarta.annotation.security.PermitAll;

/**
 * CSAT, NPS and CES by department and by channel over time, with the number of responses beside them. Resident
 * comments are not shown: they need a store that masks personal data, which does not exist yet.
 */
@Route("satisfaction")
@Menu(title = "nav.satisfaction", order = 4, icon = "vaadin:smiley-o")
@PermitAll
class SatisfactionView extends TopicView {

    SatisfactionView(Scoreboard scoreboard, TopicData data, FilterOptions options, FilteredExport export,
            CivicPulseProperties properties) {
        super(Topic.SATISFACTION, scoreboard, data, options, export, properties);
    }

    @Override
    String titleKey() {
        return "nav.satisfaction";
    }

    @Override
    void dimensions(FilterBar bar) {
        bar.dimensions(true, true, true, true);
    }
}
