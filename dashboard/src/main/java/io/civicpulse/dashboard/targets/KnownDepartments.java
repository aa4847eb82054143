package io.civicpulse.dashboard.targets;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The department codes the published results know, to choose from when a goal or an alert names one. */
@Service
public class KnownDepartments {

    private final JdbcClient jdbc;

    public KnownDepartments(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Every department of any published quarter (the quarters hold every department with the fewest rows). */
    public List<String> all() {
        return jdbc.sql("SELECT DISTINCT department FROM kpi_result WHERE grain = 'QUARTER' AND department <> '*'"
                + " ORDER BY department").query(String.class).list();
    }
}
