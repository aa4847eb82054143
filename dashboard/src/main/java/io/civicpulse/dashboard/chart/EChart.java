package io.civicpulse.dashboard.chart;

import java.util.Locale;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.page.Page;
import com.vaadin.flow.shared.Registration;

/**
 * An Apache ECharts chart. The option is sent as a JSON string property to the {@code <cp-echart>} custom element
 * (META-INF/resources/components/cp-echart.js), which initialises ECharts lazily, follows its own size and disposes
 * the chart when removed.
 * <p>
 * Both scripts are added to the page at run time when the first chart is attached, not through {@code @JsModule} or
 * {@code @JavaScript}: those would make the build compile a custom frontend bundle with npm and Vite, while this
 * way the dashboard ships with Vaadin's pre-compiled bundle and builds without Node.js. Flow loads each URL once
 * per page, in the order added.
 * <p>
 * The canvas says nothing to a screen reader, so the element is an image whose label must summarise the data:
 * set it with {@link #setAccessibleSummary(String)}.
 */
@Tag("cp-echart")
public class EChart extends Component implements HasSize, HasStyle {

    static final String ELEMENT_URL = "context://components/cp-echart.js";

    private String optionJson;
    private String valueFormatJson;

    public EChart() {
        getElement().setAttribute("role", "img");
        setWidthFull();
        setHeight("16rem");
    }

    public EChart(ChartOptions options) {
        this();
        setOption(options);
    }

    public void setOption(ChartOptions options) {
        setOption(options.toJson());
    }

    /** Any ECharts option; replaces the previous one entirely. */
    public void setOption(ObjectNode option) {
        optionJson = option.toString();
        getElement().setProperty("option", optionJson);
    }

    /** The option as sent to the browser, as JSON. */
    public String getOptionJson() {
        return optionJson;
    }

    /** How tooltips and the value axis print numbers, in the given locale's conventions. */
    public void setValueFormat(ValueFormat format, Locale locale) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("locale", locale.toLanguageTag());
        json.put("percent", format.percent());
        json.put("minFractionDigits", format.minFractionDigits());
        json.put("maxFractionDigits", format.maxFractionDigits());
        json.put("suffix", format.suffix());
        json.put("signed", format.signed());
        valueFormatJson = json.toString();
        getElement().setProperty("valueFormat", valueFormatJson);
    }

    public String getValueFormatJson() {
        return valueFormatJson;
    }

    /** What the chart shows, in words, for people who cannot see it. */
    public void setAccessibleSummary(String summary) {
        getElement().setAttribute("aria-label", summary);
    }

    public String getAccessibleSummary() {
        return getElement().getAttribute("aria-label");
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        Page page = attachEvent.getUI().getPage();
        page.addJavaScript(EchartsLibrary.url());
        page.addJavaScript(ELEMENT_URL);
    }

    /** Adds a listener for clicks on a data point, bar or area; the dashboard drills down with it. */
    public Registration addClickListener(ComponentEventListener<ClickEvent> listener) {
        return addListener(ClickEvent.class, listener);
    }

    /** A click on a chart element: which series and which category (x-axis label) it belongs to. */
    @DomEvent("cp-chart-click")
    public static class ClickEvent extends ComponentEvent<EChart> {

        private final String seriesName;
        private final String category;
        private final int dataIndex;

        public ClickEvent(EChart source, boolean fromClient, @EventData("event.detail.seriesName") String seriesName,
                @EventData("event.detail.name") String category, @EventData("event.detail.dataIndex") int dataIndex) {
            super(source, fromClient);
            this.seriesName = seriesName;
            this.category = category;
            this.dataIndex = dataIndex;
        }

        public String seriesName() {
            return seriesName;
        }

        public String category() {
            return category;
        }

        public int dataIndex() {
            return dataIndex;
        }
    }
}
