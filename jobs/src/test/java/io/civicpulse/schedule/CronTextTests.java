package io.civicpulse.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class CronTextTests {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void aQuartzExpressionIsDescribedInEnglishAndSpanish() {
        assertThat(CronText.describe("0 30 2 * * ?", Locale.ENGLISH)).isEqualTo("at 02:30");
        assertThat(CronText.describe("0 30 2 * * ?", Locale.forLanguageTag("es"))).contains("02:30")
                .isNotEqualTo("at 02:30");
    }

    @Test
    void theNextTimesAreLocalTimesOfTheCityAcrossADaylightSavingChange() {
        // given the evening before the spring change (2026-03-08 in New York)
        Instant after = ZonedDateTime.of(2026, 3, 7, 20, 0, 0, 0, NEW_YORK).toInstant();

        // when
        List<ZonedDateTime> next = CronText.next("0 30 3 * * ?", NEW_YORK, after, 3);

        // then 03:30 local each day, although the clocks skipped an hour in between
        assertThat(next).extracting(ZonedDateTime::toLocalDate).containsExactly(LocalDate.of(2026, 3, 8),
                LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 10));
        assertThat(next).extracting(ZonedDateTime::toLocalTime).containsOnly(LocalTime.of(3, 30));
        assertThat(next).extracting(ZonedDateTime::getZone).containsOnly(NEW_YORK);
    }

    @Test
    void aFiveFieldUnixExpressionIsRefusedWithTheReasonInWords() {
        assertThatThrownBy(() -> CronText.next("30 2 * * *", NEW_YORK, Instant.now(), 1))
                .isInstanceOfSatisfying(InvalidSchedule.class, e -> {
                    assertThat(e.problem()).isEqualTo(InvalidSchedule.Problem.INVALID_CRON);
                    assertThat(e.getMessage()).contains("'30 2 * * *' is not a Quartz cron expression");
                });
    }

    @Test
    void anExpressionWhoseLastTimeHasPassedIsRefusedForNewSchedules() {
        assertThatThrownBy(() -> CronText.next("0 0 0 1 1 ? 2020", NEW_YORK, Instant.now(), 1))
                .isInstanceOfSatisfying(InvalidSchedule.class,
                        e -> assertThat(e.getMessage()).contains("never fires again"));
    }

    @Test
    void theTimesBetweenTwoInstantsAreThoseAScheduleMissedWhileDown() {
        Instant down = ZonedDateTime.of(2026, 3, 1, 12, 0, 0, 0, NEW_YORK).toInstant();
        Instant up = ZonedDateTime.of(2026, 3, 4, 12, 0, 0, 0, NEW_YORK).toInstant();

        assertThat(CronText.between("0 30 2 * * ?", NEW_YORK, down, up, 10)).hasSize(3);
        assertThat(CronText.between("0 30 2 * * ?", NEW_YORK, down, up, 2)).hasSize(2);
    }
}
