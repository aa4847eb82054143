package io.civicpulse.dashboard.filter.ui;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;

import io.civicpulse.dashboard.filter.DashboardFilter;
import io.civicpulse.dashboard.format.PeriodFormat;
import io.civicpulse.dashboard.format.KpiFormat;
import io.civicpulse.kpi.Grain;

/**
 * The filters every view shares: grain, the range's first period ("From"), the selected period, department, service,
 * channel and district. The bar only reports a person's choice as a new {@link DashboardFilter}; the view puts it in
 * the address, and shows what the address says, so a choice, a link, a reload and the back button all take the same
 * path.
 */
public class FilterBar extends Div {

    final Select<Grain> grain = new Select<>();
    final FromBox from = new FromBox();
    final ComboBox<LocalDate> period = new ComboBox<>();
    final ComboBox<String> department = new ComboBox<>();
    final ComboBox<String> service = new ComboBox<>();
    final ComboBox<String> channel = new ComboBox<>();
    final ComboBox<String> district = new ComboBox<>();

    private DashboardFilter shown = DashboardFilter.city();
    // Set while the bar fills its fields itself, so only a person's choice is reported.
    private boolean updating;
    private Consumer<DashboardFilter> listener = filter -> { };

    public FilterBar() {
        addClassName("cp-filters");
        getElement().setAttribute("role", "search");
        getElement().setAttribute("aria-label", getTranslation("filter.label"));

        grain.setLabel(getTranslation("overview.grain"));
        grain.setItems(Grain.values());
        grain.setItemLabelGenerator(g -> PeriodFormat.of(getLocale()).grain(g));
        grain.addValueChangeListener(event -> report(shown.withGrain(event.getValue()).withPeriod(null)));

        from.addValueChangeListener(event -> report(shown.withFrom(event.getValue())));

        period.setLabel(getTranslation("overview.period"));
        period.setAllowCustomValue(false);
        period.setClearButtonVisible(false);
        period.addClassName("cp-filters__period");
        period.addValueChangeListener(event -> report(shown.withPeriod(event.getValue())));

        configure(department, "filter.department", "filter.allDepartments");
        department.addValueChangeListener(event -> report(shown.withDepartment(event.getValue())));
        configure(service, "filter.service", "filter.allServices");
        service.addValueChangeListener(event -> report(shown.withService(event.getValue())));
        configure(channel, "filter.channel", "filter.allChannels");
        channel.setItemLabelGenerator(code -> KpiFormat.of(getLocale()).channel(code));
        channel.addValueChangeListener(event -> report(shown.withChannel(event.getValue())));
        configure(district, "filter.district", "filter.allDistricts");
        district.addValueChangeListener(event -> report(shown.withDistrict(event.getValue())));

        add(grain, from, period, department, service, channel, district);
    }

    private void configure(ComboBox<String> box, String label, String placeholder) {
        box.setLabel(getTranslation(label));
        box.setPlaceholder(getTranslation(placeholder));
        box.setClearButtonVisible(true);
        box.setAllowCustomValue(false);
        box.addClassName("cp-filters__dimension");
    }

    /** Called with the filter a person chose; never while the bar is being filled. */
    public void onChange(Consumer<DashboardFilter> listener) {
        this.listener = Objects.requireNonNull(listener);
    }

    /** Which dimensions this view offers; a view about channels, say, has no channel filter. */
    public FilterBar dimensions(boolean departments, boolean services, boolean channels, boolean districts) {
        department.setVisible(departments);
        service.setVisible(services);
        channel.setVisible(channels);
        district.setVisible(districts);
        return this;
    }

    public void setOptions(List<String> departments, List<String> services, List<String> channels,
            List<String> districts) {
        updating = true;
        try {
            department.setItems(departments);
            service.setItems(services);
            service.setEnabled(!services.isEmpty());
            channel.setItems(channels);
            district.setItems(districts);
        } finally {
            updating = false;
        }
    }

    /** Shows the filter without reporting it. */
    public void show(DashboardFilter filter, List<LocalDate> periods) {
        shown = filter;
        updating = true;
        try {
            PeriodFormat format = PeriodFormat.of(getLocale());
            grain.setValue(filter.grain());
            period.setItems(periods);
            period.setItemLabelGenerator(start -> format.label(filter.grain(), start));
            period.setValue(filter.period());
            from.show(filter, periods);
            department.setValue(filter.department());
            service.setValue(filter.service());
            channel.setValue(filter.channel());
            district.setValue(filter.district());
        } finally {
            updating = false;
        }
    }

    public DashboardFilter filter() {
        return shown;
    }

    private void report(DashboardFilter filter) {
        if (!updating && !filter.equals(shown)) {
            listener.accept(filter);
        }
    }

}
