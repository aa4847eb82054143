package io.civicpulse.dashboard.export.ui;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadHandler;

import io.civicpulse.dashboard.export.FilteredExport;
import io.civicpulse.dashboard.export.FilteredExport.Scope;
import io.civicpulse.dashboard.filter.DashboardFilter;
import io.civicpulse.kpi.Kpi;

/**
 * "Export CSV": downloads the rows of exactly what the view shows. The rows are read when the person clicks, not
 * when the view is built, so a view left open still exports the results it shows (one run publishes atomically).
 */
public class ExportLink extends Anchor {

    final DownloadHandler handler;

    /** The rows of {@code filter}'s slice (and {@code scope}'s breakdowns) over the filter's range. */
    public ExportLink(FilteredExport export, DashboardFilter filter, Scope scope) {
        this(export, filter, scope, List.of());
    }

    /** For a view that shows only {@code kpis}. */
    public ExportLink(FilteredExport export, DashboardFilter filter, Scope scope, List<Kpi> kpis) {
        String fileName = FilteredExport.fileName(filter);
        this.handler = event -> {
            event.setFileName(fileName);
            event.setContentType("text/csv;charset=UTF-8");
            Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8);
            export.write(filter, scope, kpis, out);
            out.flush();
        };
        setHref(handler, AttachmentType.DOWNLOAD);
        addClassName("cp-export");
        Icon icon = VaadinIcon.DOWNLOAD_ALT.create();
        icon.getElement().setAttribute("aria-hidden", "true");
        add(icon, new Span(getTranslation("export.csv")));
        getElement().setAttribute("title", getTranslation("export.hint"));
    }
}
