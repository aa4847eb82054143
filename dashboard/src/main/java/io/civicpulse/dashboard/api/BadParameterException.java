package io.civicpulse.dashboard.api;

/** A query parameter the API cannot use: answered with 400 and a problem detail naming it and its value. */
class BadParameterException extends RuntimeException {

    private final String parameter;
    private final String value;

    BadParameterException(String parameter, String value, String message) {
        super(message);
        this.parameter = parameter;
        this.value = value;
    }

    String parameter() {
        return parameter;
    }

    String value() {
        return value;
    }
}
