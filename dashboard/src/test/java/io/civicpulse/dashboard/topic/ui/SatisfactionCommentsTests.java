package io.civicpulse.dashboard.topic.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.QueryParameters;

import io.civicpulse.comment.SurveyComment;
import io.civicpulse.dashboard.PublishedResults;
import io.civicpulse.dashboard.TemporaryHome;
import io.civicpulse.dashboard.comment.CsatBand;
import io.civicpulse.dashboard.comment.LatestComments;
import io.civicpulse.dashboard.comment.ui.LatestCommentsPanel;
import io.civicpulse.dashboard.filter.DashboardFilter;
import io.civicpulse.kpi.Kpi;

/**
 * The satisfaction view's latest comments: newest first for the view's slice and period, narrowed by CSAT band and
 * language, and nothing of them for a user without one of {@code civicpulse.privacy.comment-readers}' roles.
 */
@SpringBootTest(properties = "civicpulse.security.bootstrap-admin-password=test-only-password")
@ViewPackages(packages = "io.civicpulse.dashboard")
@WithMockUser(username = "analyst", roles = "ANALYST")
class SatisfactionCommentsTests extends SpringBrowserlessTest {

    private static final ZoneId CITY = ZoneId.of("America/New_York");
    private static final LocalDate AUGUST = LocalDate.of(2026, 8, 1);
    private static final String AUGUST_VIEW = "grain=MONTH&period=2026-08-01";

