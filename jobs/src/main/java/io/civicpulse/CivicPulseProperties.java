package io.civicpulse;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything an operator can set under {@code civicpulse.*} (interfaces.md, "Configuration").
 * Both the batch command line and the dashboard bind the same record, so one YAML file serves both.
 */
@ConfigurationProperties("civicpulse")
public record CivicPulseProperties(
        @DefaultValue("./data") Path home,
        @DefaultValue City city,
        @DefaultValue Privacy privacy,
        @DefaultValue Ingest ingest,
        @DefaultValue KpiSettings kpi,
        @DefaultValue Spark spark) {

    public record City(@DefaultValue("America/New_York") ZoneId timeZone) {
    }

    /**
     * {@code minCellSize} 0 turns suppression off. {@code commentReaders} are the dashboard roles (without Spring's
     * {@code ROLE_} prefix) that may read residents' survey comments; an empty list lets nobody read them.
     * <p>
     * The readers live here, not in the dashboard's {@code civicpulse.security} settings: who may read personal free
     * text is a privacy rule like suppression, set in the same {@code privacy} section of the one file both
     * applications read, where an operator reviewing what the product discloses finds them together.
     */
    public record Privacy(@DefaultValue("10") int minCellSize,
            @DefaultValue({ "ADMIN", "ANALYST", "DEPARTMENT_HEAD" }) List<String> commentReaders) {

        public Privacy {
            commentReaders = commentReaders == null ? List.of()
                    : commentReaders.stream().map(String::strip).map(Privacy::withoutPrefix)
                            .filter(role -> !role.isEmpty()).toList();
        }

        /** Spring Security stores a role as {@code ROLE_NAME}; an operator who writes it so means the same role. */
        private static String withoutPrefix(String role) {
            return role.startsWith("ROLE_") ? role.substring("ROLE_".length()) : role;
        }
    }

    public record Ingest(@DefaultValue("0.05") double maxRejectRate) {
    }

    public record KpiSettings(Map<String, Integer> answerThresholds, List<ServiceLevel> serviceLevels,
            List<Target> targets) {

        /** The contract's defaults; keys an operator configures override them one by one. */
        static final Map<String, Integer> DEFAULT_ANSWER_THRESHOLDS = Map.of("PHONE", 30, "CHAT", 60, "WALK_IN", 900);

        public KpiSettings {
            Map<String, Integer> merged = new LinkedHashMap<>(DEFAULT_ANSWER_THRESHOLDS);
            if (answerThresholds != null) {
                answerThresholds.forEach((channel, seconds) -> merged.put(channel.trim().toUpperCase(), seconds));
            }
            answerThresholds = Map.copyOf(merged);
            serviceLevels = serviceLevels == null ? List.of() : List.copyOf(serviceLevels);
            targets = targets == null ? List.of() : List.copyOf(targets);
        }
    }

    /** Due time for cases without {@code due_at}: {@code opened_at + closeWithin}, exact elapsed time. */
    public record ServiceLevel(String department, String service, Duration closeWithin) {
    }

    public record Target(String kpi, double value, String department, String channel,
            @DefaultValue("1") double weight) {
    }

    /**
     * Where Spark runs. {@code master} is any Spark master URL ({@code local[2]}, {@code spark://host:7077},
     * {@code yarn}, {@code k8s://...}); {@code config} is passed to Spark unchanged.
     */
    public record Spark(@DefaultValue("local[*]") String master, @DefaultValue("4") int shufflePartitions,
            Map<String, String> config) {

        public Spark {
            config = config == null ? Map.of() : Map.copyOf(config);
        }
    }

    /** The folder everything a run writes lives under, as an absolute path. */
    public Path homeDirectory() {
        return home.toAbsolutePath().normalize();
    }
}
