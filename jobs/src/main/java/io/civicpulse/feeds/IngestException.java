package io.civicpulse.feeds;

/**
 * Input that fails the run. The message is the one line an operator reads: it names the file, and the line and
 * column where there is one.
 */
public class IngestException extends RuntimeException {

    public IngestException(String message) {
        super(message);
    }

    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }
}
