package io.civicpulse.dashboard.overview.ui;

import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;

/** What the overview says instead of results: why there are none, and what to do about it. */
class EmptyState extends Div {

    enum Kind {
        LOADING_SAMPLE, SAMPLE_FAILED, NO_RESULTS, NO_RESULTS_FOR_GRAIN, NO_RESULTS_FOR_PERIOD
    }

    static final String RUN_COMMAND =
            "java -jar civicpulse-jobs.jar run --input=DIR --from=YYYY-MM-DD --to=YYYY-MM-DD";

    private final Kind kind;
    private final Paragraph progress = new Paragraph();

    /** @param detail the progress line, the failure reason or the grain, depending on the kind */
    EmptyState(Kind kind, String detail) {
        this.kind = kind;
        addClassName("cp-empty");
        getElement().setAttribute("role", "status");
        switch (kind) {
            case LOADING_SAMPLE -> {
                ProgressBar bar = new ProgressBar();
                bar.setIndeterminate(true);
                bar.getElement().setAttribute("aria-label", getTranslation("empty.loadingLabel"));
                progress.setText(detail);
                progress.addClassName("cp-empty__progress");
                add(icon(VaadinIcon.HOURGLASS), new H2(getTranslation("empty.loadingTitle")),
                        new Paragraph(getTranslation("empty.loadingText")),
                        bar, progress);
            }
            case SAMPLE_FAILED -> {
                Paragraph reason = new Paragraph(getTranslation("empty.failed", detail));
                reason.addClassName("cp-empty__error");
                add(icon(VaadinIcon.EXCLAMATION_CIRCLE), new H2(getTranslation("empty.runTitle")), reason,
                        howToRun());
            }
            case NO_RESULTS -> add(icon(VaadinIcon.CHART_LINE), new H2(getTranslation("empty.runTitle")),
                    howToRun());
            case NO_RESULTS_FOR_GRAIN -> add(icon(VaadinIcon.CALENDAR),
                    new H2(getTranslation("empty.noGrainTitle", detail)),
                    new Paragraph(getTranslation("empty.noGrainText")));
            case NO_RESULTS_FOR_PERIOD -> add(icon(VaadinIcon.CALENDAR),
                    new Paragraph(getTranslation("empty.noPeriod")));
        }
    }

    Kind kind() {
        return kind;
    }

    void setProgress(String message) {
        progress.setText(message);
    }

    private Paragraph howToRun() {
        Paragraph how = new Paragraph(getTranslation("empty.howToRun"));
        how.add(new Code(RUN_COMMAND));
        return how;
    }

    private static Icon icon(VaadinIcon icon) {
        Icon component = icon.create();
        component.addClassName("cp-empty__icon");
        component.getElement().setAttribute("aria-hidden", "true");
        return component;
    }
}
