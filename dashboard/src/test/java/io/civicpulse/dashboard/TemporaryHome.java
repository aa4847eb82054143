package io.civicpulse.dashboard;

import java.nio.file.Path;
import java.util.function.Supplier;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring test at its own empty {@code civicpulse.home}, with the first-start sample load and the warming of
 * answers switched off.
 */
public final class TemporaryHome {

    private TemporaryHome() {
    }

    /** @param home supplies the test class's {@code @TempDir}, which JUnit sets only after registration */
    public static void register(DynamicPropertyRegistry registry, Supplier<Path> home) {
        registry.add("civicpulse.home", () -> home.get().toString());
        // A folder that does not exist: no sample run, so no Spark, in these tests.
        registry.add("civicpulse.dashboard.sample-data", () -> home.get().resolve("no-sample-data").toString());
        // Tests write a publication's row before its results, and some change results by hand afterwards: answers
        // warmed in between would be kept. Warming has tests of its own (AnswerWarmingScheduleTests).
        registry.add("civicpulse.dashboard.answer-warming.enabled", () -> "false");
    }
}
