package io.civicpulse.dashboard.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ChartOptionsTests {

    @Test
    void aLineChartHasOneCategoryPerValueAndGapsForMissingValues() {
        ChartOptions options = ChartOptions.categories(List.of("Jun 2026", "Jul 2026", "Aug 2026"))
                .line("Contacts", Arrays.asList(1100.0, null, 1234.0));

        JsonNode json = roundTrip(options);

        assertThat(json.at("/xAxis/type").asString()).isEqualTo("category");
        assertThat(json.at("/xAxis/data").valueStream().map(JsonNode::asString))
                .containsExactly("Jun 2026", "Jul 2026", "Aug 2026");
        JsonNode series = json.at("/series/0");
        assertThat(series.at("/type").asString()).isEqualTo("line");
        assertThat(series.at("/connectNulls").asBoolean()).isFalse();
        assertThat(series.at("/data/0").asDouble()).isEqualTo(1100.0);
        assertThat(series.at("/data/1").asString()).as("a gap, never zero").isEqualTo("-");
        assertThat(series.at("/data/2").asDouble()).isEqualTo(1234.0);
    }

    @Test
    void aTargetIsADashedMarkLine() {
        ChartOptions options = ChartOptions.categories(List.of("Q2 2026", "Q3 2026"))
                .line("Median time to close", List.of(50.0, 36.5))
                .target(48, "Target");

        JsonNode markLine = roundTrip(options).at("/series/0/markLine");

        assertThat(markLine.at("/data/0/yAxis").asDouble()).isEqualTo(48.0);
        assertThat(markLine.at("/lineStyle/type").asString()).isEqualTo("dashed");
        assertThat(markLine.at("/label/formatter").asString()).isEqualTo("Target");
    }

    @Test
    void stackedBarsShareAStackAndStartAtZero() {
        ChartOptions options = ChartOptions.categories(List.of("Jul", "Aug"))
                .bar("Phone", List.of(10.0, 12.0))
                .bar("Web", List.of(5.0, 7.0))
                .stacked();

        JsonNode json = roundTrip(options);

        assertThat(json.at("/series").valueStream().map(s -> s.at("/stack").asString()))
                .containsExactly("total", "total");
        assertThat(json.at("/series/1/type").asString()).isEqualTo("bar");
        assertThat(json.at("/yAxis/scale").asBoolean()).isFalse();
        assertThat(json.at("/legend").isMissingNode()).as("two series get a legend").isFalse();
    }

    @Test
    void aSeriesMustHaveOneValuePerCategory() {
        ChartOptions options = ChartOptions.categories(List.of("Jul", "Aug"));

        assertThatIllegalArgumentException().isThrownBy(() -> options.line("Contacts", List.of(1.0)));
    }

    private static JsonNode roundTrip(ChartOptions options) {
        // What the browser parses: the JSON text, not the Java tree.
        return JsonMapper.shared().readTree(options.toJson().toString());
    }
}
