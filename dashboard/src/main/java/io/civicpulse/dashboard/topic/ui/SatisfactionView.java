package io.civicpulse.dashboard.topic.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import io.civicpulse.CivicPulseProperties;
import io.civicpulse.dashboard.comment.LatestComments;
import io.civicpulse.dashboard.comment.ui.LatestCommentsPanel;
import io.civicpulse.dashboard.export.FilteredExport;
import io.civicpulse.dashboard.filter.DashboardFilter;
import io.civicpulse.dashboard.filter.FilterOptions;
import io.civicpulse.dashboard.filter.ui.FilterBar;
import io.civicpulse.dashboard.scoreboard.Scoreboard;
import io.civicpulse.dashboard.topic.Topic;
import io.civicpulse.dashboard.topic.TopicData;

import jakarta.annotation.security.RolesAllowed;

/**
 * CSAT, NPS and CES by department and by channel over time, with the number of responses beside them, and the
 * latest masked resident comments of the same slice and period. Only the roles of
 * {@code civicpulse.privacy.comment-readers} get the comments; everyone else reads a note that they are restricted,
 * and no comment is ever loaded for them.
 */
@Route("satisfaction")
@Menu(title = "nav.satisfaction", order = 4, icon = "vaadin:smiley-o")
// Every role reads results; what each may see of them is the Viewer's scope (security.Viewer).
@RolesAllowed({ "LEADERSHIP", "DEPARTMENT_HEAD", "ANALYST", "ADMIN" })
class SatisfactionView extends TopicView {

    private final transient LatestComments latestComments;
    // Kept while the reader moves between periods and slices of this view, so its band and language stay chosen.
    LatestCommentsPanel comments;

    SatisfactionView(Scoreboard scoreboard, TopicData data, FilterOptions options, FilteredExport export,
            CivicPulseProperties properties, LatestComments latestComments) {
        super(Topic.SATISFACTION, scoreboard, data, options, export, properties);
        this.latestComments = latestComments;
    }

    @Override
    String titleKey() {
        return "nav.satisfaction";
    }

    @Override
    void dimensions(FilterBar bar) {
        bar.dimensions(true, true, true, true);
    }

    @Override
    Optional<Component> below(DashboardFilter filter) {
        if (!latestComments.mayRead()) {
            Paragraph restricted = new Paragraph(getTranslation("comments.restricted"));
            restricted.addClassName("cp-comments__restricted");
            return Optional.of(section(getTranslation("comments.title"), restricted));
        }
        if (comments == null) {
            comments = new LatestCommentsPanel(latestComments, properties.city().timeZone());
        }
        comments.show(filter);
        return Optional.of(section(getTranslation("comments.title"), comments));
    }
}
