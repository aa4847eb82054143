package io.civicpulse.dashboard.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.civicpulse.dashboard.comment.CsatBand;
import io.civicpulse.dashboard.format.KpiFormat;
import io.civicpulse.dashboard.format.PeriodFormat;
import io.civicpulse.dashboard.security.Role;
import io.civicpulse.kpi.Better;
import io.civicpulse.kpi.Feed;
import io.civicpulse.kpi.Grain;
import io.civicpulse.kpi.Kpi;
import io.civicpulse.run.RunProgress;

/** Every text exists in every language, and no code asks for a text that does not exist. */
class TranslationsTests {

    private static final Path MAIN_SOURCES = Path.of("src/main/java");

    @Test
    void everyKeyExistsInBothLanguages() throws IOException {
        // given
        Set<String> english = keys("translations.properties");
        Set<String> spanish = keys("translations_es.properties");

        // then
        assertThat(difference(english, spanish)).as("keys missing in Spanish").isEmpty();
        assertThat(difference(spanish, english)).as("keys missing in English").isEmpty();
        assertThat(english).isNotEmpty();
    }

    @Test
    void noTextIsEmpty() throws IOException {
        for (String file : List.of("translations.properties", "translations_es.properties")) {
            Properties properties = load(file);
            for (String key : properties.stringPropertyNames()) {
                assertThat(properties.getProperty(key)).as(file + ": " + key).isNotBlank();
            }
        }
    }

    @Test
    void everyKeyTheCodeBuildsFromEnumsExists() {
        // given
        List<String> keys = new ArrayList<>();
        for (Kpi kpi : Kpi.values()) {
            keys.add("kpi." + kpi.name() + ".name");
            keys.add("kpi." + kpi.name() + ".description");
        }
        for (Grain grain : Grain.values()) {
            keys.add("grain." + grain.name());
            keys.add("grain." + grain.name() + ".singular");
            keys.add("grain." + grain.name() + ".plural");
        }
        for (Better better : Better.values()) {
            keys.add("target." + better.name());
        }
        keys.add("direction.HIGHER");
        keys.add("direction.LOWER");
        for (Feed feed : Feed.values()) {
            keys.add("overview.group." + feed.name());
            keys.add("run.feed." + feed.name());
        }
        for (RunProgress.Kind kind : RunProgress.Kind.values()) {
            keys.add(kind.key());
        }
        for (Locale locale : Translations.LOCALES) {
            keys.add("language." + locale.getLanguage());
        }
        for (Role role : Role.values()) {
            keys.add("role." + role.name());
        }
        for (CsatBand band : CsatBand.values()) {
            keys.add(band.translationKey());
        }
        keys.addAll(ExtraKeys.ALL);

        // then
        for (Locale locale : Translations.LOCALES) {
            Translations translations = Translations.of(locale);
            assertThat(keys.stream().filter(key -> !translations.has(key)).toList()).as(locale.toString()).isEmpty();
        }
    }

    /**
     * Scans the main sources for string literals that look like keys of the translation files' namespaces, such as
     * {@code getTranslation("overview.scope")} or {@code @Menu(title = "nav.overview")}: a typo or a key added to
     * the code but not to the files fails here rather than showing "!key!" to a resident.
     */
    @Test
    void noCodeUsesAMissingKey() throws IOException {
        // given
        Set<String> english = keys("translations.properties");
        Set<String> namespaces = new TreeSet<>();
        english.forEach(key -> namespaces.add(key.substring(0, key.indexOf('.'))));
        Pattern literal = Pattern.compile("\"([a-z][a-zA-Z]*(?:\\.[A-Za-z0-9_]+)+)\"");

        // when
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = literal.matcher(Files.readString(file));
                while (matcher.find()) {
                    String candidate = matcher.group(1);
                    if (namespaces.contains(candidate.substring(0, candidate.indexOf('.')))) {
                        used.add(candidate);
                    }
                }
            }
        }

        // then
        assertThat(used).as("keys found in the code").hasSizeGreaterThan(20);
        assertThat(difference(used, english)).as("keys used but missing").isEmpty();
        assertThat(difference(used, keys("translations_es.properties"))).as("keys used but missing in Spanish")
                .isEmpty();
    }

    @Test
    void everyKpiReadsInEveryLanguage() {
        for (Locale locale : Translations.LOCALES) {
            // given
            KpiFormat format = KpiFormat.of(locale);
            PeriodFormat periods = PeriodFormat.of(locale);
            for (Kpi kpi : Kpi.values()) {
                // when
                String texts = String.join("|", format.name(kpi), format.description(kpi), format.sampleSize(kpi, 1),
                        format.sampleSize(kpi, 2), format.target(kpi, 1), format.value(kpi, 1.5), format.direction(kpi));
                // then
                assertThat(texts).as(locale + " " + kpi).doesNotContain("!");
            }
            for (Grain grain : Grain.values()) {
                assertThat(periods.label(grain, java.time.LocalDate.of(2026, 7, 1)) + periods.during(grain,
                        java.time.LocalDate.of(2026, 7, 1)) + periods.grain(grain)).doesNotContain("!");
            }
        }
        assertThat(KpiFormat.of(Translations.SPANISH).sampleSize(Kpi.CASES_CLOSED, 1234))
                .isEqualTo("Basado en 1.234 casos cerrados");
    }

    @Test
    void placeholdersAreReplacedAndMissingKeysAreVisible() {
        // given
        Translations spanish = Translations.of(Translations.SPANISH);

        // when / then
        assertThat(spanish.get("value.suppressed", "10")).isEqualTo("suprimido (menos de 10)");
        assertThat(spanish.get("no.such.key")).isEqualTo("!no.such.key!");
        assertThat(Translations.of(Locale.GERMANY).get("layout.logout")).as("other languages read English")
                .isEqualTo("Log out");
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }

    private static Set<String> keys(String file) throws IOException {
        return new TreeSet<>(load(file).stringPropertyNames());
    }

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TranslationsTests.class.getClassLoader()
                .getResourceAsStream("vaadin-i18n/" + file)) {
            assertThat(in).as(file).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
