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
        static final String QUARTZ = "spring.quartz.properties.";
        static final String QUARTZ_DELEGATE = QUARTZ + "org.quartz.jobStore.driverDelegateClass";

        private static final Map<String, Object> FIXED = Map.ofEntries(
                Map.entry("spring.datasource.username", "sa"),
                Map.entry("spring.datasource.password", ""),
                Map.entry("spring.flyway.locations", "classpath:db/migration/common,classpath:db/migration/{vendor}"),
                Map.entry("spring.batch.jdbc.initialize-schema", "never"),
                Map.entry("spring.batch.job.enabled", "false"),
                Map.entry("spring.sql.init.mode", "never"),
                // Schedules (docs/decisions/0009): Quartz in the database, clustered, its tables made by Flyway (V8).
                // Only the dashboard starts the scheduler; the command line and tests that do not ask leave it off.
                Map.entry("spring.quartz.job-store-type", "jdbc"),
                Map.entry("spring.quartz.jdbc.initialize-schema", "never"),
                Map.entry("spring.quartz.auto-startup", "false"),
                Map.entry("spring.quartz.scheduler-name", "CivicPulse"),
                Map.entry("spring.quartz.wait-for-jobs-to-complete-on-shutdown", "false"),
                Map.entry(QUARTZ + "org.quartz.scheduler.instanceId", "AUTO"),
                Map.entry(QUARTZ + "org.quartz.jobStore.class", "io.civicpulse.schedule.ContextDataSourceJobStore"),
                Map.entry(QUARTZ + "org.quartz.jobStore.isClustered", "true"),
                Map.entry(QUARTZ + "org.quartz.jobStore.clusterCheckinInterval", "5000"),
                Map.entry(QUARTZ + "org.quartz.jobStore.misfireThreshold", "60000"),
                Map.entry(QUARTZ + "org.quartz.threadPool.threadCount", "2"),
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
            String[] names = FIXED.keySet().toArray(new String[FIXED.size() + 2]);
            names[FIXED.size()] = DATASOURCE_URL;
            names[FIXED.size() + 1] = QUARTZ_DELEGATE;
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
            if (QUARTZ_DELEGATE.equals(name)) {
                // Quartz reads its BYTEA job data through the PostgreSQL delegate; H2 works with the standard one.
                String url = getSource().apply(DATASOURCE_URL);
                return url != null && url.startsWith("jdbc:postgresql:")
                        ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate"
                        : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate";
            }
            return FIXED.get(name);
        }
    }
}
