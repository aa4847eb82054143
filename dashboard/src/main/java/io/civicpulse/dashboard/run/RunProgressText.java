package io.civicpulse.dashboard.run;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import io.civicpulse.dashboard.i18n.Translations;
import io.civicpulse.kpi.Feed;
import io.civicpulse.run.RunProgress;

/**
 * A run's progress in the reader's language: the text of {@code run.progress.<kind>} with the arguments formatted
 * for the locale (counts grouped, dates in the local style, feeds by their translated name).
 */
public final class RunProgressText {

    private RunProgressText() {
    }

    public static String of(RunProgress progress, Locale locale) {
        return text(progress.kind().key(), progress.arguments(), locale);
    }

    /** Any translated status line whose arguments are of the kinds {@link RunProgress} uses. */
    public static String text(String key, List<Object> arguments, Locale locale) {
        Translations translations = Translations.of(locale);
        Object[] values = arguments.stream().map(argument -> format(argument, translations)).toArray();
        return translations.get(key, values);
    }

    private static String format(Object argument, Translations translations) {
        Locale locale = translations.locale();
        return switch (argument) {
            case Feed feed -> translations.get("run.feed." + feed.name());
            case LocalDate date -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
            case Integer count -> NumberFormat.getIntegerInstance(locale).format(count);
            case Long count -> NumberFormat.getIntegerInstance(locale).format(count);
            case Number number -> NumberFormat.getNumberInstance(locale).format(number);
            case null -> "";
            default -> argument.toString();
        };
    }
}
