package io.civicpulse.dashboard.security;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Lets only a few password hashes run at once; the others wait their turn. An Argon2 hash is slow and takes 16 MiB
 * on purpose, so with nothing to bound them, logins arriving together hash all at once: 25 of them held 400 MiB and
 * every core until the last was done, and each dashboard view asked for meanwhile waited for them all (the load
 * test's 25 simultaneous logins made their first views take half a second; a flood of guesses could fill the heap).
 * Bounded, the logins take turns, each about as fast as alone, and the views of those already in get their share of
 * the processors again.
 * A login that cannot start hashing within {@code maxWait} fails as the login page's error, to be tried again
 * ({@link BusyException}, which the {@link LoginThrottle} does not count as a failed guess).
 */
final class BoundedPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Semaphore hashing;
    private final Duration maxWait;

    /** @param concurrent how many hashes may run at once */
    BoundedPasswordEncoder(PasswordEncoder delegate, int concurrent, Duration maxWait) {
        if (concurrent < 1) {
            throw new IllegalArgumentException("at least one hash must be able to run: " + concurrent);
        }
        this.delegate = delegate;
        // Fair: first come, first hashed.
        this.hashing = new Semaphore(concurrent, true);
        this.maxWait = maxWait;
    }

    /**
     * One hash per processor: more at once finish none sooner, they only hold more memory and take the processors'
     * time from the views. (Half as many, tried on the 2-core development machine, made 25 logins at once take up to
     * 3.6 s instead of 1.1 s.)
     */
    static int defaultConcurrency() {
        return Runtime.getRuntime().availableProcessors();
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return inTurn(() -> delegate.encode(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return inTurn(() -> delegate.matches(rawPassword, encodedPassword));
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        // Reads the hash's parameters; hashes nothing.
        return delegate.upgradeEncoding(encodedPassword);
    }

    /** A login that did not get its turn to check its password in time. */
    static final class BusyException extends AuthenticationServiceException {

        BusyException() {
            super("Too many logins at once; try again in a moment");
        }
    }

    private <T> T inTurn(Supplier<T> hash) {
        try {
            if (!hashing.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new BusyException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthenticationServiceException("Interrupted while waiting to check a password", e);
        }
        try {
            return hash.get();
        } finally {
            hashing.release();
        }
    }
}
