package io.civicpulse.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.crypto.password.PasswordEncoder;

class BoundedPasswordEncoderTests {

    /** Counts how many hashes run at once; each takes a while, as Argon2 does. */
    private static final class SlowEncoder implements PasswordEncoder {

        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();

        @Override
        public String encode(CharSequence rawPassword) {
            hash();
            return "hashed:" + rawPassword;
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            hash();
            return encodedPassword.equals("hashed:" + rawPassword);
        }

        private void hash() {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
        }
    }

    @Test
    void loginsArrivingTogetherHashInTurnAndAllGetTheirAnswer() throws Exception {
        // given two hashes at a time
        SlowEncoder slow = new SlowEncoder();
        PasswordEncoder bounded = new BoundedPasswordEncoder(slow, 2, Duration.ofSeconds(30));

        // when ten logins check their passwords at the same moment, half of them wrong
        List<Future<Boolean>> answers = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService logins = Executors.newFixedThreadPool(10)) {
            for (int i = 0; i < 10; i++) {
                String password = i % 2 == 0 ? "secret" : "guess" + i;
                answers.add(logins.submit(() -> {
                    start.await();
                    return bounded.matches(password, "hashed:secret");
                }));
            }
            start.countDown();
            // then each gets the right answer, and never more than two hashed at once
            for (int i = 0; i < 10; i++) {
                assertThat(answers.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i % 2 == 0);
            }
        }
        assertThat(slow.mostAtOnce).hasValue(2);
        assertThat(bounded.encode("new")).isEqualTo("hashed:new");
    }

    @Test
    void aLoginThatCannotGetItsTurnInTimeFailsAsBusy() throws Exception {
        // given one hash at a time, taken by a long one
        CountDownLatch hashing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PasswordEncoder blocking = new PasswordEncoder() {
            @Override
            public String encode(CharSequence rawPassword) {
                return "x";
            }

            @Override
            public boolean matches(CharSequence rawPassword, String encodedPassword) {
                hashing.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return true;
            }
        };
        PasswordEncoder bounded = new BoundedPasswordEncoder(blocking, 1, Duration.ofMillis(100));
        try (ExecutorService first = Executors.newSingleThreadExecutor()) {
            Future<Boolean> long1 = first.submit(() -> bounded.matches("a", "x"));
            hashing.await();

            // when another login waits longer than allowed, then it fails as the login page's error
            assertThatThrownBy(() -> bounded.matches("b", "x")).isInstanceOf(AuthenticationServiceException.class)
                    .hasMessageContaining("Too many logins at once");

            // and the first one still completes
            release.countDown();
            assertThat(long1.get(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void theDefaultIsOneHashPerProcessor() {
        assertThat(BoundedPasswordEncoder.defaultConcurrency())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
    }
}
