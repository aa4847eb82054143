package io.civicpulse.dashboard.comment.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Objects;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;

import io.civicpulse.comment.SurveyComment;
import io.civicpulse.dashboard.comment.CsatBand;
import io.civicpulse.dashboard.comment.LatestComments;
import io.civicpulse.dashboard.filter.DashboardFilter;
import io.civicpulse.dashboard.format.KpiFormat;
import io.civicpulse.dashboard.i18n.Translations;

/**
 * The newest masked comments of the view's slice and period, with their ratings, narrowed by CSAT band and language.
 * Build it only for a user who {@linkplain LatestComments#mayRead() may read comments}. The band and language are the
 * panel's own, not the address's: they narrow what is read, not what the view's KPIs are about, so they stay as they
 * are while the reader moves between periods and slices.
 */
public class LatestCommentsPanel extends Div {

    final Select<CsatBand> band = new Select<>();
    final ComboBox<String> language = new ComboBox<>();
    final Paragraph count = new Paragraph();
    final Grid<SurveyComment> grid = new Grid<>();

    private final transient LatestComments comments;
    private final ZoneId zone;
    private DashboardFilter shown;
    // Set while the panel fills its own fields, so only a reader's choice reloads the comments.
    private boolean updating;

    public LatestCommentsPanel(LatestComments comments, ZoneId zone) {
        this.comments = Objects.requireNonNull(comments);
        this.zone = Objects.requireNonNull(zone);
        addClassName("cp-comments");

        band.addClassName("cp-comments__band");
        band.setLabel(getTranslation("comments.csat"));
        band.setItems(CsatBand.values());
        band.setItemLabelGenerator(b -> getTranslation(b.translationKey()));
        band.setValue(CsatBand.ALL);
        band.addValueChangeListener(event -> choice());

        language.addClassName("cp-comments__language");
        language.setLabel(getTranslation("comments.language"));
        language.setPlaceholder(getTranslation("comments.allLanguages"));
        language.setClearButtonVisible(true);
        language.setAllowCustomValue(false);
        language.setItemLabelGenerator(this::languageName);
        language.addValueChangeListener(event -> choice());

        Div filters = new Div(band, language);
        filters.addClassName("cp-comments__filters");
        count.addClassName("cp-comments__count");
        count.getElement().setAttribute("aria-live", "polite");
        Paragraph masked = new Paragraph(getTranslation("comments.masked"));
        masked.addClassName("cp-comments__masked");

        grid.addClassName("cp-comments__grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(getTranslation("comments.title"));
        add(filters, count, grid, masked);
    }

    /** Shows the newest comments of the filter's slice and period, keeping the panel's own band and language. */
    public void show(DashboardFilter filter) {
        shown = Objects.requireNonNull(filter);
        updating = true;
        try {
            String chosen = language.getValue();
            List<String> languages = comments.languages();
            language.setItems(languages);
            language.setValue(languages.contains(chosen) ? chosen : null);
        } finally {
            updating = false;
        }
        columns(KpiFormat.of(getLocale()));
        refresh();
    }

    private void choice() {
        if (!updating && shown != null) {
            refresh();
        }
    }

    private void refresh() {
        KpiFormat format = KpiFormat.of(getLocale());
        LatestComments.Page page = comments.load(shown, band.getValue(), language.getValue());
        grid.setItems(page.comments());
        grid.setVisible(!page.comments().isEmpty());
        if (page.total() == 0) {
            count.setText(getTranslation("comments.none"));
        } else if (page.total() <= page.comments().size()) {
            count.setText(getTranslation(page.total() == 1 ? "comments.count.one" : "comments.count.other",
                    format.count(page.total())));
        } else {
            count.setText(getTranslation("comments.showing", format.count(page.comments().size()),
                    format.count(page.total())));
        }
    }

    /** Built on every show, so the headers and formats follow the reader's language when it changes. */
    private void columns(KpiFormat format) {
        grid.removeAllColumns();
        DateTimeFormatter submitted = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(format.locale()).withZone(zone);
        grid.addColumn(c -> submitted.format(c.submittedAt())).setKey("submitted")
                .setHeader(getTranslation("comments.submitted")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(SurveyComment::department).setKey("department")
                .setHeader(getTranslation("filter.department")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(SurveyComment::service).setKey("service").setHeader(getTranslation("filter.service"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> format.channel(c.channel())).setKey("channel")
                .setHeader(getTranslation("filter.channel")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> score(c.csat(), format)).setKey("csat").setHeader(getTranslation("comments.csatShort"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> score(c.nps(), format)).setKey("nps").setHeader(getTranslation("comments.npsShort"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> score(c.ces(), format)).setKey("ces").setHeader(getTranslation("comments.cesShort"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> c.language() == null ? "–" : languageName(c.language())).setKey("language")
                .setHeader(getTranslation("comments.language")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(SurveyComment::comment).setKey("comment").setHeader(getTranslation("comments.comment"))
                .setFlexGrow(1);
    }

    private static String score(Integer score, KpiFormat format) {
        return score == null ? "–" : format.count(score);
    }

    /** The language's name where the translation files know it ("Spanish"), else its code as published. */
    private String languageName(String code) {
        String key = "comments.language." + code;
        return Translations.of(getLocale()).has(key) ? getTranslation(key) : code;
    }
}
