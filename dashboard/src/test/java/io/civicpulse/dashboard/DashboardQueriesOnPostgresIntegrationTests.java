package io.civicpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.civicpulse.CivicPulseProperties;
import io.civicpulse.comment.CommentFilter;
import io.civicpulse.comment.SurveyComment;
import io.civicpulse.comment.SurveyCommentRepository;
import io.civicpulse.dashboard.comment.CsatBand;
import io.civicpulse.dashboard.department.BreakdownQueries;
import io.civicpulse.dashboard.department.BreakdownQueries.Dimension;
import io.civicpulse.dashboard.department.DepartmentBreakdown;
import io.civicpulse.dashboard.export.FilteredExport;
import io.civicpulse.dashboard.filter.DashboardFilter;
import io.civicpulse.dashboard.filter.FilterOptions;
import io.civicpulse.dashboard.filter.PeriodRange;
import io.civicpulse.dashboard.scoreboard.CityScoreboard;
import io.civicpulse.dashboard.scoreboard.RunHealth;
import io.civicpulse.dashboard.publication.PublishedAnswers;
import io.civicpulse.dashboard.scoreboard.Scoreboard;
import io.civicpulse.dashboard.scoreboard.ScoreboardPeriod;
import io.civicpulse.dashboard.security.DepartmentNotAllowedException;
import io.civicpulse.dashboard.topic.Topic;
import io.civicpulse.dashboard.topic.TopicData;
import io.civicpulse.dashboard.warming.AnswerWarming;
import io.civicpulse.kpi.Better;
import io.civicpulse.kpi.Grain;
import io.civicpulse.kpi.Kpi;
import io.civicpulse.kpi.KpiCsv;
import io.civicpulse.kpi.KpiResultRepository;
import io.civicpulse.kpi.KpiResultRepository.NewPublication;
import io.civicpulse.kpi.KpiRow;
import io.civicpulse.kpi.Slice;
import io.civicpulse.kpi.SliceKey;
import io.civicpulse.support.TestPostgres;

/**
 * Production runs on PostgreSQL while the dashboard's query tests run on H2, so this test publishes one realistic
 * data set into both, through the same Flyway migrations and the same publishing code as a nightly run, and asks
 * every query of the dashboard the same questions on both: any answer that differs is a query that only works on
 * one of them.
 * <p>
 * Needs the server the other PostgreSQL tests use (127.0.0.1:5432, database {@code test}, or
 * {@code CIVICPULSE_TEST_POSTGRES_URL} and {@code CIVICPULSE_TEST_POSTGRES_USER}); it fails, never skips, when the
 * server is missing, in a schema of its own that is created afresh.
 */
class DashboardQueriesOnPostgresIntegrationTests {

    static final String SCHEMA = TestPostgres.schema("civicpulse_dashboard_it");

    /**
     * A server initialised in the operating system's locale (en_US.UTF-8 on most) sorts text linguistically: case
     * and punctuation count less than letters, so {@code cd_02} sorts before {@code CD03}. H2 and Java sort by
     * character code. The test server may have been initialised with the C locale, which sorts like H2 and would
     * hide every ORDER BY that leans on the database's collation, so the text columns get a linguistic one here.
     */
    static final List<String> LINGUISTIC_COLLATIONS = List.of("en-US-x-icu", "und-x-icu", "en_US.utf8", "en_US");

    static final ZoneId CITY = ZoneId.of("America/New_York");

    @TempDir
    static Path home;

    static HikariDataSource h2Pool;
    static HikariDataSource postgresPool;
    static Queries h2;
    static Queries postgres;
    static List<DashboardFilter> filters;

    @BeforeAll
    static void publishTheSameResultsIntoBothDatabases() throws SQLException {
        h2Pool = pool("jdbc:h2:file:" + home.resolve("db/civicpulse"), "sa");
        migrate(h2Pool, "h2");

        postgresPool = pool(TestPostgres.freshSchema(SCHEMA), TestPostgres.USER);
        migrate(postgresPool, "postgresql");
        collateLinguistically(postgresPool);

        h2 = new Queries(h2Pool);
        postgres = new Queries(postgresPool);
        for (Queries database : List.of(h2, postgres)) {
            CitySample.publishInto(database);
        }
        filters = CitySample.filters(h2.scoreboard);
    }

    /**
     * The queries answer for the person logged in (a department head sees less); an analyst sees every department,
     * which is what is compared here.
     */
    @BeforeEach
    void anAnalystIsLoggedIn() {
        SecurityContextHolder.getContext().setAuthentication(
                new TestingAuthenticationToken("analyst", null, "ROLE_ANALYST"));
    }

    @AfterEach
    void loggedOut() {
        SecurityContextHolder.clearContext();
    }

    @AfterAll
    static void closePools() {
        if (h2Pool != null) {
            h2Pool.close();
        }
        if (postgresPool != null) {
            postgresPool.close();
        }
    }

    @Test
    void thePostgresSchemaSortsTextLinguisticallyAsAProductionServerWould() {
        // Without this, an ORDER BY that depends on the collation would read the same on both and pass unnoticed.
        String sql = "SELECT district FROM kpi_result WHERE grain = 'MONTH' AND district <> '*'"
                + " GROUP BY district ORDER BY district";
        List<String> onH2 = JdbcClient.create(h2Pool).sql(sql).query(String.class).list();
        List<String> onPostgres = JdbcClient.create(postgresPool).sql(sql).query(String.class).list();

        assertThat(onH2).containsExactlyElementsOf(CitySample.DISTRICTS.stream().sorted().toList());
        assertThat(onPostgres).containsExactlyInAnyOrderElementsOf(onH2).isNotEqualTo(onH2);
    }

