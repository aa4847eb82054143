package io.civicpulse.dashboard.warming;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import io.civicpulse.dashboard.department.DepartmentBreakdown;
import io.civicpulse.dashboard.filter.DashboardFilter;
import io.civicpulse.dashboard.filter.FilterOptions;
import io.civicpulse.dashboard.filter.PeriodRange;
import io.civicpulse.dashboard.publication.PublishedAnswers;
import io.civicpulse.dashboard.scoreboard.Scoreboard;
import io.civicpulse.kpi.Grain;
import io.civicpulse.kpi.SliceKey;

/**
 * Asks, once per publication, the questions the first views after it would ask, so their answers are kept
 * ({@link PublishedAnswers}) before anyone waits for them: for every grain, its newest periods (by default the
 * {@value PeriodRange#DEFAULT_PERIODS} a default range's trends show, which are the periods a person reaches by
 * clicking a trend), the city scoreboard and every department's view, each with the default range. It goes through
 * the views' own services, so the kept answers are exactly those the views would compute (the same keys, the same
 * queries).
 * <p>
 * The services apply the viewer's scope, so the questions are asked as a viewer who sees every department, on the
 * warming thread only. That is safe because only answers that do not depend on the viewer are kept: every view
 * applies its own viewer's scope when it reads them (see {@link PublishedAnswers}).
 * <p>
 * Plain and synchronous: {@link AnswerWarmingSchedule} decides when, on its own thread.
 */
public class AnswerWarming {

    /** What one warming did: the publication, how many views' answers were asked for and how long it took. */
    public record Summary(long publication, int periods, int cityViews, int departmentViews, int answers,
            Duration took, boolean complete) {
    }

    static final String WARMING_USER = "civicpulse-answer-warming";

    private static final Logger log = LoggerFactory.getLogger(AnswerWarming.class);

    private final Scoreboard scoreboard;
    private final FilterOptions options;
    private final DepartmentBreakdown breakdown;
    private final PublishedAnswers answers;

    public AnswerWarming(Scoreboard scoreboard, FilterOptions options, DepartmentBreakdown breakdown,
            PublishedAnswers answers) {
        this.scoreboard = scoreboard;
        this.options = options;
        this.breakdown = breakdown;
        this.answers = answers;
    }

    /**
     * Asks the first views' questions about the newest publication, newest periods first, until done or until
     * {@code maxDuration} has passed or another publication has appeared (its own warming then starts over).
     *
     * @param periodsPerGrain how many of each grain's newest periods
     */
    public Summary warm(int periodsPerGrain, Duration maxDuration) {
        long start = System.nanoTime();
        long deadline = start + maxDuration.toNanos();
        long publication = answers.newestPublication();
        int answersBefore = (int) answers.size();
        int periods = 0;
        int cityViews = 0;
        int departmentViews = 0;
        boolean complete = publication != PublishedAnswers.NONE;
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(seesEveryDepartment());
        try {
            // Newest periods of every grain first: most people open the newest month, week, quarter or day.
            int index = 0;
            while (complete && index < periodsPerGrain) {
                boolean anyPeriod = false;
                for (Grain grain : Grain.values()) {
                    List<LocalDate> newest = scoreboard.periods(grain);
                    if (index >= newest.size()) {
                        continue;
                    }
                    anyPeriod = true;
                    if (System.nanoTime() > deadline || answers.newestPublication() != publication) {
                        complete = false;
                        break;
                    }
                    int departments = warmPeriod(grain, newest.get(index));
                    periods++;
                    cityViews++;
                    departmentViews += departments;
                }
                if (!anyPeriod) {
                    break;
                }
                index++;
            }
        } finally {
            SecurityContextHolder.setContext(previous);
        }
        Summary summary = new Summary(publication, periods, cityViews, departmentViews,
                (int) answers.size() - answersBefore, Duration.ofNanos(System.nanoTime() - start), complete);
        log.debug("{}", summary);
        return summary;
    }

    /** The city's view and every department's view of one period with the default range; the departments' count. */
    private int warmPeriod(Grain grain, LocalDate period) {
        DashboardFilter city = new DashboardFilter(grain, null, period, null, null, null, null);
        PeriodRange range = city.range();
        // The city scoreboard: its KPIs with their trends, the departments' table, the filters' choices.
        scoreboard.load(range, SliceKey.CITY);
        breakdown.byDepartment(grain, period);
        options.channels(grain, period);
        options.districts(grain, period);
        List<String> departments = options.departments(grain, period);
        for (String department : departments) {
            // A department's view: its KPIs with their trends, its services, channels and districts.
            DashboardFilter filter = city.withDepartment(department);
            options.services(grain, period, department);
            scoreboard.load(range, filter.slice());
            breakdown.byService(range, department);
            breakdown.channelMix(range, department);
            breakdown.byDistrict(range, department);
        }
        return departments.size();
    }

    /** An analyst's view of the results, which takes in every department, for the warming thread alone. */
    private static SecurityContext seesEveryDepartment() {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(WARMING_USER, null,
                List.of(new SimpleGrantedAuthority("ROLE_ANALYST"))));
        return context;
    }
}
