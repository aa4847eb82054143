package io.civicpulse;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;

/**
 * Defaults both applications share, at the lowest precedence so any property file, environment variable or
 * command-line option overrides them.
 */
class CivicPulseEnvironmentDefaults implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "civicpulseDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new Defaults(environment));
    }

    /**
     * The embedded database lives under {@code civicpulse.home}, so its URL is worked out whenever it is read,
     * from the home in force then: property sources added later (a test's dynamic properties) count too.
     */
    static final class Defaults extends EnumerablePropertySource<UnaryOperator<String>> {

        static final String DATASOURCE_URL = "spring.datasource.url";

        private static final Map<String, Object> FIXED = Map.ofEntries(
                Map.entry("spring.datasource.username", "sa"),
                Map.entry("spring.datasource.password", ""),
                Map.entry("spring.flyway.locations", "classpath:db/migration/common,classpath:db/migration/{vendor}"),
                Map.entry("spring.batch.jdbc.initialize-schema", "never"),
                Map.entry("spring.batch.job.enabled", "false"),
                Map.entry("spring.sql.init.mode", "never"),
                Map.entry("logging.level.org.apache.spark", "WARN"),
                Map.entry("logging.level.org.apache.hadoop", "WARN"),
                Map.entry("logging.level.org.apache.parquet", "WARN"),
                Map.entry("logging.level.org.sparkproject", "WARN"));

        /**
         * The source is a lookup, not the environment itself: Spring Boot's binder descends into a property source
         * whose source is an environment, which would then contain this source again.
         */
        Defaults(ConfigurableEnvironment environment) {
            super(SOURCE_NAME, name -> environment.getProperty(name));
        }

        @Override
        public String[] getPropertyNames() {
            String[] names = FIXED.keySet().toArray(new String[FIXED.size() + 1]);
            names[FIXED.size()] = DATASOURCE_URL;
            return names;
        }

        @Override
        public Object getProperty(String name) {
            if (DATASOURCE_URL.equals(name)) {
                String configured = getSource().apply("civicpulse.home");
                Path home = Path.of(configured == null ? "./data" : configured).toAbsolutePath().normalize();
                // AUTO_SERVER lets the dashboard and the command line open the same embedded database at once.
                return "jdbc:h2:file:" + home.resolve("db/civicpulse") + ";AUTO_SERVER=TRUE";
            }
            return FIXED.get(name);
        }
    }
}
