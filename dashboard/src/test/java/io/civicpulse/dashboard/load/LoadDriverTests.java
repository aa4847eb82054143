package io.civicpulse.dashboard.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The load driver's users arrive one by one over their first think time, not all at once. */
class LoadDriverTests {

    @Test
    void usersStartSpreadOverTheirFirstThinkTime() {
        // given 25 users thinking 5 s on average, with the load test's default seed
        LoadDriver.Settings settings = new LoadDriver.Settings(25, Duration.ofSeconds(60), 0, Duration.ofSeconds(5),
                1);

        // when
        List<Long> starts = IntStream.range(0, 25).mapToObj(index -> LoadDriver.startOffset(settings, index))
                .sorted().toList();

        // then every start is within the think time, the starts span most of it, and no 500 ms hold more than a
        // few of them (uniform starts put 2.5 users in 500 ms on average)
        assertThat(starts).allSatisfy(start -> assertThat(start).isBetween(0L, 5_000L));
        assertThat(starts.getLast() - starts.getFirst()).isGreaterThan(3_000L);
        for (int i = 0; i + 8 < starts.size(); i++) {
            assertThat(starts.get(i + 8) - starts.get(i)).as("9 starts from the %dth", i).isGreaterThan(500L);
        }
    }
}
