package io.civicpulse.dashboard.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds an Apache ECharts option (https://echarts.apache.org/en/option.html) for category charts: one value per
 * category and series, line or bar, optionally stacked, with an optional target line. A {@code null} value is a
 * missing data point and is drawn as a gap, never as zero.
 * <p>
 * Colours, fonts and motion are left to the {@code cp-echart} element, which takes them from the page's CSS, so
 * charts follow the stylesheet rather than hard-coded values.
 */
public final class ChartOptions {

    /** ECharts' marker for "no data here"; a line breaks at it. */
    static final String MISSING = "-";

    public enum SeriesType {
        LINE, BAR
    }

    private record Series(String name, SeriesType type, List<Double> values) {
    }

    private final List<String> categories;
    private final List<Series> series = new ArrayList<>();
    private boolean stacked;
    private boolean compact;
    private Double target;
    private String targetLabel;

    private ChartOptions(List<String> categories) {
        this.categories = List.copyOf(categories);
    }

    /** A chart over these x-axis categories, in display order. */
    public static ChartOptions categories(List<String> categories) {
        return new ChartOptions(categories);
    }

    public ChartOptions line(String name, List<Double> values) {
        return add(name, SeriesType.LINE, values);
    }

    public ChartOptions bar(String name, List<Double> values) {
        return add(name, SeriesType.BAR, values);
    }

    /** Stacks every series on the one before: bars on bars, lines as stacked areas. */
    public ChartOptions stacked() {
        this.stacked = true;
        return this;
    }

    /** Small multiples: tight margins, no legend, few axis labels; for charts inside cards. */
    public ChartOptions compact() {
        this.compact = true;
        return this;
    }

    /** A dashed horizontal line at the target, labelled. */
    public ChartOptions target(double value, String label) {
        this.target = value;
        this.targetLabel = Objects.requireNonNull(label);
        return this;
    }

    private ChartOptions add(String name, SeriesType type, List<Double> values) {
        if (values.size() != categories.size()) {
            throw new IllegalArgumentException("series " + name + " has " + values.size() + " values for "
                    + categories.size() + " categories");
        }
        series.add(new Series(Objects.requireNonNull(name), type, new ArrayList<>(values)));
        return this;
    }

    public ObjectNode toJson() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode option = json.objectNode();

        ObjectNode grid = option.putObject("grid");
        grid.put("containLabel", true);
        grid.put("left", compact ? 4 : 16);
        grid.put("right", compact ? 8 : 24);
        grid.put("top", compact ? 12 : (series.size() > 1 ? 40 : 24));
        grid.put("bottom", compact ? 4 : 16);

        ObjectNode tooltip = option.putObject("tooltip");
        tooltip.put("trigger", "axis");
        tooltip.put("confine", true);

        if (series.size() > 1 && !compact) {
            ObjectNode legend = option.putObject("legend");
            legend.put("top", 0);
            // One line that scrolls, so a legend of many channels or departments never runs into the plot.
            legend.put("type", "scroll");
        }

        boolean anyBar = series.stream().anyMatch(s -> s.type() == SeriesType.BAR);
        ObjectNode xAxis = option.putObject("xAxis");
        xAxis.put("type", "category");
        xAxis.put("boundaryGap", anyBar);
        ArrayNode categoryData = xAxis.putArray("data");
        categories.forEach(categoryData::add);
        ObjectNode xLabels = xAxis.putObject("axisLabel");
        xLabels.put("hideOverlap", true);
        if (compact) {
            xLabels.put("fontSize", 11);
        }

        ObjectNode yAxis = option.putObject("yAxis");
        yAxis.put("type", "value");
        // Counts and rates start at zero; averages such as CSAT would look flat, so let ECharts fit them.
        yAxis.put("scale", !anyBar && !stacked);
        if (compact) {
            yAxis.put("splitNumber", 3);
            yAxis.putObject("axisLabel").put("fontSize", 11);
        }

        ArrayNode seriesArray = option.putArray("series");
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            ObjectNode node = seriesArray.addObject();
            node.put("name", s.name());
            node.put("type", s.type() == SeriesType.LINE ? "line" : "bar");
            if (s.type() == SeriesType.LINE) {
                node.put("connectNulls", false);
                node.put("symbolSize", compact ? 5 : 7);
                node.put("showAllSymbol", true);
                if (stacked) {
                    node.putObject("areaStyle");
                }
            }
            if (stacked) {
                node.put("stack", "total");
            }
            ArrayNode data = node.putArray("data");
            for (Double value : s.values()) {
                if (value == null || value.isNaN()) {
                    data.add(MISSING);
                } else {
                    data.add(value);
                }
            }
            if (i == 0 && target != null) {
                ObjectNode markLine = node.putObject("markLine");
                markLine.put("silent", true);
                markLine.put("symbol", "none");
                markLine.putObject("lineStyle").put("type", "dashed");
                ObjectNode label = markLine.putObject("label");
                label.put("formatter", targetLabel);
                label.put("position", "insideEndTop");
                ObjectNode line = markLine.putArray("data").addObject();
                line.put("yAxis", target);
                line.put("name", targetLabel);
            }
        }
        return option;
    }
}
