package io.civicpulse.generate;

/**
 * A contact decided on one day but possibly happening on a later one (a follow-up call about a case).
 * {@code waitSeconds} and {@code handleSeconds} are -1 when empty; {@code order} breaks ties between equal times
 * deterministically.
 */
record ContactEvent(long at, long order, int department, Channel channel, int waitSeconds, int handleSeconds,
        boolean abandoned, String district, String caseId, int style) implements Comparable<ContactEvent> {

    @Override
    public int compareTo(ContactEvent other) {
        int byTime = Long.compare(at, other.at);
        return byTime != 0 ? byTime : Long.compare(order, other.order);
    }
}
