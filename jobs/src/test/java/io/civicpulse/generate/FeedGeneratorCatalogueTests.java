package io.civicpulse.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import io.civicpulse.generate.DepartmentService.DueTime;

/** The sample city's catalogue, the settings' rules, and the sample configuration that goes with them. */
class FeedGeneratorCatalogueTests {

    static final Path SAMPLE_CONFIGURATION = Path.of("..", "config", "application.yml");
    static final Set<String> KPIS = Set.of("CONTACTS", "CHANNEL_SHARE", "DIGITAL_SHARE", "WAIT_MEDIAN_SECONDS",
            "WAIT_P90_SECONDS", "SERVICE_LEVEL", "ABANDON_RATE", "CASES_OPENED", "CASES_CLOSED", "CLOSE_MEDIAN_HOURS",
            "CLOSE_P90_HOURS", "ON_TIME_RATE", "RESOLUTION_RATE", "REOPEN_RATE", "FCR_RATE", "BACKLOG_OPEN",
            "BACKLOG_OVERDUE", "SURVEY_RESPONSES", "CSAT_MEAN", "CSAT_SATISFIED", "NPS", "CES_MEAN");

    @Test
    void catalogueHasTenDepartmentsWithThreeToSixServicesEach() {
        List<Department> catalogue = FeedGenerator.catalogue();

        assertThat(catalogue).extracting(Department::code)
                .containsExactly("SAN", "DOT", "PRK", "HPD", "DOB", "DEP", "DOH", "DOF", "LIB", "NYPD");
        assertThat(catalogue).allSatisfy(department -> {
            assertThat(department.name()).isNotBlank();
            assertThat(department.services()).hasSizeBetween(3, 6);
            assertThat(department.services()).extracting(DepartmentService::name).doesNotHaveDuplicates();
            assertThat(department.services()).allSatisfy(service -> assertThat(service.closeWithin()).isPositive());
        });
        assertThat(catalogue.stream().flatMap(department -> department.services().stream())
                .map(DepartmentService::name))
                .contains("Missed Collection", "Bulky Items", "Pothole", "Heat/Hot Water", "Water Leak", "Rodents",
                        "Noise - Residential", "Blocked Driveway");
    }

    @Test
    void aboutHalfOfTheServicesCarryDueAtInTheFeed() {
        long services = FeedGenerator.catalogue().stream().mapToLong(department -> department.services().size()).sum();
        long inFeed = FeedGenerator.catalogue().stream().flatMap(department -> department.services().stream())
                .filter(service -> service.dueTime() == DueTime.IN_FEED).count();

        assertThat((double) inFeed / services).isBetween(0.4, 0.6);
        assertThat(FeedGenerator.catalogue().stream().flatMap(department -> department.services().stream()))
                .anyMatch(service -> service.dueTime() == DueTime.NONE);
    }

    @Test
    void twelveCouncilDistricts() {
        assertThat(FeedGenerator.districts()).hasSize(12).startsWith("CD01").endsWith("CD12");
    }

    @Test
    void settingsRejectAnEmptyRangeAndANonPositiveScale() {
        LocalDate day = LocalDate.of(2026, 8, 1);
        ZoneId zone = ZoneId.of("America/New_York");

        assertThatThrownBy(() -> new GeneratorSettings(day, day.minusDays(1), 1, 1, zone, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("to");
        assertThatThrownBy(() -> new GeneratorSettings(day, day, 0, 1, zone, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scale");
        assertThatThrownBy(() -> new GeneratorSettings(day, day, -2, 1, zone, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GeneratorSettings(day, day, Double.NaN, 1, zone, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new GeneratorSettings(day, day, 0.01, 1, zone, false).scale()).isEqualTo(0.01);
    }

    @Test
    void sampleConfigurationConfiguresExactlyTheServicesWhoseCasesHaveNoDueAt() throws IOException {
        // given
        Map<String, Duration> configured = new TreeMap<>();
        for (Map<String, Object> level : kpiSettings("service-levels")) {
            configured.put(level.get("department") + "/" + level.get("service"),
                    Duration.parse((String) level.get("close-within")));
        }

        // then
        Map<String, Duration> expected = new TreeMap<>();
        for (Department department : FeedGenerator.catalogue()) {
            for (DepartmentService service : department.services()) {
                if (service.dueTime() == DueTime.CONFIGURED) {
                    expected.put(department.code() + "/" + service.name(), service.closeWithin());
                }
            }
        }
        assertThat(configured).isEqualTo(expected);
    }

    @Test
    void sampleConfigurationTargetsNameRealKpisDepartmentsAndChannels() throws IOException {
        List<Map<String, Object>> targets = kpiSettings("targets");

        assertThat(targets).isNotEmpty().allSatisfy(target -> {
            assertThat(KPIS).contains((String) target.get("kpi"));
            assertThat(target.get("value")).isInstanceOf(Number.class);
            if (target.containsKey("department")) {
                assertThat(FeedGenerator.catalogue()).extracting(Department::code)
                        .contains((String) target.get("department"));
            }
            if (target.containsKey("channel")) {
                assertThat(target.get("channel")).isIn("PHONE", "WEB", "MOBILE_APP", "EMAIL", "CHAT", "SOCIAL",
                        "WALK_IN", "MAIL", "OTHER");
            }
        });
        assertThat(targets).extracting(target -> target.get("kpi")).contains("ON_TIME_RATE", "CLOSE_MEDIAN_HOURS",
                "CSAT_MEAN", "NPS", "CES_MEAN", "SERVICE_LEVEL", "ABANDON_RATE", "DIGITAL_SHARE",
                "WAIT_MEDIAN_SECONDS", "RESOLUTION_RATE", "REOPEN_RATE", "FCR_RATE");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> kpiSettings(String key) throws IOException {
        try (Reader reader = Files.newBufferedReader(SAMPLE_CONFIGURATION)) {
            Map<String, Object> root = new Yaml().load(reader);
            Map<String, Object> civicpulse = (Map<String, Object>) root.get("civicpulse");
            Map<String, Object> kpi = (Map<String, Object>) civicpulse.get("kpi");
            return (List<Map<String, Object>>) kpi.get(key);
        }
    }
}
