package io.civicpulse.dashboard.filter;

import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.civicpulse.dashboard.publication.PublishedAnswers;
import io.civicpulse.dashboard.security.Viewer;
import io.civicpulse.jdbc.CodeOrder;
import io.civicpulse.kpi.Grain;

/**
 * The values a filter can take: those that have published results in the period shown. Read here with plain SQL
 * rather than through the jobs module's repository, which has no such queries. Every query names the grain, the
 * period and the kind of slice, so it seeks the {@code kpi_result_by_period} index (grain, period, slice columns).
 * Departments are those the {@link Viewer} may see: a department head is never offered another department. The
 * answers are the same for every viewer until the next publication, so they are kept ({@link PublishedAnswers}).
 */
@Service
public class FilterOptions {

    private final JdbcClient jdbc;
    private final CodeOrder order;
    private final PublishedAnswers answers;

    public FilterOptions(DataSource dataSource, PublishedAnswers answers) {
        this.jdbc = JdbcClient.create(dataSource);
        this.order = CodeOrder.of(dataSource);
        this.answers = answers;
    }

    public List<String> departments(Grain grain, LocalDate period) {
        return Viewer.current().visible(distinct("department", grain, period));
    }

    /** The services of one department. */
    public List<String> services(Grain grain, LocalDate period, String department) {
        if (department == null || !Viewer.current().maySee(department)) {
            return List.of();
        }
        return answers.get(List.of("services", grain, period, department), () -> List.copyOf(jdbc.sql(
                        "SELECT service FROM kpi_result WHERE grain = ? AND period_start = ? AND department = ?"
                        + " AND service <> '*' GROUP BY service ORDER BY " + order.by("service"))
                .params(grain.name(), period, department)
                .query(String.class)
                .list()));
    }

    public List<String> channels(Grain grain, LocalDate period) {
        return distinct("channel", grain, period);
    }

    public List<String> districts(Grain grain, LocalDate period) {
        return distinct("district", grain, period);
    }

    private List<String> distinct(String column, Grain grain, LocalDate period) {
        // The column name is one of this class's constants, never user input.
        return answers.get(List.of("distinct", column, grain, period), () -> List.copyOf(jdbc.sql("SELECT " + column
                        + " FROM kpi_result WHERE grain = ? AND period_start = ? AND " + column + " <> '*'"
                        + " GROUP BY " + column + " ORDER BY " + order.by(column))
                .params(grain.name(), period)
                .query(String.class)
                .list()));
    }
}