    // submitted column, then department, service, channel, CSAT, NPS, CES, language, comment
    private static final int DEPARTMENT = 1;
    private static final int CSAT = 4;
    private static final int NPS = 5;
    private static final int LANGUAGE = 7;
    private static final int COMMENT = 8;

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void temporaryHome(DynamicPropertyRegistry registry) {
        TemporaryHome.register(registry, () -> home);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LatestComments latestComments;

    PublishedResults results;

    @BeforeEach
    void results() {
        UI.getCurrent().setLocale(Locale.US);
        results = new PublishedResults(jdbc);
        results.clear();
        for (LocalDate month : List.of(AUGUST.minusMonths(1), AUGUST)) {
            results.row(Kpi.CSAT_MEAN, "MONTH", month, null, null, null, null, 4.1, 500, null, null, false);
            results.row(Kpi.SURVEY_RESPONSES, "MONTH", month, null, null, null, null, 500.0, 500, null, null, false);
            results.row(Kpi.CSAT_MEAN, "MONTH", month, "SAN", null, null, null, 4.3, 300, null, null, false);
            results.row(Kpi.SURVEY_RESPONSES, "MONTH", month, "SAN", null, null, null, 300.0, 300, null, null, false);
        }
        results.publication(5, OffsetDateTime.parse("2026-09-01T06:00:00Z"), AUGUST, LocalDate.of(2026, 8, 31));
        comment("r1", "2026-08-03T09:15:00", "SAN", "PHONE", 5, "en", "Quick response, thank you!");
        comment("r2", "2026-08-20T17:40:00", "DOT", "WEB", 1, "es", "Nadie vino. Mi correo es [email].");
        comment("r3", "2026-08-11T08:05:00", "SAN", "MOBILE_APP", 3, "en", "OK service, call me at [phone].");
        comment("r4", "2026-08-31T23:50:00", "SAN", "PHONE", 2, "en", "Still waiting at [address].");
        comment("r5", "2026-07-31T23:59:00", "SAN", "PHONE", 4, "en", "July, not August");
        comment("r6", "2026-09-01T00:10:00", "SAN", "PHONE", 4, "en", "September, not August");
    }

    @Test
    void givenCommentsOfThePeriodWhenAnAnalystOpensSatisfactionThenTheyAreListedNewestFirstWithTheirRatings() {
        // when
        SatisfactionView view = open(AUGUST_VIEW);

        // then only August's, by local date in the city, newest first
        Grid<SurveyComment> grid = grid();
        assertThat(column(grid, COMMENT)).containsExactly("Still waiting at [address].",
                "Nadie vino. Mi correo es [email].", "OK service, call me at [phone].", "Quick response, thank you!");
        assertThat(test(grid).getCellText(0, 0)).isEqualTo(DateTimeFormatter
                .ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(Locale.US)
                .format(LocalDate.of(2026, 8, 31).atTime(23, 50)));
        assertThat(test(grid).getCellText(0, DEPARTMENT)).isEqualTo("SAN");
        assertThat(test(grid).getCellText(0, 3)).isEqualTo("Phone");
        assertThat(test(grid).getCellText(0, CSAT)).isEqualTo("2");
        assertThat(test(grid).getCellText(0, NPS)).isEqualTo("–");
        assertThat(test(grid).getCellText(1, LANGUAGE)).isEqualTo("Spanish");
        assertThat(count()).isEqualTo("4 comments, newest first");
    }

    @Test
    void givenCommentsOfSeveralScoresAndLanguagesWhenTheReaderNarrowsThemThenOnlyMatchingOnesAreListed() {
        // given
        open(AUGUST_VIEW);
        Grid<SurveyComment> grid = grid();

        // when
        test(band()).selectItem("1–2 · dissatisfied");

        // then
        assertThat(column(grid, CSAT)).containsExactly("2", "1");
        assertThat(count()).isEqualTo("2 comments, newest first");

        // when
        test(language()).selectItem("Spanish");

        // then
        assertThat(column(grid, COMMENT)).containsExactly("Nadie vino. Mi correo es [email].");
        assertThat(count()).isEqualTo("1 comment");

        // when
        test(band()).selectItem("4–5 · satisfied");

        // then
        assertThat(grid.isVisible()).isFalse();
        assertThat(count()).isEqualTo("No comments for this selection in this period.");
    }

    @Test
    void givenTheViewsFilterWhenItNamesADepartmentThenOnlyThatDepartmentsCommentsAreListedAndTheBandStays() {
        // given
        open(AUGUST_VIEW);
        test(band()).selectItem("3 · neutral");

        // when
        open(AUGUST_VIEW + "&department=SAN");

        // then
        assertThat(band().getValue()).isEqualTo(CsatBand.NEUTRAL);
        assertThat(column(grid(), COMMENT)).containsExactly("OK service, call me at [phone].");

        // when
        test(band()).selectItem("All scores");

        // then
        assertThat(column(grid(), DEPARTMENT)).containsExactly("SAN", "SAN", "SAN");
    }

    @Test
    void givenMoreCommentsThanThePanelShowsWhenOpenedThenTheNewestFiftyAreListedWithTheTotal() {
        // given 1,200 more comments in August, one a minute from August 12th
        Instant start = LocalDate.of(2026, 8, 12).atStartOfDay(CITY).toInstant();
        IntStream.range(0, 1_200).forEach(i -> results.comment("m" + i, start.plusSeconds(60L * i), "LIB", "UNKNOWN",
                "WALK_IN", "UNKNOWN", 4, 9, 6, "en", "comment " + i));

        // when
        open(AUGUST_VIEW);

        // then
        assertThat(test(grid()).size()).isEqualTo(50);
        assertThat(count()).isEqualTo("Showing 50 of 1,204 comments, newest first");
        assertThat(column(grid(), COMMENT).subList(0, 3)).containsExactly("Still waiting at [address].",
                "Nadie vino. Mi correo es [email].", "comment 1199");
    }

    @Test
    void theCommentsSpeakSpanish() {
        // given
        UI.getCurrent().setLocale(Locale.of("es", "ES"));

        // when
        open(AUGUST_VIEW);

        // then
        assertThat(count()).isEqualTo("4 comentarios, del más reciente al más antiguo");
        assertThat(test(grid()).getCellText(1, LANGUAGE)).isEqualTo("Español");
        assertThat(test(grid()).getCellText(0, 0)).isEqualTo(DateTimeFormatter
                .ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(Locale.of("es", "ES"))
                .format(LocalDate.of(2026, 8, 31).atTime(23, 50)));
    }

    @Test
    @WithMockUser(username = "mayor", roles = "LEADERSHIP")
    void givenAUserWithoutAReaderRoleWhenOpeningSatisfactionThenNoCommentReachesTheUi() {
        // when
        SatisfactionView view = open(AUGUST_VIEW);

        // then the KPIs are there, the comments are not: a note says why
        assertThat(view.table).isNotNull();
        assertThat(view.comments).isNull();
        assertThat(find(LatestCommentsPanel.class).exists()).isFalse();
        assertThat(find(Paragraph.class).withClassName("cp-comments__restricted").single().getText())
                .startsWith("Residents' comments are shown only to the roles allowed to read them.");
        String everything = everything(UI.getCurrent().getElement());
        for (String text : List.of("Quick response", "Nadie vino", "OK service", "Still waiting", "[email]",
                "[phone]", "[address]")) {
            assertThat(everything).doesNotContain(text);
        }
        // and the service refuses them even if asked directly
        assertThatThrownBy(() -> latestComments.load(DashboardFilter.city().withPeriod(AUGUST), CsatBand.ALL, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> latestComments.languages()).isInstanceOf(AccessDeniedException.class);
    }

    private void comment(String id, String localTime, String department, String channel, int csat, String language,
            String text) {
        Instant at = java.time.LocalDateTime.parse(localTime).atZone(CITY).toInstant();
        results.comment(id, at, department, "UNKNOWN", channel, "UNKNOWN", csat, null, null, language, text);
    }

    private SatisfactionView open(String query) {
        UI.getCurrent().navigate(SatisfactionView.class, QueryParameters.fromString(query));
        return (SatisfactionView) getCurrentView();
    }

    @SuppressWarnings("unchecked")
    private Grid<SurveyComment> grid() {
        return find(Grid.class).withClassName("cp-comments__grid").single();
    }

    @SuppressWarnings("unchecked")
    private Select<CsatBand> band() {
        return find(Select.class).withClassName("cp-comments__band").single();
    }

    @SuppressWarnings("unchecked")
    private ComboBox<String> language() {
        return find(ComboBox.class).withClassName("cp-comments__language").single();
    }

    private String count() {
        return find(Paragraph.class).withClassName("cp-comments__count").single().getText();
    }

    private List<String> column(Grid<SurveyComment> grid, int column) {
        return IntStream.range(0, test(grid).size()).mapToObj(row -> test(grid).getCellText(row, column)).toList();
    }

    /** Every text, attribute and property value of an element tree: what the browser could be sent of it. */
    private static String everything(Element root) {
        List<String> parts = new ArrayList<>();
        collect(root, parts);
        return String.join("\n", parts);
    }

    private static void collect(Element element, List<String> parts) {
        parts.add(element.getText());
        element.getAttributeNames().forEach(name -> parts.add(String.valueOf(element.getAttribute(name))));
        element.getPropertyNames().forEach(name -> parts.add(String.valueOf(element.getPropertyRaw(name))));
        element.getChildren().forEach(child -> collect(child, parts));
    }
}
