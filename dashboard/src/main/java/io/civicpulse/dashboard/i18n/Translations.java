package io.civicpulse.dashboard.i18n;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every string a person reads, from {@code vaadin-i18n/translations*.properties}: the base file is English, the
 * {@code _es} file Spanish. Formatting classes that have no Vaadin component at hand (such as KpiFormat) read through
 * here; components read the same files through {@link DashboardI18NProvider}.
 * <p>
 * Lookups never fall back to the JVM's default locale: a server running in Spanish must still serve English to an
 * English reader. Placeholders are {@code {0}}, {@code {1}}, … replaced literally (not {@link java.text.MessageFormat},
 * whose quoting rules would make every apostrophe in the files a trap); callers format numbers and dates first.
 */
public final class Translations {

    static final String BUNDLE = "vaadin-i18n/translations";

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale SPANISH = Locale.of("es");

    /** The languages the dashboard speaks, in the order the language switch lists them. */
    public static final List<Locale> LOCALES = List.of(ENGLISH, SPANISH);

    private static final Logger LOG = LoggerFactory.getLogger(Translations.class);
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Locale locale;
    private final ResourceBundle bundle;

    private Translations(Locale locale) {
        this.locale = Objects.requireNonNull(locale);
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, Translations.class.getClassLoader(), NO_FALLBACK);
    }

    public static Translations of(Locale locale) {
        return new Translations(locale);
    }

    public Locale locale() {
        return locale;
    }

    /** The text for {@code key} with {@code {i}} replaced by the i-th argument; "!key!" when the key is missing. */
    public String get(String key, Object... arguments) {
        String text;
        try {
            text = bundle.getString(key);
        } catch (MissingResourceException e) {
            // Visible on the page and in the log rather than an exception: a missing word must not break a view.
            LOG.warn("No translation for key {} in locale {}", key, locale);
            return "!" + key + "!";
        }
        for (int i = 0; i < arguments.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(arguments[i]));
        }
        return text;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
