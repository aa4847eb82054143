package io.civicpulse.dashboard.i18n;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import com.vaadin.flow.i18n.I18NProvider;

/**
 * Vaadin's translation provider, as a Spring bean so Vaadin uses it for {@code getTranslation} and for choosing the
 * first locale from the browser's languages. It reads the same files as {@link Translations}.
 */
@Component
class DashboardI18NProvider implements I18NProvider {

    @Override
    public List<Locale> getProvidedLocales() {
        return Translations.LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return Translations.of(locale == null ? Translations.ENGLISH : locale).get(key, params);
    }
}