    @Test
    void thePeriodsAndPublicationsReadTheSameOnPostgresAsOnH2() {
        for (Grain grain : Grain.values()) {
            List<LocalDate> periods = same("periods of " + grain, q -> q.scoreboard.periods(grain));
            assertThat(periods).as("periods of %s", grain).hasSize(CitySample.periods(grain).size())
                    .isSortedAccordingTo((a, b) -> b.compareTo(a));
            same("latest 3 periods of " + grain, q -> q.results.latestPeriods(grain, 3));
        }
        long published = same("published rows", q -> q.results.count());
        assertThat(published).isGreaterThan(10_000);
        List<String> departments = same("departments", q -> q.results.departments());
        assertThat(departments).containsExactlyElementsOf(CitySample.SERVICES.keySet().stream().sorted().toList());
        var latest = same("latest publication", q -> q.scoreboard.latestPublication());
        assertThat(latest).hasValueSatisfying(publication -> {
            assertThat(publication.jobExecutionId()).isEqualTo(2);
            assertThat(publication.publishedAt()).isEqualTo(CitySample.SECOND_PUBLISHED);
        });
        same("latest publication from the repository", q -> q.results.latestPublication());
    }

    @Test
    void theScoreboardReadsTheSameOnPostgresAsOnH2() {
        int tiles = 0;
        int suppressed = 0;
        int gaps = 0;
        for (DashboardFilter filter : filters) {
            ScoreboardPeriod period = same("scoreboard of " + filter,
                    q -> q.scoreboard.load(filter.range(), filter.slice()));
            same("rows of " + filter, q -> q.results.findPeriod(filter.grain(), filter.period(), filter.slice()));
            same("trend of " + filter, q -> q.results.findTrend(filter.grain(), filter.slice(),
                    List.of(Kpi.values()), filter.range().first(), filter.period()));
            tiles += period.tiles().size();
            suppressed += (int) period.tiles().stream().filter(tile -> tile.row().suppressed()).count();
            gaps += (int) period.tiles().stream().flatMap(tile -> tile.trend().stream())
                    .filter(point -> point.row() == null).count();
        }
        assertThat(tiles).as("tiles shown").isGreaterThan(filters.size() * 5);
        assertThat(suppressed).as("suppressed tiles").isPositive();
        assertThat(gaps).as("trend points without a result").isPositive();
    }

    @Test
    void theCityScoreboardReadsTheSameOnPostgresAsOnH2() {
        int scores = 0;
        int standings = 0;
        for (DashboardFilter filter : filters) {
            if (filter.sliceKind() != Slice.CITY) {
                continue;
            }
            LocalDate lastDay = filter.grain().nextPeriodStart(filter.period()).minusDays(1);
            List<CityScoreboard.GrainScore> byGrain = same("experience by grain to " + lastDay,
                    q -> q.city.experienceByGrain(lastDay));
            scores += (int) byGrain.stream().filter(score -> score.changePoints().isPresent()).count();
            List<CityScoreboard.Standing> standing = same("standings of " + filter,
                    q -> q.city.standings(q.results.findPeriod(filter.grain(), filter.period(), SliceKey.CITY)));
            same("furthest above in " + filter, q -> CityScoreboard.furthestAbove(
                    q.city.standings(q.results.findPeriod(filter.grain(), filter.period(), SliceKey.CITY))));
            same("furthest below in " + filter, q -> CityScoreboard.furthestBelow(
                    q.city.standings(q.results.findPeriod(filter.grain(), filter.period(), SliceKey.CITY))));
            standings += (int) standing.stream().filter(s -> s.contribution() != null).count();
        }
        assertThat(scores).as("experience scores with a change").isPositive();
        assertThat(standings).as("KPIs contributing to the score").isPositive();
    }

    @Test
    void theRunHealthReadsTheSameOnPostgresAsOnH2() {
        RunHealth.Status status = same("run health", q -> q.health.current());

        assertThat(status.lastPublished()).contains(CitySample.SECOND_PUBLISHED);
        assertThat(status.late()).isFalse();
        assertThat(status.lastRunFailed()).as("the third run failed").isTrue();
    }

    @Test
    void theDepartmentBreakdownsReadTheSameOnPostgresAsOnH2() {
        int services = 0;
        int districts = 0;
        int channels = 0;
        int rows = 0;
        for (PeriodRange range : filters.stream().map(DashboardFilter::range).distinct().toList()) {
            for (String department : CitySample.departmentsAndCity()) {
                for (Dimension dimension : Dimension.values()) {
                    rows += same(dimension + " rows of " + department + " in " + range, q -> q.breakdowns.rows(
                            range.grain(), range.first(), range.last(), department, dimension,
                            List.of(Kpi.values()))).size();
                }
            }
        }
        assertThat(rows).as("breakdown rows").isGreaterThan(10_000);
        for (DashboardFilter filter : filters) {
            var range = filter.range();
            if (filter.sliceKind() == Slice.CITY) {
                List<DepartmentBreakdown.Line> lines = same("departments in " + filter,
                        q -> q.departments.byDepartment(filter.grain(), filter.period()));
                assertThat(lines).isNotEmpty();
                same("department rows in " + filter, q -> q.breakdowns.byDepartment(filter.grain(), filter.period(),
                        List.of(Kpi.values())));
                same("departments' trend in " + filter, q -> q.breakdowns.departmentsTrend(filter.grain(),
                        range.first(), range.last(), List.of(Kpi.values())));
            }
            if (filter.sliceKind() == Slice.DEPARTMENT) {
                String department = filter.department();
                services += same("services of " + filter, q -> q.departments.byService(range, department)).size();
                var byDistrict = same("districts of " + filter, q -> q.departments.byDistrict(range, department));
                districts += byDistrict.size();
                KpiRow whole = h2.results.findPeriod(filter.grain(), filter.period(), filter.slice()).stream()
                        .filter(row -> row.kpi() == Kpi.EXPERIENCE_SCORE).findFirst().orElse(null);
                KpiRow wholeOnPostgres = postgres.results.findPeriod(filter.grain(), filter.period(), filter.slice())
                        .stream().filter(row -> row.kpi() == Kpi.EXPERIENCE_SCORE).findFirst().orElse(null);
                assertThat(byDistrict.stream().map(line -> DepartmentBreakdown.farBelow(line, wholeOnPostgres)))
                        .containsExactlyElementsOf(
                                byDistrict.stream().map(line -> DepartmentBreakdown.farBelow(line, whole)).toList());
                channels += same("channel mix of " + filter, q -> q.departments.channelMix(range, department))
                        .contacts().size();
            }
        }
        assertThat(services).as("service lines").isGreaterThan(20);
        assertThat(districts).as("district lines").isGreaterThan(10);
        assertThat(channels).as("channel mix lines").isGreaterThan(10);
        var newestMonth = h2.scoreboard.periods(Grain.MONTH).getFirst();
        assertThat(h2.departments.byDepartment(Grain.MONTH, newestMonth)).extracting(DepartmentBreakdown.Line::value)
                .containsExactlyElementsOf(CitySample.SERVICES.keySet().stream().sorted().toList());
    }

