package io.civicpulse.run;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;

/**
 * One step of a run's progress, kept as a kind and its arguments rather than as a finished sentence, so that each
 * reader words it in its own language: the command line and the log in English ({@link #message()}), the dashboard
 * from its translation files under {@code run.progress.<kind>} with the same arguments.
 * <p>
 * Arguments are counts (numbers), {@link io.civicpulse.kpi.Feed}s, {@link java.time.LocalDate}s and strings (ids
 * and versions, which are names rather than amounts); a translation formats each in its locale.
 */
public record RunProgress(Kind kind, List<Object> arguments) {

    /** What happened; each carries its English pattern ({@link MessageFormat}, arguments in order). */
    public enum Kind {
        RESTARTING("restarting failed run {0} (execution {1}) where it stopped"),
        RECOVERING("run {0} (execution {1}) was interrupted: marking it failed so it can be "
                + "restarted"),
        INGEST_READING("ingest: reading {0,number,integer} {1} file(s)"),
        INGEST_COUNTED("ingest: {0} {1,number,integer} rows read, {2,number,integer} rejected, "
                + "{3,number,integer} duplicates replaced, {4,number,integer} loaded"),
        HISTORY_MERGED("history: {0} merged into history version {1}, {2,number,integer} of its "
                + "{3,number,integer} partitions rewritten"),
        COMPUTE_STARTED("compute: KPIs for every period containing a date from {0} to {1}"),
        COMPUTE_DONE("compute: {0,number,integer} KPI rows computed"),
        COMPUTE_COMMENTS("compute: {0,number,integer} survey comments to publish"),
        PUBLISH_DONE("publish: {0,number,integer} KPI rows published"),
        PUBLISH_COMMENTS("publish: {0,number,integer} survey comments published"),
        CLEANUP_DONE("cleanup: done");

        private final String english;

        Kind(String english) {
            this.english = english;
        }

        /** The translation key of this kind in the dashboard's files. */
        public String key() {
            return "run.progress." + name();
        }

        String english() {
            return english;
        }
    }

    public RunProgress {
        arguments = List.copyOf(arguments);
    }

    public static RunProgress of(Kind kind, Object... arguments) {
        return new RunProgress(kind, List.of(arguments));
    }

    /** The English line for the command line and the log, such as "ingest: contacts 540,112 rows read, …". */
    public String message() {
        Object[] values = arguments.stream().map(RunProgress::english).toArray();
        return new MessageFormat(kind.english(), Locale.ENGLISH).format(values);
    }

    @Override
    public String toString() {
        return message();
    }

    // Feeds read as their file prefix (contacts, cases, surveys), dates as ISO dates: what the command line's user
    // typed and sees in file names.
    private static Object english(Object argument) {
        return argument instanceof io.civicpulse.kpi.Feed feed ? feed.prefix()
                : argument instanceof java.time.LocalDate date ? date.toString() : argument;
    }
}
