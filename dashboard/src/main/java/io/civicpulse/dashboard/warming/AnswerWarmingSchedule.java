package io.civicpulse.dashboard.warming;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import io.civicpulse.dashboard.department.DepartmentBreakdown;
import io.civicpulse.dashboard.filter.FilterOptions;
import io.civicpulse.dashboard.filter.PeriodRange;
import io.civicpulse.dashboard.publication.PublishedAnswers;
import io.civicpulse.dashboard.scoreboard.Scoreboard;
import io.civicpulse.run.RunFinished;

import jakarta.annotation.PreDestroy;

/**
 * When the answers are warmed ({@link AnswerWarming}): once the dashboard has started, right after a run of this
 * dashboard has finished, and when a check every {@code poll} finds a publication it has not warmed (a run of the
 * batch command line publishes into the same database without telling the dashboard). One background thread does
 * it, one publication at a time; views are served meanwhile as without it, and a view that asks a question the
 * thread is answering at that moment waits for that answer instead of computing it a second time.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AnswerWarmingSchedule.Settings.class)
public class AnswerWarmingSchedule {

    /**
     * Settings under {@code civicpulse.dashboard.answer-warming}.
     *
     * @param enabled whether to warm at all
     * @param periods how many of each grain's newest periods
     * @param poll how often to look for a publication made by another process
     * @param maxDuration when to give up on one publication's warming (views then compute what is left, as always)
     */
    @ConfigurationProperties("civicpulse.dashboard.answer-warming")
    record Settings(@DefaultValue("true") boolean enabled, @DefaultValue("" + PeriodRange.DEFAULT_PERIODS) int periods,
            @DefaultValue("1m") Duration poll, @DefaultValue("10m") Duration maxDuration) {
    }

    private static final Logger log = LoggerFactory.getLogger(AnswerWarmingSchedule.class);

    private final AnswerWarming warming;
    private final PublishedAnswers answers;
    private final Settings settings;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> Thread
            .ofPlatform().name("civicpulse-answer-warming").daemon(true).unstarted(task));
    // Only the warming thread writes them.
    private long warmed = PublishedAnswers.NONE;
    private volatile AnswerWarming.Summary last;

    AnswerWarmingSchedule(Scoreboard scoreboard, FilterOptions options, DepartmentBreakdown breakdown,
            PublishedAnswers answers, Settings settings) {
        this.warming = new AnswerWarming(scoreboard, options, breakdown, answers);
        this.answers = answers;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        if (settings.enabled()) {
            thread.scheduleWithFixedDelay(this::warmIfNew, 0, settings.poll().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @EventListener
    void runFinished(RunFinished event) {
        if (settings.enabled() && !thread.isShutdown()) {
            thread.execute(this::warmIfNew);
        }
    }

    private void warmIfNew() {
        // Nothing may escape: an exception would end the periodic checks for good.
        long newest = PublishedAnswers.NONE;
        try {
            newest = answers.newestPublication();
            if (newest == PublishedAnswers.NONE || newest == warmed) {
                return;
            }
            log.info("Warming the first views' answers of publication {} ({} newest periods of each grain)", newest,
                    settings.periods());
            AnswerWarming.Summary summary = warming.warm(settings.periods(), settings.maxDuration());
            warmed = summary.publication();
            last = summary;
            log.info("Warmed publication {}{}: {} periods, {} city and {} department views, {} answers kept, in {} ms",
                    summary.publication(), summary.complete() ? "" : " in part (time was up or it was replaced)",
                    summary.periods(), summary.cityViews(), summary.departmentViews(), summary.answers(),
                    summary.took().toMillis());
        } catch (RuntimeException e) {
            // The views compute what they need, as without warming; the next publication is warmed again.
            warmed = newest;
            log.warn("Warming the answers of publication {} failed", newest, e);
        }
    }

    /** The last warming that ended, if any (for the load test, which measures the views after it). */
    public Optional<AnswerWarming.Summary> last() {
        return Optional.ofNullable(last);
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }
}