    @Test
    void theTopicViewsReadTheSameOnPostgresAsOnH2() {
        Set<Topic.Breakdown> breakdowns = new LinkedHashSet<>();
        int lines = 0;
        for (DashboardFilter filter : filters) {
            for (Topic topic : Topic.values()) {
                TopicData.Loaded loaded = same(topic + " of " + filter, q -> q.topics.load(topic, filter));
                breakdowns.add(loaded.breakdown());
                lines += loaded.lines().size();
            }
        }
        assertThat(breakdowns).containsExactlyInAnyOrder(Topic.Breakdown.values());
        assertThat(lines).as("breakdown lines").isGreaterThan(filters.size());
    }

    @Test
    void theFilteredExportsWriteTheSameCsvOnPostgresAsOnH2() {
        long rows = 0;
        for (DashboardFilter filter : filters) {
            for (FilteredExport.Scope scope : FilteredExport.Scope.values()) {
                // A topic's export narrows the same query to its KPIs; one scope of it is enough.
                List<List<Kpi>> kpiSets = scope == FilteredExport.Scope.SLICE_AND_BREAKDOWNS
                        ? List.of(List.of(), Topic.SATISFACTION.kpis()) : List.of(List.of());
                for (List<Kpi> kpis : kpiSets) {
                    String csv = same(scope + " " + kpis + " export of " + filter, q -> {
                        StringWriter out = new StringWriter();
                        q.export.write(filter, scope, kpis, out);
                        return out.toString();
                    });
                    rows += csv.lines().count() - 1;
                }
            }
        }
        assertThat(rows).as("exported rows").isGreaterThan(10_000);
    }

