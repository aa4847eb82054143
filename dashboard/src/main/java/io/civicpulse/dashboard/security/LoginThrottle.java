package io.civicpulse.dashboard.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Slows down password guessing: after {@code maxFailuresPerUser} failed logins for one username, or
 * {@code maxFailuresPerAddress} from one client address, within {@code window}, that username or address may not log
 * in for {@code lock}, not even with the right password. The address threshold is higher because an office shares
 * one address. The counters live in memory (Caffeine, bounded and expiring by themselves), per dashboard process;
 * behind a reverse proxy set {@code server.forward-headers-strategy=native} so the client's address is the one
 * counted.
 */
public class LoginThrottle {

    /** How many usernames and addresses are tracked at most, so a flood of made-up names cannot fill the memory. */
    private static final int MAX_TRACKED = 100_000;

    private record Failures(int count, Instant first, Instant lockedUntil) {
    }

    private final DashboardSecurityProperties.Login settings;
    private final Clock clock;
    private final Cache<String, Failures> failures;

    public LoginThrottle(DashboardSecurityProperties.Login settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.failures = Caffeine.newBuilder()
                .maximumSize(MAX_TRACKED)
                .expireAfterWrite(settings.window().plus(settings.lock()))
                .build();
    }

    /** Whether a login for this username from this address is refused for now. */
    public boolean isLocked(String username, String address) {
        return locked(userKey(username)) || locked(addressKey(address));
    }

    public void failed(String username, String address) {
        record(userKey(username), settings.maxFailuresPerUser());
        record(addressKey(address), settings.maxFailuresPerAddress());
    }

    /** A successful login clears its username's failures; the address's stay, as they may be someone else's. */
    public void succeeded(String username) {
        if (username != null) {
            failures.invalidate(userKey(username));
        }
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        // A login turned away because too many were checking their passwords is no guess.
        if (event.getException() instanceof BoundedPasswordEncoder.BusyException) {
            return;
        }
        failed(event.getAuthentication().getName(), address(event.getAuthentication()));
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        succeeded(event.getAuthentication().getName());
    }

    private boolean locked(String key) {
        if (key == null) {
            return false;
        }
        Failures current = failures.getIfPresent(key);
        return current != null && current.lockedUntil() != null && clock.instant().isBefore(current.lockedUntil());
    }

    private void record(String key, int max) {
        if (key == null) {
            return;
        }
        Instant now = clock.instant();
        failures.asMap().compute(key, (k, previous) -> {
            if (previous == null || previous.first().plus(settings.window()).isBefore(now)
                    || (previous.lockedUntil() != null && !now.isBefore(previous.lockedUntil()))) {
                previous = new Failures(0, now, null);
            }
            int count = previous.count() + 1;
            return new Failures(count, previous.first(), count >= max ? now.plus(settings.lock()) : null);
        });
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress()
                : null;
    }

    // Usernames compare without case: "Admin" and "admin" are one target for a guesser.
    private static String userKey(String username) {
        return username == null || username.isBlank() ? null : "user:" + username.trim().toLowerCase();
    }

    private static String addressKey(String address) {
        return address == null ? null : "address:" + address;
    }

    /** For the log and the tests: how long the lock lasts. */
    public Duration lockDuration() {
        return settings.lock();
    }
}
