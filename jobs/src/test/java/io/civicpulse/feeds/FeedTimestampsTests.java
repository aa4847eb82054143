package io.civicpulse.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class FeedTimestampsTests {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void aTimestampWithoutOffsetIsLocalToTheCity() {
        assertThat(FeedTimestamps.parse("2026-01-15T09:30:00", NEW_YORK))
                .isEqualTo(Instant.parse("2026-01-15T14:30:00Z"));
        assertThat(FeedTimestamps.parse("2026-07-15 09:30:00", NEW_YORK))
                .isEqualTo(Instant.parse("2026-07-15T13:30:00Z"));
    }

    @Test
    void anOffsetOrZMeansThatInstant() {
        assertThat(FeedTimestamps.parse("2026-03-08T01:59:00-05:00", NEW_YORK))
                .isEqualTo(Instant.parse("2026-03-08T06:59:00Z"));
        assertThat(FeedTimestamps.parse("2026-03-08T06:59:00.250Z", NEW_YORK))
                .isEqualTo(Instant.parse("2026-03-08T06:59:00.250Z"));
    }

    @Test
    void fractionsFinerThanAMicrosecondAreTruncated() {
        assertThat(FeedTimestamps.parse("2026-01-15T09:30:00.123456789Z", NEW_YORK))
                .isEqualTo(Instant.parse("2026-01-15T09:30:00.123456Z"));
    }

    @Test
    void aLocalTimeInTheSpringGapMovesForwardByTheGap() {
        // 02:30 does not exist on 2026-03-08 in New York; java.time moves it to 03:30 EDT
        assertThat(FeedTimestamps.parse("2026-03-08T02:30:00", NEW_YORK))
                .isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
    }

    @Test
    void aLocalTimeInTheAutumnOverlapTakesTheEarlierOffset() {
        // 01:30 happens twice on 2026-11-01; the earlier is EDT (-04:00)
        assertThat(FeedTimestamps.parse("2026-11-01T01:30:00", NEW_YORK))
                .isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
    }

    @Test
    void datesAloneAndImpossibleOrMalformedTimesAreNotTimestamps() {
        assertThat(FeedTimestamps.parse("2026-01-15", NEW_YORK)).isNull();
        assertThat(FeedTimestamps.parse("2026-02-30T10:00:00", NEW_YORK)).isNull();
        assertThat(FeedTimestamps.parse("2026-01-15T25:00:00", NEW_YORK)).isNull();
        assertThat(FeedTimestamps.parse("01/15/2026 10:00:00 AM", NEW_YORK)).isNull();
        assertThat(FeedTimestamps.parse("2026-01-15T10:00", NEW_YORK)).isNull();
    }

    @Test
    void theFixedPositionReadingOfPlainTimestampsAgreesWithThePatternOnAnyText() {
        // given texts of the plain shapes, most valid, some with a character changed, a date or time out of range,
        // a clock change, a separator or digit missing or added
        SplittableRandom random = new SplittableRandom(7);
        String characters = "0123456789-:TZ +.x";
        int valid = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder(String.format("%04d-%02d-%02d%c%02d:%02d:%02d",
                    random.nextInt(1990, 2040), random.nextInt(0, 14), random.nextInt(0, 33),
                    random.nextBoolean() ? 'T' : ' ', random.nextInt(0, 26), random.nextInt(0, 61),
                    random.nextInt(0, 62)));
            switch (random.nextInt(6)) {
                case 0 -> text.setCharAt(random.nextInt(text.length()),
                        characters.charAt(random.nextInt(characters.length())));
                case 1 -> text.append('Z');
                case 2 -> text.deleteCharAt(random.nextInt(text.length()));
                case 3 -> text.insert(random.nextInt(text.length() + 1),
                        characters.charAt(random.nextInt(characters.length())));
                default -> {
                }
            }

            // when both read it, then they agree: the same instant, or both not a timestamp
            Instant fast = FeedTimestamps.parse(text.toString(), NEW_YORK);
            assertThat(fast).as(text.toString()).isEqualTo(FeedTimestamps.parseByPattern(text.toString(), NEW_YORK));
            valid += fast == null ? 0 : 1;
        }
        // and the texts were neither all valid nor all invalid
        assertThat(valid).isBetween(40_000, 160_000);
    }
}
