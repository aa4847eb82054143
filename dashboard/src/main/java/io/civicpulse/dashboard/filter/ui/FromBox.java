package io.civicpulse.dashboard.filter.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.vaadin.flow.component.combobox.ComboBox;

import io.civicpulse.dashboard.filter.DashboardFilter;
import io.civicpulse.dashboard.filter.PeriodRange;
import io.civicpulse.dashboard.format.PeriodFormat;

/**
 * "From": the first period of the range the charts and the export cover, next to the selected period that ends it.
 * Empty means the default range, whose start it shows as its placeholder; clearing it goes back to the default. It
 * offers only periods up to the selected one and no earlier than the longest range allows, so no choice is quietly
 * clamped or cut. Shared by the filter bar and the city overview, which has its own period selectors.
 */
public class FromBox extends ComboBox<LocalDate> {

    public FromBox() {
        setLabel(getTranslation("filter.from"));
        setTooltipText(getTranslation("filter.from.hint", PeriodRange.DEFAULT_PERIODS));
        setAllowCustomValue(false);
        setClearButtonVisible(true);
        addClassName("cp-filters__period");
    }

    /**
     * Shows the range of a resolved filter without judging it; {@code periods} are the grain's periods with results,
     * newest first, as the period box lists them.
     */
    public void show(DashboardFilter filter, List<LocalDate> periods) {
        PeriodRange range = filter.range();
        LocalDate earliest = PeriodRange.earliestFirst(range.grain(), range.last());
        List<LocalDate> items = new ArrayList<>(periods.stream()
                .filter(start -> !start.isAfter(range.last()) && !start.isBefore(earliest))
                .toList());
        // A link may start the range at a period without results (its trend shows a gap there): still show it.
        if (filter.from() != null && !items.contains(filter.from())) {
            items.add(filter.from());
            items.sort(Comparator.reverseOrder());
        }
        PeriodFormat format = PeriodFormat.of(getLocale());
        setItems(items);
        setItemLabelGenerator(start -> format.label(range.grain(), start));
        setPlaceholder(format.label(range.grain(), range.first()));
        setValue(filter.from());
    }
}
