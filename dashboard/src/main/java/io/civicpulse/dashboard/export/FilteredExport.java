package io.civicpulse.dashboard.export;

import java.io.Writer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.civicpulse.dashboard.filter.DashboardFilter;
import io.civicpulse.dashboard.filter.PeriodRange;
import io.civicpulse.dashboard.security.Viewer;

import io.civicpulse.kpi.Kpi;
import io.civicpulse.kpi.KpiCsv;
import io.civicpulse.kpi.KpiResultRepository;
import io.civicpulse.kpi.KpiRow;
import io.civicpulse.kpi.Slice;
import io.civicpulse.kpi.SliceKey;

/**
 * The rows behind a filtered view, in the export contract's format (KpiCsv) and order, so a download of a view
 * reads exactly like the same rows of the nightly export: every KPI of the filter's slice for the periods the view
 * shows (the filter's {@link DashboardFilter#range() range}, the same value the view's charts are drawn from) and,
 * for a view with breakdown tables, the rows of those tables.
 */
@Service
public class FilteredExport {

    /** What a view shows besides its own slice. */
    public enum Scope {
        /** Only the filter's slice. */
        SLICE,
        /**
         * The slice and its breakdown tables: the city's departments in the selected period, or a department's
         * services, channels and districts over the range (the sparklines and the channel mix).
         */
        SLICE_AND_BREAKDOWNS,
        /** The slice and the same department's (or the city's) channels over the range. */
        SLICE_AND_CHANNELS,
        /** The slice and every department over the range. */
        SLICE_AND_DEPARTMENTS,
        /** The slice and its department's services over the range. */
        SLICE_AND_SERVICES
    }

    /** The contract's order: the seven key columns compared as strings (ASCII codes, so Java's order is the same). */
    static final Comparator<KpiRow> EXPORT_ORDER = Comparator.<KpiRow, String>comparing(row -> row.kpi().name())
            .thenComparing(row -> row.grain().name())
            .thenComparing(KpiRow::periodStart)
            .thenComparing(KpiRow::department)
            .thenComparing(KpiRow::service)
            .thenComparing(KpiRow::channel)
            .thenComparing(KpiRow::district);

    private final JdbcClient jdbc;

    public FilteredExport(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Writes the rows of the view to {@code out} as CSV with the header; returns how many rows it wrote. */
    public int write(DashboardFilter filter, Scope scope, Writer out) {
        return write(filter, scope, List.of(), out);
    }

    /** Like {@link #write(DashboardFilter, Scope, Writer)}, for a view that shows only some KPIs. */
    public int write(DashboardFilter filter, Scope scope, Collection<Kpi> kpis, Writer out) {
        List<KpiRow> rows = new ArrayList<>(rows(filter, scope, kpis));
        rows.sort(EXPORT_ORDER);
        KpiCsv csv = new KpiCsv(out);
        rows.forEach(csv::write);
        csv.flush();
        return rows.size();
    }

    /**
     * Only what the {@link Viewer} may see: a slice of another department is refused, and a breakdown by department
     * keeps the viewer's own departments.
     *
     * @throws io.civicpulse.dashboard.security.DepartmentNotAllowedException for another department's slice
     */
    List<KpiRow> rows(DashboardFilter filter, Scope scope, Collection<Kpi> kpis) {
        Viewer viewer = Viewer.current();
        SliceKey slice = filter.slice();
        viewer.require(slice.department());
        PeriodRange range = filter.range();
        StringBuilder sql = new StringBuilder("SELECT " + KpiResultRepository.COLUMNS
                + " FROM kpi_result WHERE grain = ?"
                + " AND period_start BETWEEN ? AND ? AND ((department = ? AND service = ? AND channel = ?"
                + " AND district = ?)");
        List<Object> params = new ArrayList<>(List.of(filter.grain().name(), range.first(), range.last(),
                slice.department(), slice.service(), slice.channel(), slice.district()));
        if (scope == Scope.SLICE_AND_BREAKDOWNS && slice.slice() == Slice.CITY) {
            // The city's table of departments shows the selected period only.
            sql.append(" OR (department <> '*' AND service = '*' AND channel = '*' AND district = '*'"
                    + " AND period_start = ?)");
            params.add(filter.period());
        } else if (scope == Scope.SLICE_AND_BREAKDOWNS && slice.slice() == Slice.DEPARTMENT) {
            sql.append(" OR (department = ? AND ((service <> '*' AND channel = '*' AND district = '*')"
                    + " OR (service = '*' AND channel <> '*' AND district = '*')"
                    + " OR (service = '*' AND channel = '*' AND district <> '*')))");
            params.add(slice.department());
        } else if (scope == Scope.SLICE_AND_CHANNELS) {
            sql.append(" OR (department = ? AND service = '*' AND channel <> '*' AND district = '*')");
            params.add(slice.department());
        } else if (scope == Scope.SLICE_AND_DEPARTMENTS) {
            sql.append(" OR (department <> '*' AND service = '*' AND channel = '*' AND district = '*')");
        } else if (scope == Scope.SLICE_AND_SERVICES) {
            sql.append(" OR (department = ? AND service <> '*' AND channel = '*' AND district = '*')");
            params.add(slice.department());
        }
        sql.append(')');
        if (!kpis.isEmpty()) {
            sql.append(" AND kpi IN (").append("?,".repeat(kpis.size() - 1)).append("?)");
            kpis.forEach(kpi -> params.add(kpi.name()));
        }
        return viewer.visibleRows(jdbc.sql(sql.toString()).params(params).query(KpiResultRepository.ROW).list());
    }

    /**
     * "civicpulse-SAN-MONTH-2026-08-01.csv": what and when, so several downloads do not overwrite each other. A range
     * chosen with {@code from} is named by both ends ("...-MONTH-2026-03-01-2026-08-01.csv"), since it holds other
     * rows than the default range ending with the same period.
     */
    public static String fileName(DashboardFilter filter) {
        SliceKey slice = filter.slice();
        List<String> parts = new ArrayList<>(List.of("civicpulse"));
        for (String value : List.of(slice.department(), slice.service(), slice.channel(), slice.district())) {
            if (!Slice.ALL.equals(value)) {
                parts.add(value.replaceAll("[^A-Za-z0-9_-]", "_"));
            }
        }
        if (parts.size() == 1) {
            parts.add("city");
        }
        parts.add(filter.grain().name());
        if (filter.from() != null) {
            parts.add(filter.range().first().toString());
        }
        parts.add(String.valueOf(filter.period()));
        return String.join("-", parts) + ".csv";
    }
}
