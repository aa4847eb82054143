package io.civicpulse.generate;

/** A survey response decided when its case closed or its contact ended; scores are -1 when not answered. */
record SurveyEvent(long at, long order, int department, Channel channel, String service, String district,
        String caseId, int csat, int nps, int ces, String comment, String language, int style)
        implements Comparable<SurveyEvent> {

    @Override
    public int compareTo(SurveyEvent other) {
        int byTime = Long.compare(at, other.at);
        return byTime != 0 ? byTime : Long.compare(order, other.order);
    }
}
