package io.civicpulse.generate;

/** Channel codes of feeds.md, in the order the generator's weight tables use. */
enum Channel {
    PHONE, WEB, MOBILE_APP, EMAIL, CHAT, SOCIAL, WALK_IN, MAIL, OTHER;

    static final Channel[] ALL = values();
    static final int COUNT = ALL.length;

    /** Channels where a person waits in a queue, so wait_seconds and abandonment make sense. */
    boolean queued() {
        return this == PHONE || this == CHAT || this == WALK_IN;
    }
}
