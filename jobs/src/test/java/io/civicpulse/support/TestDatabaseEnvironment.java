package io.civicpulse.support;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MutablePropertySources;

/**
 * Points every test application at {@link TestDatabase}'s database for its {@code civicpulse.home} when the tests
 * run on PostgreSQL. Its properties rank just above the product's own defaults (which name the embedded database),
 * so a test that sets {@code spring.datasource.url} itself keeps it.
 */
class TestDatabaseEnvironment implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "civicpulseTestDatabase";
    private static final String PRODUCT_DEFAULTS = "civicpulseDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!TestDatabase.postgresql()) {
            return;
        }
        MutablePropertySources sources = environment.getPropertySources();
        Source source = new Source(environment);
        if (sources.contains(PRODUCT_DEFAULTS)) {
            sources.addBefore(PRODUCT_DEFAULTS, source);
        } else {
            // The product's defaults come later and are added last, so they still rank below this source.
            sources.addLast(source);
        }
    }

    /**
     * Worked out when read, from the home in force then (a test's dynamic properties count too). Its source is a
     * lookup, not the environment itself: Boot walks into property sources whose source is an environment, and
     * would find this one inside again, without end.
     */
    static final class Source extends EnumerablePropertySource<UnaryOperator<String>> {

        private static final String URL = "spring.datasource.url";
        private static final String USERNAME = "spring.datasource.username";
        private static final String PASSWORD = "spring.datasource.password";

        Source(ConfigurableEnvironment environment) {
            super(SOURCE_NAME, environment::getProperty);
        }

        @Override
        public String[] getPropertyNames() {
            return new String[] { URL, USERNAME, PASSWORD };
        }

        @Override
        public Object getProperty(String name) {
            return switch (name) {
                case URL -> TestDatabase.url(Path.of(home()));
                case USERNAME -> TestDatabase.user();
                case PASSWORD -> TestDatabase.password();
                default -> null;
            };
        }

        private String home() {
            String home = getSource().apply("civicpulse.home");
            return home == null ? "./data" : home;
        }
    }
}
