package io.civicpulse.dashboard.comment;

import java.time.LocalDate;
import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import com.vaadin.flow.spring.security.AuthenticationContext;

import io.civicpulse.CivicPulseProperties;
import io.civicpulse.comment.CommentFilter;
import io.civicpulse.comment.SurveyComment;
import io.civicpulse.comment.SurveyCommentRepository;
import io.civicpulse.dashboard.filter.DashboardFilter;
import io.civicpulse.dashboard.security.Viewer;

/**
 * The newest masked survey comments of a view's slice and period, for the roles of
 * {@code civicpulse.privacy.comment-readers} only. Masked or not, comments are residents' own words about their own
 * cases, so who may read them is checked here, where they are read, and not only by the view that hides the panel:
 * a reader without the role gets an exception, never a comment.
 */
@Service
public class LatestComments {

    /** How many comments a panel shows at most: enough to read the mood, few enough to read them all. */
    public static final int SHOWN = 50;

    /** The comments shown, newest first, and how many the selection holds in all. */
    public record Page(List<SurveyComment> comments, long total) {
    }

    private final SurveyCommentRepository comments;
    private final AuthenticationContext authentication;
    private final List<String> readers;

    public LatestComments(SurveyCommentRepository comments, AuthenticationContext authentication,
            CivicPulseProperties properties) {
        this.comments = comments;
        this.authentication = authentication;
        this.readers = properties.privacy().commentReaders();
    }

    /** Whether the logged-in user has one of the roles that may read comments. */
    public boolean mayRead() {
        return !readers.isEmpty() && authentication.hasAnyRole(readers);
    }

    /**
     * The newest {@link #SHOWN} comments of the filter's slice (as the KPIs show it: a service rules out a channel or
     * a district) submitted on a local date of its period, narrowed to a CSAT band and a language ({@code null}:
     * any).
     *
     * @throws AccessDeniedException if the user may not read comments
     */
    public Page load(DashboardFilter filter, CsatBand band, String language) {
        CommentFilter selection = selection(filter, band, language);
        return new Page(comments.latest(selection, SHOWN), comments.count(selection));
    }

    /** The languages of the published comments, for the language filter. */
    public List<String> languages() {
        requireReader();
        return comments.languages();
    }

    CommentFilter selection(DashboardFilter filter, CsatBand band, String language) {
        requireReader();
        DashboardFilter slice = filter.normalized();
        LocalDate from = slice.period();
        LocalDate to = from == null ? null : slice.grain().nextPeriodStart(from).minusDays(1);
        CsatBand scores = band == null ? CsatBand.ALL : band;
        // A department head reads their departments' comments only: another department's slice is refused, and
        // the city's (or a channel's or district's) comments are narrowed to their departments, since comments,
        // unlike the city's totals, are each about one department's case.
        Viewer viewer = Viewer.current();
        viewer.require(slice.department());
        CommentFilter selection = new CommentFilter(slice.department(), slice.service(), slice.channel(),
                slice.district(), from, to, scores.min(), scores.max(), language);
        return viewer.isScoped() ? selection.withinDepartments(viewer.departments()) : selection;
    }

    private void requireReader() {
        if (!mayRead()) {
            throw new AccessDeniedException("Reading survey comments needs one of the roles " + readers);
        }
    }
}
