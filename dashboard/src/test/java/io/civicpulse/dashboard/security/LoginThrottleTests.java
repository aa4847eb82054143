package io.civicpulse.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureServiceExceptionEvent;

class LoginThrottleTests {

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(new DashboardSecurityProperties.Login(5, 20,
            Duration.ofMinutes(15), Duration.ofMinutes(15), 0, Duration.ofSeconds(30)), clock);

    @Test
    void givenFiveFailuresForAUsernameWhenLoggingInAgainThenItIsLockedForFifteenMinutes() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("ana", "10.0.0." + i);
        }
        assertThat(throttle.isLocked("ana", "10.0.0.9")).isFalse();

        throttle.failed("Ana", "10.0.0.5");

        assertThat(throttle.isLocked("ana", "10.0.0.9")).as("from any address, in any case").isTrue();
        assertThat(throttle.isLocked("bob", "10.0.0.9")).as("others are not").isFalse();
        clock.advance(Duration.ofMinutes(14));
        assertThat(throttle.isLocked("ana", "10.0.0.9")).isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.isLocked("ana", "10.0.0.9")).isFalse();
    }

    @Test
    void givenFailuresSpreadBeyondTheWindowThenTheyDoNotAddUp() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("ana", "10.0.0.1");
        }
        clock.advance(Duration.ofMinutes(16));

        throttle.failed("ana", "10.0.0.1");

        assertThat(throttle.isLocked("ana", "10.0.0.1")).isFalse();
    }

    @Test
    void givenTwentyFailuresFromOneAddressThenThatAddressIsLockedForEveryUsername() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("user" + i, "192.0.2.7");
        }

        assertThat(throttle.isLocked("someone-new", "192.0.2.7")).isTrue();
        assertThat(throttle.isLocked("someone-new", "192.0.2.8")).isFalse();
    }

    @Test
    void givenASuccessfulLoginThenTheUsernamesFailuresAreForgotten() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("ana", "10.0.0.1");
        }
        throttle.succeeded("ana");
        throttle.failed("ana", "10.0.0.1");

        assertThat(throttle.isLocked("ana", "10.0.0.2")).isFalse();
    }

    @Test
    void givenLoginsTurnedAwayAsBusyWhenCountingFailuresThenTheyAreNoGuesses() {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated("ana", "pw");
        for (int i = 0; i < 10; i++) {
            throttle.on(new AuthenticationFailureServiceExceptionEvent(attempt,
                    new BoundedPasswordEncoder.BusyException()));
        }
        assertThat(throttle.isLocked("ana", null)).isFalse();

        for (int i = 0; i < 5; i++) {
            throttle.on(new AuthenticationFailureBadCredentialsEvent(attempt, new BadCredentialsException("wrong")));
        }
        assertThat(throttle.isLocked("ana", null)).isTrue();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-09-01T08:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
