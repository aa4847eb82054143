package io.civicpulse.dashboard.targets.ui;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;

import io.civicpulse.dashboard.format.KpiFormat;
import io.civicpulse.kpi.Better;
import io.civicpulse.kpi.Kpi;
import io.civicpulse.kpi.KpiParameters;
import io.civicpulse.targets.InvalidTargetChange;
import io.civicpulse.targets.TargetChange;
import io.civicpulse.targets.TargetKey;
import io.civicpulse.targets.TargetStore;

/**
 * Sets (changes or adds) or ends one goal, with its effective date (today by default) and a reason. Every field is
 * checked before anything is saved; the store checks again and saves the change in one step, so a refused change
 * leaves nothing behind.
 */
class TargetDialog extends Dialog {

    enum Mode {
        SET, END
    }

    private final transient TargetStore store;
    private final Mode mode;
    private final String user;
    private final transient Consumer<TargetChange> saved;

    final ComboBox<Kpi> kpi = new ComboBox<>();
    final ComboBox<String> department = new ComboBox<>();
    final ComboBox<String> channel = new ComboBox<>();
    final NumberField value = new NumberField();
    final NumberField weight = new NumberField();
    final DatePicker effectiveFrom = new DatePicker();
    final TextArea reason = new TextArea();
    final Paragraph error = new Paragraph();
    final Button save = new Button();

    TargetDialog(TargetStore store, Mode mode, TargetKey key, Optional<TargetChange> inForce,
            List<String> departments, LocalDate today, String user, Consumer<TargetChange> saved) {
        this.store = store;
        this.mode = mode;
        this.user = user;
        this.saved = saved;
        addClassName("cp-target-dialog");
        KpiFormat format = KpiFormat.of(getLocale());
        setHeaderTitle(mode == Mode.END ? getTranslation("targets.dialog.endTitle")
                : key == null ? getTranslation("targets.dialog.addTitle") : getTranslation("targets.dialog.setTitle"));

        kpi.setLabel(getTranslation("targets.kpi"));
        kpi.setItems(Stream.of(Kpi.values())
                .filter(k -> k.better() != Better.NEITHER && k != Kpi.EXPERIENCE_SCORE).toList());
        kpi.setItemLabelGenerator(format::name);
        kpi.addValueChangeListener(event -> describeRange(format, event.getValue()));
        department.setLabel(getTranslation("targets.department"));
        department.setItems(departments);
        department.setAllowCustomValue(true);
        department.addCustomValueSetListener(event -> department.setValue(event.getDetail().strip().toUpperCase()));
        department.setPlaceholder(getTranslation("targets.all"));
        department.setClearButtonVisible(true);
        channel.setLabel(getTranslation("targets.channel"));
        channel.setItems(TargetStore.CHANNELS);
        channel.setItemLabelGenerator(format::channel);
        channel.setPlaceholder(getTranslation("targets.all"));
        channel.setClearButtonVisible(true);
        value.setLabel(getTranslation("targets.value"));
        weight.setLabel(getTranslation("targets.weight"));
        weight.setHelperText(getTranslation("targets.dialog.weightHelp"));
        effectiveFrom.setLabel(getTranslation("targets.dialog.effectiveFrom"));
        effectiveFrom.setHelperText(getTranslation("targets.dialog.effectiveFromHelp"));
        effectiveFrom.setValue(today);
        effectiveFrom.setRequiredIndicatorVisible(true);
        reason.setLabel(getTranslation("targets.history.reason"));
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(1000);
        error.addClassName("cp-target-dialog__error");
        error.setVisible(false);

        if (key != null) {
            kpi.setValue(key.kpi());
            department.setValue(key.department());
            channel.setValue(key.channel());
            kpi.setReadOnly(true);
            department.setReadOnly(true);
            channel.setReadOnly(true);
        }
        value.setValue(inForce.map(TargetChange::value).orElse(null));
        weight.setValue(inForce.map(TargetChange::weight).orElse(1.0));

        FormLayout form = new FormLayout(kpi, department, channel);
        if (mode == Mode.SET) {
            form.add(value, weight);
        }
        form.add(effectiveFrom, reason);
        form.setColspan(reason, 2);
        Paragraph note = new Paragraph(getTranslation("targets.dialog.note"));
        note.addClassName("cp-target-dialog__note");
        add(form, note, error);

        save.setText(mode == Mode.END ? getTranslation("targets.end") : getTranslation("targets.dialog.save"));
        save.addThemeVariants(mode == Mode.END ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        Button cancel = new Button(getTranslation("targets.dialog.cancel"), click -> close());
        getFooter().add(cancel, save);
    }

    private void describeRange(KpiFormat format, Kpi chosen) {
        if (chosen == null) {
            value.setHelperText(null);
            return;
        }
        Kpi.Range range = chosen.range();
        value.setHelperText(range.bounded()
                ? getTranslation("targets.dialog.range", number(getLocale(), range.min()), number(getLocale(), range.max()))
                : getTranslation("targets.dialog.atLeast", number(getLocale(), range.min())));
    }

    /** Checks every field, shows what is wrong in the reader's language, and saves only a complete change. */
    void save() {
        clearErrors();
        boolean ok = true;
        if (kpi.getValue() == null) {
            ok = invalid(kpi, getTranslation("targets.error.kpi"));
        }
        if (effectiveFrom.getValue() == null) {
            ok = invalid(effectiveFrom, getTranslation("targets.error.date"));
        }
        if (reason.getValue() == null || reason.getValue().isBlank()) {
            ok = invalid(reason, getTranslation("targets.error.reason"));
        }
        if (mode == Mode.SET && kpi.getValue() != null) {
            Kpi chosen = kpi.getValue();
            if (value.getValue() == null || value.isInvalid()) {
                ok = invalid(value, getTranslation("targets.error.value"));
            } else if (KpiParameters.targetProblem(chosen, value.getValue(), 1).isPresent()) {
                Kpi.Range range = chosen.range();
                KpiFormat format = KpiFormat.of(getLocale());
                ok = invalid(value, range.bounded()
                        ? getTranslation("targets.error.range", number(getLocale(), range.min()), number(getLocale(), range.max()))
                        : getTranslation("targets.error.atLeast", number(getLocale(), range.min())));
            }
            if (weight.getValue() == null || !(weight.getValue() > 0)) {
                ok = invalid(weight, getTranslation("targets.error.weight"));
            }
        }
        if (!ok) {
            return;
        }
        TargetKey key = new TargetKey(kpi.getValue(), department.getValue(), channel.getValue());
        try {
            TargetChange change = mode == Mode.END
                    ? store.end(key, effectiveFrom.getValue(), reason.getValue(), user)
                    : store.set(key, value.getValue(), weight.getValue(), effectiveFrom.getValue(), reason.getValue(),
                            user);
            close();
            saved.accept(change);
        } catch (InvalidTargetChange e) {
            // The store's own check (a rule the fields above do not cover, such as ending a goal not yet in force).
            error.setText(getTranslation("targets.error.refused", e.getMessage()));
            error.setVisible(true);
        }
    }

    /** A plain number with as many decimals as it has, up to four: "2", "1.5", "-100". */
    static String number(java.util.Locale locale, double value) {
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(4);
        return format.format(value);
    }

    private void clearErrors() {
        error.setVisible(false);
        List.<HasValidation>of(kpi, effectiveFrom, reason, value, weight).forEach(field -> {
            field.setInvalid(false);
            field.setErrorMessage(null);
        });
    }

    private static boolean invalid(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
        return false;
    }
}
