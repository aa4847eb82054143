package io.civicpulse.dashboard.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EChartTests {

    @Test
    void theOptionReachesTheElementAsJson() {
        EChart chart = new EChart(ChartOptions.categories(List.of("Aug 2026")).line("Contacts", List.of(1234.0)));

        String property = chart.getElement().getProperty("option");

        assertThat(property).isEqualTo(chart.getOptionJson());
        assertThat(JsonMapper.shared().readTree(property).at("/series/0/data/0").asDouble()).isEqualTo(1234.0);
    }

    @Test
    void theValueFormatCarriesTheLocale() {
        EChart chart = new EChart();

        chart.setValueFormat(ValueFormat.decimal(0, 1, " h"), Locale.GERMANY);

        JsonNode format = JsonMapper.shared().readTree(chart.getElement().getProperty("valueFormat"));
        assertThat(format.at("/locale").asString()).isEqualTo("de-DE");
        assertThat(format.at("/suffix").asString()).isEqualTo(" h");
        assertThat(format.at("/maxFractionDigits").asInt()).isEqualTo(1);
    }

    @Test
    void aChartIsAnImageWithASummaryForScreenReaders() {
        EChart chart = new EChart();

        chart.setAccessibleSummary("Contacts, last 12 months: from 1,100 to 1,234.");

        assertThat(chart.getElement().getAttribute("role")).isEqualTo("img");
        assertThat(chart.getElement().getAttribute("aria-label")).isEqualTo(
                "Contacts, last 12 months: from 1,100 to 1,234.");
    }

    @Test
    void theScriptsItLoadsAreServedByTheDashboard() {
        String echarts = EchartsLibrary.url();

        assertThat(echarts).matches("context://echarts/\\d+\\.\\d+\\.\\d+[^/]*/dist/echarts\\.min\\.js");
        assertThat(resource(echarts)).as(echarts).isTrue();
        assertThat(resource(EChart.ELEMENT_URL)).as(EChart.ELEMENT_URL).isTrue();
    }

    private static boolean resource(String contextUrl) {
        String path = "META-INF/resources/" + contextUrl.substring("context://".length());
        return EChartTests.class.getClassLoader().getResource(path) != null;
    }
}
