package io.civicpulse.dashboard.security;

import java.util.List;

/**
 * A change to an account that was refused, nothing of it saved. {@code key} names a translation (the user management
 * view shows it in the reader's language); the message is the English text, for logs and tests.
 */
public class InvalidAccountException extends IllegalArgumentException {

    private final String key;
    private final List<Object> arguments;

    public InvalidAccountException(String key, String message, Object... arguments) {
        super(message);
        this.key = key;
        this.arguments = List.of(arguments);
    }

    public String key() {
        return key;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