    /**
     * Warming asks the first views' questions ahead of them (AnswerWarming): on both databases, what it keeps must
     * be exactly what the views compute without it, and must be all they need, so that after warming a view of one
     * of the newest periods computes no answer of its own; a department head still sees only their department.
     */
    @Test
    void warmedAnswersAreTheAnswersTheViewsComputeOnPostgresAsOnH2() {
        for (DataSource pool : List.of(h2Pool, postgresPool)) {
            // given a dashboard whose answers were warmed, and one that answers every question cold
            Queries warm = new Queries(pool);
            Queries cold = new Queries(pool);
            AnswerWarming.Summary summary = new AnswerWarming(warm.scoreboard, warm.options, warm.departments,
                    warm.answers).warm(PeriodRange.DEFAULT_PERIODS, Duration.ofMinutes(5));
            long kept = warm.answers.size();

            // then warming covered the newest periods of every grain, each with its city and department views
            int periods = 0;
            for (Grain grain : Grain.values()) {
                periods += Math.min(PeriodRange.DEFAULT_PERIODS, cold.scoreboard.periods(grain).size());
            }
            assertThat(summary.complete()).isTrue();
            assertThat(summary.periods()).isEqualTo(periods).isEqualTo(summary.cityViews());
            assertThat(summary.departmentViews()).isGreaterThan(periods * 4);
            assertThat(summary.answers()).isEqualTo((int) kept).isPositive();

            // and when the views of those periods ask their questions, warm and cold answers are the same
            int views = 0;
            for (Grain grain : Grain.values()) {
                for (LocalDate period : cold.scoreboard.periods(grain).stream().limit(PeriodRange.DEFAULT_PERIODS)
                        .toList()) {
                    DashboardFilter city = new DashboardFilter(grain, null, period, null, null, null, null);
                    assertThat(firstViewAnswers(warm, city)).as("city view of %s", city)
                            .isEqualTo(firstViewAnswers(cold, city));
                    for (String department : cold.options.departments(grain, period)) {
                        DashboardFilter filter = city.withDepartment(department);
                        assertThat(firstViewAnswers(warm, filter)).as("view of %s", filter)
                                .isEqualTo(firstViewAnswers(cold, filter));
                        views++;
                    }
                }
            }
            assertThat(views).isEqualTo(summary.departmentViews());
            // and none of those questions needed an answer that warming had not kept
            assertThat(warm.answers.size()).as("answers computed by the views after warming").isEqualTo(kept);

            // and the kept answers still show a department head only their own department
            SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("head", null,
                    "ROLE_DEPARTMENT_HEAD", "DEPARTMENT:SAN"));
            LocalDate month = cold.scoreboard.periods(Grain.MONTH).getFirst();
            assertThat(warm.options.departments(Grain.MONTH, month)).containsExactly("SAN");
            assertThat(warm.departments.byDepartment(Grain.MONTH, month)).extracting(DepartmentBreakdown.Line::value)
                    .containsExactly("SAN");
            DashboardFilter otherDepartment = new DashboardFilter(Grain.MONTH, null, month, "HPD", null, null, null);
            assertThatThrownBy(() -> warm.departments.byService(otherDepartment.range(), "HPD"))
                    .isInstanceOf(DepartmentNotAllowedException.class);
            assertThatThrownBy(() -> warm.scoreboard.load(otherDepartment.range(), otherDepartment.slice()))
                    .isInstanceOf(DepartmentNotAllowedException.class);
            anAnalystIsLoggedIn();
        }
    }

    /**
     * What the city view (CityOverviewView) or a department's view (DepartmentView) of a filter asks of the
     * services whose answers are kept.
     */
    private static List<Object> firstViewAnswers(Queries q, DashboardFilter filter) {
        Grain grain = filter.grain();
        LocalDate period = filter.period();
        PeriodRange range = filter.range();
        List<Object> answers = new ArrayList<>(List.of(q.scoreboard.periods(grain),
                q.options.departments(grain, period), q.options.channels(grain, period),
                q.options.districts(grain, period), q.scoreboard.load(range, filter.slice())));
        if (filter.department() == null) {
            answers.add(q.departments.byDepartment(grain, period));
        } else {
            answers.addAll(List.of(q.options.services(grain, period, filter.department()),
                    q.departments.byService(range, filter.department()),
                    q.departments.channelMix(range, filter.department()),
                    q.departments.byDistrict(range, filter.department())));
        }
        return answers;
    }

    @Test
    void theFilterOptionsListTheSameValuesInTheSameOrderOnPostgresAsOnH2() {
        for (Grain grain : Grain.values()) {
            for (LocalDate period : h2.scoreboard.periods(grain)) {
                List<String> departments = same("departments of " + grain + " " + period,
                        q -> q.options.departments(grain, period));
                assertThat(departments).isNotEmpty();
                same("channels of " + grain + " " + period, q -> q.options.channels(grain, period));
                same("districts of " + grain + " " + period, q -> q.options.districts(grain, period));
                for (String department : CitySample.SERVICES.keySet()) {
                    same("services of " + department + " in " + grain + " " + period,
                            q -> q.options.services(grain, period, department));
                }
            }
        }
        LocalDate month = h2.scoreboard.periods(Grain.MONTH).getFirst();
        assertThat(h2.options.departments(Grain.MONTH, month)).hasSize(CitySample.SERVICES.size());
        assertThat(h2.options.districts(Grain.MONTH, month)).hasSameSizeAs(CitySample.DISTRICTS);
        assertThat(h2.options.services(Grain.MONTH, month, "NYPD")).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void theSurveyCommentsReadTheSameOnPostgresAsOnH2() {
        List<String> languages = same("comment languages", q -> q.comments.languages());
        assertThat(languages).containsExactly("en", "es");

        int shown = 0;
        for (CommentFilter selection : CitySample.commentSelections(filters)) {
            shown += same("latest comments of " + selection, q -> q.comments.latest(selection, 50)).size();
            same("comment count of " + selection, q -> q.comments.count(selection));
        }
        var everything = same("every comment", q -> q.comments.latest(CommentFilter.everything(), 10_000));
        assertThat(everything).hasSize(CitySample.commentCount());
        assertThat(shown).as("comments shown").isGreaterThan(200);
    }

    @Test
    void theNightlyExportStreamsTheSameRowsInTheSameOrderOnPostgresAsOnH2() {
        LocalDate from = LocalDate.of(2026, 9, 3);
        LocalDate to = LocalDate.of(2026, 9, 21);
        List<Optional<Grain>> grains = new ArrayList<>(List.of(Optional.empty()));
        Stream.of(Grain.values()).map(Optional::of).forEach(grains::add);
        for (Optional<Grain> grain : grains) {
            for (List<Optional<LocalDate>> window : List.<List<Optional<LocalDate>>>of(
                    List.of(Optional.empty(), Optional.empty()), List.of(Optional.of(from), Optional.of(to)),
                    List.of(Optional.of(from), Optional.empty()))) {
                String csv = same("export of " + grain + " " + window, q -> {
                    StringWriter out = new StringWriter();
                    KpiCsv writer = new KpiCsv(out);
                    q.results.forEachInExportOrder(grain, window.get(0), window.get(1), writer::write);
                    writer.flush();
                    return out.toString();
                });
                assertThat(csv.lines().count()).as("rows of %s %s", grain, window).isGreaterThan(1_000);
            }
        }
    }

    /** Runs a query on both databases and insists on the same answer; returns it for checks of its own. */
    static <T> T same(String what, Function<Queries, T> query) {
        T onH2 = query.apply(h2);
        T onPostgres = query.apply(postgres);
        assertThat(onPostgres).as(what).isEqualTo(onH2);
        return onH2;
    }

    static HikariDataSource pool(String url, String user) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword("");
        config.setMaximumPoolSize(3);
        return new HikariDataSource(config);
    }

    /** The migrations the application runs, for the vendor Spring Boot would put in {@code {vendor}}. */
    static void migrate(DataSource dataSource, String vendor) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .load()
                .migrate();
    }

    static void collateLinguistically(DataSource dataSource) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        List<String> available = jdbc.sql("SELECT collname FROM pg_collation").query(String.class).list();
        String collation = LINGUISTIC_COLLATIONS.stream().filter(available::contains).findFirst()
                .orElseThrow(() -> new IllegalStateException("The PostgreSQL server has none of the collations "
                        + LINGUISTIC_COLLATIONS + " this test sorts text with; a server built with ICU has them"));
        for (var column : jdbc.sql("""
                SELECT table_name, column_name, character_maximum_length FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name IN ('kpi_result', 'survey_comment')
                AND data_type = 'character varying'""")
                .query((rs, i) -> List.of(rs.getString(1), rs.getString(2),
                        rs.getObject(3) == null ? "" : "(" + rs.getInt(3) + ")"))
                .list()) {
            jdbc.sql("ALTER TABLE " + column.get(0) + " ALTER COLUMN " + column.get(1) + " TYPE VARCHAR"
                    + column.get(2) + " COLLATE \"" + collation + "\"").update();
        }
    }

    /** The dashboard's query services over one database, built with their public constructors. */
    static final class Queries {

        final DataSource dataSource;
        final TransactionTemplate transaction;
        final KpiResultRepository results;
        final Scoreboard scoreboard;
        final CityScoreboard city;
        final RunHealth health;
        final BreakdownQueries breakdowns;
        final DepartmentBreakdown departments;
        final TopicData topics;
        final FilteredExport export;
        final FilterOptions options;
        final SurveyCommentRepository comments;
        final PublishedAnswers answers;

        Queries(DataSource dataSource) {
            this.dataSource = dataSource;
            DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
            this.transaction = new TransactionTemplate(transactions);
            this.results = new KpiResultRepository(dataSource, transactions);
            // One per database, as the application has one.
            this.answers = new PublishedAnswers(dataSource);
            this.scoreboard = new Scoreboard(results, answers);
            this.city = new CityScoreboard(results, CitySample.PROPERTIES);
            Clock clock = Clock.fixed(CitySample.SECOND_PUBLISHED.plusSeconds(6 * 3600), ZoneOffset.UTC);
            this.health = new RunHealth(results, dataSource,
                    new StaticListableBeanFactory(Map.of("clock", clock)).getBeanProvider(Clock.class));
            this.breakdowns = new BreakdownQueries(dataSource, answers);
            this.departments = new DepartmentBreakdown(breakdowns, results);
            this.topics = new TopicData(results, breakdowns);
            this.export = new FilteredExport(dataSource);
            this.options = new FilterOptions(dataSource, answers);
            this.comments = new SurveyCommentRepository(dataSource);
        }
    }

    /**
     * A seeded city: five departments with their services, six channels and six districts, every grain over about a
     * year, published by two nightly runs (the second replacing the periods the two share) and a third that failed.
     * Codes mix case, digits, spaces and punctuation, as feeds write them, so an order that depends on the collation
     * shows. Values are drawn once, so both databases get exactly the same rows.
     */
    static final class CitySample {

        static final Map<String, List<String>> SERVICES = services();
        static final List<String> CHANNELS = List.of("PHONE", "WEB", "MOBILE_APP", "WALK_IN", "EMAIL", "CHAT");
        static final List<String> QUEUED = List.of("PHONE", "WALK_IN", "CHAT");
        static final List<String> DISTRICTS = List.of("CD03", "cd10", "CD1", "cd_02", "CD-07", "CD12");
        /** A department the feeds first name in March 2026: older periods have no results for it. */
        static final String NEW_DEPARTMENT = "dep";
        static final LocalDate NEW_DEPARTMENT_FROM = LocalDate.of(2026, 3, 1);
        /** A night the run did not publish: a gap in every daily trend. */
        static final LocalDate MISSED_DAY = LocalDate.of(2026, 9, 20);
        static final LocalDate FIRST_DAY = LocalDate.of(2025, 7, 1);
        static final LocalDate LAST_DAY = LocalDate.of(2026, 9, 30);
        static final LocalDate SECOND_RUN_FROM = LocalDate.of(2026, 9, 16);
        static final Instant FIRST_PUBLISHED = Instant.parse("2026-09-16T06:12:08.250113Z");
        static final Instant SECOND_PUBLISHED = Instant.parse("2026-10-01T06:05:33.123456Z");

        static final List<CivicPulseProperties.Target> TARGETS = List.of(
                new CivicPulseProperties.Target("ON_TIME_RATE", 0.85, null, null, 2),
                new CivicPulseProperties.Target("ON_TIME_RATE", 0.9, "SAN", null, 2),
                new CivicPulseProperties.Target("CSAT_MEAN", 4.0, null, null, 1),
                new CivicPulseProperties.Target("WAIT_MEDIAN_SECONDS", 120, null, null, 1),
                new CivicPulseProperties.Target("WAIT_MEDIAN_SECONDS", 60, null, "PHONE", 1),
                new CivicPulseProperties.Target("WAIT_MEDIAN_SECONDS", 45, "NYPD", "PHONE", 1),
                new CivicPulseProperties.Target("ABANDON_RATE", 0.08, null, null, 0.5),
                new CivicPulseProperties.Target("NPS", 20, null, null, 1),
                new CivicPulseProperties.Target("FCR_RATE", 0.6, null, null, 1),
                // A target of zero: meets_target is given, but there is no score (kpis.md).
                new CivicPulseProperties.Target("BACKLOG_OVERDUE", 0, null, null, 1));

        static final CivicPulseProperties PROPERTIES = new CivicPulseProperties(Path.of("data"),
                new CivicPulseProperties.City(CITY), new CivicPulseProperties.Privacy(10, List.of("ADMIN")),
                new CivicPulseProperties.Ingest(0.05), new CivicPulseProperties.KpiSettings(null, List.of(), TARGETS),
                new CivicPulseProperties.Spark("local[2]", 4, null));

        static final int MIN_CELL_SIZE = 10;

        private static final List<KpiRow> FIRST_RUN = new ArrayList<>();
        private static final List<KpiRow> SECOND_RUN = new ArrayList<>();
        private static final List<SurveyComment> FIRST_COMMENTS = new ArrayList<>();
        private static final List<SurveyComment> SECOND_COMMENTS = new ArrayList<>();

        private static Map<String, List<String>> services() {
            Map<String, List<String>> services = new LinkedHashMap<>();
            services.put("SAN", List.of("Missed Collection", "bulky_item", "Dead Animal", "UNKNOWN"));
            services.put("HPD", List.of("Door_Window", "Heat/Hot Water", "PLUMBING", "paint-plaster"));
            services.put("NYPD", List.of("NOISE-RES", "Noise - Street/Sidewalk", "noise_vehicle", "Illegal Parking"));
            services.put("DOT", List.of("Pothole", "STREETLIGHT_OUT", "street-sign2", "Street Sign10"));
            services.put(NEW_DEPARTMENT, List.of("Water Leak", "hydrant", "Sewer_Backup"));
            return services;
        }

        static List<String> departmentsAndCity() {
            List<String> departments = new ArrayList<>(SERVICES.keySet());
            departments.add(Slice.ALL);
            return departments;
        }

        /** Every period that has results, oldest first. */
        static List<LocalDate> periods(Grain grain) {
            LocalDate first = switch (grain) {
                case DAY -> LocalDate.of(2026, 9, 14);
                case WEEK -> grain.periodStart(LAST_DAY).minusWeeks(15);
                case MONTH -> LocalDate.of(2025, 10, 1);
                case QUARTER -> FIRST_DAY;
            };
            List<LocalDate> periods = new ArrayList<>();
            for (LocalDate start = first; !start.isAfter(LAST_DAY); start = grain.nextPeriodStart(start)) {
                if (!(grain == Grain.DAY && start.equals(MISSED_DAY))) {
                    periods.add(start);
                }
            }
            return periods;
        }

        static void publishInto(Queries database) {
            database.transaction.executeWithoutResult(status -> {
                long id = database.results.publish(new NewPublication(1, FIRST_DAY, SECOND_RUN_FROM.minusDays(1),
                        "/srv/feeds", "v1"), FIRST_RUN.iterator()).publicationId();
                database.comments.publish(id, LocalDate.of(2026, 7, 1), SECOND_RUN_FROM.minusDays(1),
                        FIRST_COMMENTS.iterator());
            });
            database.transaction.executeWithoutResult(status -> {
                long id = database.results.publish(new NewPublication(2, SECOND_RUN_FROM, LAST_DAY, "/srv/feeds",
                        "v2"), SECOND_RUN.iterator()).publicationId();
                database.comments.publish(id, SECOND_RUN_FROM, LAST_DAY, SECOND_COMMENTS.iterator());
            });
            // A run stamps its publication with the wall clock; both databases must hold the same instants.
            JdbcClient jdbc = JdbcClient.create(database.dataSource);
            jdbc.sql("UPDATE kpi_publication SET published_at = ? WHERE job_execution_id = 1")
                    .param(OffsetDateTime.ofInstant(FIRST_PUBLISHED, ZoneOffset.UTC)).update();
            jdbc.sql("UPDATE kpi_publication SET published_at = ? WHERE job_execution_id = 2")
                    .param(OffsetDateTime.ofInstant(SECOND_PUBLISHED, ZoneOffset.UTC)).update();
            PublishedResults batch = new PublishedResults(jdbc);
            batch.batchRun(1, "COMPLETED");
            batch.batchRun(2, "COMPLETED");
            batch.batchRun(3, "FAILED");
        }

        /**
         * The filters the views are asked for: every grain, its newest and an older period, the default range and
         * chosen ones (one reaching before the first results, one starting after the period), and a slice of
         * every kind with codes that sort differently by collation.
         */
        static List<DashboardFilter> filters(Scoreboard scoreboard) {
            List<DashboardFilter> filters = new ArrayList<>();
            for (Grain grain : Grain.values()) {
                List<LocalDate> periods = scoreboard.periods(grain);
                assertThat(periods).as("periods of %s", grain).hasSizeGreaterThan(3);
                for (LocalDate period : List.of(periods.getFirst(), periods.get(periods.size() / 2))) {
                    List<LocalDate> froms = new ArrayList<>();
                    froms.add(null);
                    froms.add(periods.getLast().minusDays(40));
                    froms.add(periods.get(2));
                    for (LocalDate from : froms) {
                        // A chosen range changes which periods are read, not how a slice is: a few slices suffice.
                        for (List<String> slice : from == null ? SLICES : SLICES.subList(0, 4)) {
                            filters.add(new DashboardFilter(grain, from, period, slice.get(0), slice.get(1),
                                    slice.get(2), slice.get(3)));
                        }
                    }
                }
            }
            return filters;
        }

        private static final List<List<String>> SLICES = List.of(
                slice(null, null, null, null),
                slice("SAN", null, null, null),
                slice(NEW_DEPARTMENT, null, null, null),
                slice("NYPD", null, null, null),
                slice("HPD", "Door_Window", null, null),
                slice("NYPD", "Noise - Street/Sidewalk", null, null),
                slice(null, null, "PHONE", null),
                slice("SAN", null, "WEB", null),
                slice(null, null, null, "cd10"),
                slice(null, null, null, "cd_02"),
                slice("HPD", null, null, "CD03"),
                // Not a published slice: a channel and a district are never fixed together, so it reads the channel.
                slice(null, null, "CHAT", "CD-07"));

        private static List<String> slice(String department, String service, String channel, String district) {
            List<String> values = new ArrayList<>();
            values.add(department);
            values.add(service);
            values.add(channel);
            values.add(district);
            return values;
        }

        /** The comment selections of the satisfaction view for the filters, in every CSAT band and language. */
        static List<CommentFilter> commentSelections(List<DashboardFilter> filters) {
            Set<CommentFilter> selections = new LinkedHashSet<>();
            for (DashboardFilter filter : filters) {
                DashboardFilter slice = filter.normalized();
                LocalDate to = filter.grain().nextPeriodStart(slice.period()).minusDays(1);
                for (CsatBand band : CsatBand.values()) {
                    for (String language : Stream.of(null, "en", "es").toList()) {
                        selections.add(new CommentFilter(slice.department(), slice.service(), slice.channel(),
                                slice.district(), slice.period(), to, band.min(), band.max(), language));
                    }
                }
            }
            selections.add(CommentFilter.everything());
            selections.add(CommentFilter.everything().withLanguage("es"));
            selections.add(CommentFilter.everything().withCsat(1, 2));
            return List.copyOf(selections);
        }

        static int commentCount() {
            return FIRST_COMMENTS.size() + SECOND_COMMENTS.size();
        }

        // ---- the rows of one period, as the nightly run computes them ----

        private static List<KpiRow> rows(Grain grain, LocalDate period, int run) {
            Random random = new Random(31L * (31L * grain.ordinal() + period.toEpochDay()) + run);
            double scale = switch (grain) {
                case DAY -> 40;
                case WEEK -> 280;
                case MONTH -> 1_200;
                case QUARTER -> 3_600;
            };
            List<KpiRow> rows = new ArrayList<>();
            for (SliceKey slice : slices(period, random)) {
                double factor = switch (slice.slice()) {
                    case CITY -> 1;
                    case DEPARTMENT, CHANNEL, DISTRICT -> 0.18;
                    case DEPARTMENT_SERVICE, DEPARTMENT_CHANNEL, DEPARTMENT_DISTRICT -> 0.04;
                };
                rows.addAll(sliceRows(grain, period, slice, scale * factor * (0.5 + random.nextDouble()), random));
            }
            return rows;
        }

        private static List<SliceKey> slices(LocalDate period, Random random) {
            List<SliceKey> slices = new ArrayList<>();
            slices.add(SliceKey.CITY);
            SERVICES.forEach((department, services) -> {
                if (department.equals(NEW_DEPARTMENT) && period.isBefore(NEW_DEPARTMENT_FROM)) {
                    return;
                }
                slices.add(SliceKey.department(department));
                for (String service : services) {
                    if (random.nextDouble() < 0.85) {
                        slices.add(new SliceKey(department, service, null, null));
                    }
                }
                for (String channel : CHANNELS) {
                    if (random.nextDouble() < 0.6) {
                        slices.add(new SliceKey(department, null, channel, null));
                    }
                }
                for (String district : DISTRICTS) {
                    if (random.nextDouble() < 0.5) {
                        slices.add(new SliceKey(department, null, null, district));
                    }
                }
            });
            for (String channel : CHANNELS) {
                if (!channel.equals("EMAIL") || random.nextDouble() < 0.7) {
                    slices.add(new SliceKey(null, null, channel, null));
                }
            }
            for (String district : DISTRICTS) {
                slices.add(new SliceKey(null, null, null, district));
            }
            return slices;
        }

        private static List<KpiRow> sliceRows(Grain grain, LocalDate period, SliceKey slice, double volume,
                Random random) {
            List<Measured> measured = new ArrayList<>();
            boolean surveysOnly = slice.service().equals("UNKNOWN");
            if (slice.slice() != Slice.DEPARTMENT_SERVICE) {
                contacts(slice, volume, random, measured);
            }
            if (!surveysOnly) {
                cases(volume, random, measured);
            }
            surveys(volume, random, measured);

            List<KpiRow> rows = new ArrayList<>();
            double weighted = 0;
            double weights = 0;
            int scores = 0;
            for (Measured m : measured) {
                boolean suppressed = m.sampleSize < MIN_CELL_SIZE
                        && (m.kpi.isSurvey() || slice.slice().hasDistrict());
                CivicPulseProperties.Target target = target(m.kpi, slice);
                Boolean meets = null;
                Double score = null;
                if (target != null) {
                    meets = m.kpi.better() == Better.HIGHER ? m.value >= target.value() : m.value <= target.value();
                    if (target.value() > 0) {
                        double raw = m.kpi.better() == Better.HIGHER ? m.value / target.value()
                                : m.value == 0 ? 1.25 : target.value() / m.value;
                        score = Math.max(0, Math.min(1.25, raw));
                    }
                }
                if (score != null && !suppressed) {
                    weighted += target.weight() * score;
                    weights += target.weight();
                    scores++;
                }
                rows.add(new KpiRow(m.kpi, grain, period, slice.department(), slice.service(), slice.channel(),
                        slice.district(), suppressed ? null : m.value, suppressed ? null : m.numerator,
                        suppressed ? null : m.denominator, m.sampleSize, target == null ? null : target.value(),
                        suppressed ? null : meets, suppressed ? null : score, suppressed));
            }
            if (scores > 0) {
                double experience = weighted / weights;
                rows.add(new KpiRow(Kpi.EXPERIENCE_SCORE, grain, period, slice.department(), slice.service(),
                        slice.channel(), slice.district(), experience, null, null, scores, 1.0, experience >= 1.0,
                        null, false));
            }
            return rows;
        }

        private record Measured(Kpi kpi, double value, Long numerator, Long denominator, long sampleSize) {

            static Measured count(Kpi kpi, long count) {
                return new Measured(kpi, count, null, null, count);
            }

            static Measured measure(Kpi kpi, double value, long sampleSize) {
                return new Measured(kpi, value, null, null, sampleSize);
            }

            static Measured rate(Kpi kpi, long numerator, long denominator) {
                return new Measured(kpi, (double) numerator / denominator, numerator, denominator, denominator);
            }
        }

        private static void contacts(SliceKey slice, double volume, Random random, List<Measured> out) {
            long contacts = Math.round(volume * 1.6) + 1;
            out.add(Measured.count(Kpi.CONTACTS, contacts));
            boolean byChannel = slice.slice().hasChannel();
            if (byChannel) {
                out.add(Measured.rate(Kpi.CHANNEL_SHARE, contacts, contacts + Math.round(contacts * 4
                        * random.nextDouble())));
            } else {
                out.add(Measured.rate(Kpi.DIGITAL_SHARE, Math.round(contacts * (0.3 + 0.3 * random.nextDouble())),
                        contacts));
            }
            long queued = byChannel ? (QUEUED.contains(slice.channel()) ? contacts : 0)
                    : Math.round(contacts * 0.55);
            if (queued == 0) {
                return;
            }
            long abandoned = Math.round(queued * 0.12 * random.nextDouble());
            long answered = queued - abandoned;
            if (answered > 0) {
                // Whole seconds half the time: equal medians across slices, as small samples give.
                double median = "WALK_IN".equals(slice.channel()) ? 300 + 900 * random.nextDouble()
                        : 15 + 150 * random.nextDouble();
                median = random.nextBoolean() ? Math.rint(median) : median;
                out.add(Measured.measure(Kpi.WAIT_MEDIAN_SECONDS, median, answered));
                out.add(Measured.measure(Kpi.WAIT_P90_SECONDS, median * (2 + random.nextDouble()), answered));
            }
            if (!byChannel || QUEUED.contains(slice.channel())) {
                out.add(Measured.rate(Kpi.SERVICE_LEVEL, Math.round(answered * (0.6 + 0.4 * random.nextDouble())),
                        queued));
            }
            out.add(Measured.rate(Kpi.ABANDON_RATE, abandoned, queued));
        }

        private static void cases(double volume, Random random, List<Measured> out) {
            long opened = Math.max(1, Math.round(volume));
            long closed = Math.round(opened * (0.85 + 0.2 * random.nextDouble()));
            out.add(Measured.count(Kpi.CASES_OPENED, opened));
            if (closed > 0) {
                out.add(Measured.count(Kpi.CASES_CLOSED, closed));
            }
            long counted = closed - Math.round(closed * 0.05 * random.nextDouble());
            if (counted > 0) {
                double median = 2 + 118 * random.nextDouble();
                out.add(Measured.measure(Kpi.CLOSE_MEDIAN_HOURS, median, counted));
                out.add(Measured.measure(Kpi.CLOSE_P90_HOURS, median * (2.5 + random.nextDouble()), counted));
                long withDue = counted - Math.round(counted * 0.1 * random.nextDouble());
                if (withDue > 0) {
                    out.add(Measured.rate(Kpi.ON_TIME_RATE, Math.round(withDue * (0.6 + 0.4 * random.nextDouble())),
                            withDue));
                }
                out.add(Measured.rate(Kpi.RESOLUTION_RATE, Math.round(counted * (0.7 + 0.3 * random.nextDouble())),
                        counted));
                out.add(Measured.rate(Kpi.REOPEN_RATE, Math.round(counted * 0.08 * random.nextDouble()), counted));
            }
            long fcrGiven = Math.round(opened * 0.4);
            if (fcrGiven > 0) {
                out.add(Measured.rate(Kpi.FCR_RATE, Math.round(fcrGiven * (0.4 + 0.4 * random.nextDouble())),
                        fcrGiven));
            }
            long backlog = Math.round(opened * 0.6 * random.nextDouble());
            if (backlog > 0) {
                out.add(Measured.count(Kpi.BACKLOG_OPEN, backlog));
                long overdue = random.nextInt(4) == 0 ? 0 : Math.round(backlog * 0.3 * random.nextDouble());
                out.add(new Measured(Kpi.BACKLOG_OVERDUE, overdue, null, null, backlog));
            }
        }

        private static void surveys(double volume, Random random, List<Measured> out) {
            long responses = Math.round(volume * 0.3 * random.nextDouble());
            if (responses == 0) {
                return;
            }
            out.add(Measured.count(Kpi.SURVEY_RESPONSES, responses));
            long withCsat = responses - Math.round(responses * 0.1 * random.nextDouble());
            if (withCsat > 0) {
                long satisfied = Math.round(withCsat * (0.4 + 0.5 * random.nextDouble()));
                long points = satisfied * 4 + Math.round(satisfied * random.nextDouble())
                        + (withCsat - satisfied) * (1 + random.nextInt(3));
                out.add(Measured.measure(Kpi.CSAT_MEAN, (double) points / withCsat, withCsat));
                out.add(Measured.rate(Kpi.CSAT_SATISFIED, satisfied, withCsat));
            }
            long withNps = responses - Math.round(responses * 0.2 * random.nextDouble());
            if (withNps > 0) {
                long promoters = Math.round(withNps * 0.5 * random.nextDouble());
                long detractors = Math.round((withNps - promoters) * random.nextDouble());
                out.add(Measured.measure(Kpi.NPS, 100.0 * (promoters - detractors) / withNps, withNps));
                out.add(Measured.measure(Kpi.CES_MEAN, 3 + 4 * random.nextDouble(), withNps));
            }
        }

        /** The most specific matching target: department and channel, department, channel, the KPI alone. */
        private static CivicPulseProperties.Target target(Kpi kpi, SliceKey slice) {
            CivicPulseProperties.Target best = null;
            int bestRank = -1;
            for (CivicPulseProperties.Target target : TARGETS) {
                boolean matches = target.kpi().equals(kpi.name())
                        && (target.department() == null || target.department().equals(slice.department()))
                        && (target.channel() == null || target.channel().equals(slice.channel()));
                int rank = (target.department() != null ? 2 : 0) + (target.channel() != null ? 1 : 0);
                if (matches && rank > bestRank) {
                    best = target;
                    bestRank = rank;
                }
            }
            return best;
        }

        // ---- survey comments ----

        private static final List<String> ENGLISH = List.of(
                "Very happy with how fast the crew came out.",
                "The person who helped me was friendly and knew exactly what to do.",
                "OK service. The website could be easier to use.",
                "Nobody called back. Reach me at jane.doe@example.org or 212-555-0147.",
                "Third time reporting the same pothole at 125 Main Street, still not fixed.",
                "Fixed within a day. Impressed, much better than last time.");
        private static final List<String> SPANISH = List.of(
                "La persona que me atendió fue muy amable y resolvió todo en la llamada.",
                "Tuve que esperar bastante en el teléfono.",
                "Regular. La página web es confusa.",
                "Fue fácil reportarlo por la aplicación, muchas gracias.",
                "Nadie me llamó; escríbanme a maria.lopez@example.com, ¡por favor!",
                "El problema se arregló en un día, pero tardaron más de lo esperado.");

        private static void comments(LocalDate from, LocalDate to, List<SurveyComment> out) {
            Random random = new Random(from.toEpochDay());
            List<String> departments = new ArrayList<>(SERVICES.keySet());
            int sequence = 0;
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                int perDay = 2 + random.nextInt(3);
                for (int i = 0; i < perDay; i++) {
                    sequence++;
                    String department = departments.get(random.nextInt(departments.size()));
                    List<String> services = SERVICES.get(department);
                    Instant submitted = day.atTime(LocalTime.ofSecondOfDay(random.nextInt(86_400))
                            .withNano(random.nextInt(1_000_000) * 1_000)).atZone(CITY).toInstant();
                    boolean spanish = random.nextInt(10) < 3;
                    String language = random.nextInt(20) == 0 ? null : spanish ? "es" : "en";
                    String text = (spanish ? SPANISH : ENGLISH).get(random.nextInt(6));
                    String id = "SV-%s-%06d".formatted(day.toString().replace("-", ""), sequence);
                    out.add(comment(id, submitted, department, services.get(random.nextInt(services.size())),
                            CHANNELS.get(random.nextInt(CHANNELS.size())),
                            DISTRICTS.get(random.nextInt(DISTRICTS.size())), random, language, text));
                    if (sequence % 9 == 0) {
                        // The kiosks submit with their own ids, sometimes in the same microsecond as the web form:
                        // "newest first" then falls back on the response id.
                        out.add(comment("kiosk_%s_%04d".formatted(day, sequence), submitted, department,
                                services.getFirst(), "WALK_IN", DISTRICTS.get(sequence % DISTRICTS.size()), random,
                                language, text));
                    }
                }
            }
        }

        private static SurveyComment comment(String id, Instant submitted, String department, String service,
                String channel, String district, Random random, String language, String text) {
            Integer csat = random.nextInt(10) == 0 ? null : 1 + random.nextInt(5);
            Integer nps = random.nextInt(8) == 0 ? null : random.nextInt(11);
            Integer ces = random.nextInt(5) == 0 ? null : 1 + random.nextInt(7);
            return new SurveyComment(id, submitted, submitted.atZone(CITY).toLocalDate(), department, service,
                    channel, district, csat, nps, ces, language, text);
        }

        // Last, so that every list the rows and comments are drawn from is set.
        static {
            for (Grain grain : Grain.values()) {
                for (LocalDate period : periods(grain)) {
                    if (!period.isAfter(grain.periodStart(SECOND_RUN_FROM.minusDays(1)))) {
                        FIRST_RUN.addAll(rows(grain, period, 1));
                    }
                    if (!period.isBefore(grain.periodStart(SECOND_RUN_FROM))) {
                        SECOND_RUN.addAll(rows(grain, period, 2));
                    }
                }
            }
            comments(LocalDate.of(2026, 7, 1), SECOND_RUN_FROM.minusDays(1), FIRST_COMMENTS);
            comments(SECOND_RUN_FROM, LAST_DAY, SECOND_COMMENTS);
        }

        private CitySample() {
        }
    }
}
