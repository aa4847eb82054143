package io.civicpulse.dashboard.api;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.civicpulse.dashboard.security.Viewer;
import io.civicpulse.kpi.KpiResultRepository;
import io.civicpulse.kpi.KpiRow;
import io.civicpulse.kpi.Slice;

/**
 * The published rows an API request selects, in the export contract's order, a page at a time, within the
 * {@link Viewer}'s scope: a department head asking for another department is refused, and one who names no
 * department gets the city's rows and their own departments' only.
 */
@Repository
class KpiApiQueries {

    /** One page of rows and how many rows the whole selection holds. */
    record Page(List<KpiRow> rows, long total) {
    }

    private final JdbcClient jdbc;

    KpiApiQueries(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** @throws io.civicpulse.dashboard.security.DepartmentNotAllowedException for another department */
    Page find(KpiQuery query) {
        Viewer viewer = Viewer.current();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (!query.kpis().isEmpty()) {
            where.append(" AND kpi IN (").append("?,".repeat(query.kpis().size() - 1)).append("?)");
            query.kpis().forEach(kpi -> params.add(kpi.name()));
        }
        condition(where, params, "grain = ?", query.grain() == null ? null : query.grain().name());
        condition(where, params, "period_start >= ?", query.from());
        condition(where, params, "period_start <= ?", query.to());
        if (query.department() != null) {
            viewer.require(query.department());
            condition(where, params, "department = ?", query.department());
        } else if (viewer.isScoped()) {
            // The city's totals and the viewer's own departments (an empty list leaves the city's alone).
            where.append(" AND department IN (?");
            params.add(Slice.ALL);
            for (String department : viewer.departments()) {
                where.append(", ?");
                params.add(department);
            }
            where.append(')');
        }
        condition(where, params, "service = ?", query.service());
        condition(where, params, "channel = ?", query.channel());
        condition(where, params, "district = ?", query.district());
        if (viewer.roles().isEmpty()) {
            where.append(" AND 1 = 0");
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM kpi_result" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(query.offset());
        pageParams.add(query.limit());
        // The contract's order; the key columns are ASCII codes, so the database's order is the byte order too.
        List<KpiRow> rows = jdbc.sql("SELECT " + KpiResultRepository.COLUMNS + " FROM kpi_result" + where
                        + " ORDER BY kpi, grain, period_start, department, service, channel, district"
                        + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
                .params(pageParams)
                .query(KpiResultRepository.ROW)
                .list();
        return new Page(rows.stream().map(KpiApiQueries::withoutSuppressedValues).toList(), total);
    }

    /** A suppressed row carries no value, whatever was stored: only its key, sample size, target and the flag. */
    static KpiRow withoutSuppressedValues(KpiRow row) {
        if (!row.suppressed()) {
            return row;
        }
        return new KpiRow(row.kpi(), row.grain(), row.periodStart(), row.department(), row.service(), row.channel(),
                row.district(), null, null, null, row.sampleSize(), row.target(), null, null, true);
    }

    private static void condition(StringBuilder where, List<Object> params, String condition, Object value) {
        if (value != null) {
            where.append(" AND ").append(condition);
            params.add(value);
        }
    }
}
