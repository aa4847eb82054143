package io.civicpulse.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import org.quartz.SchedulerConfigException;
import org.quartz.spi.ClassLoadHelper;
import org.quartz.spi.SchedulerSignaler;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.scheduling.quartz.LocalDataSourceJobStore;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;

/**
 * Spring's job store, with connection providers of its own. Spring registers the DataSource in Quartz's JVM-wide
 * {@link DBConnectionManager} under the scheduler's name, so a second application context in the same JVM with the
 * same scheduler name (test contexts; two "nodes" of the clustering test) would silently take over the first one's
 * database. Every instance here registers under a name of its own instead, while the scheduler name, the key of the
 * cluster in the Quartz tables, stays the same on every node.
 */
public class ContextDataSourceJobStore extends LocalDataSourceJobStore {

    @Override
    public void initialize(ClassLoadHelper loadHelper, SchedulerSignaler signaler) throws SchedulerConfigException {
        DataSource dataSource = SchedulerFactoryBean.getConfigTimeDataSource();
        DataSource nonTransactional = SchedulerFactoryBean.getConfigTimeNonTransactionalDataSource();
        super.initialize(loadHelper, signaler);
        String name = "civicpulse." + getInstanceName() + "." + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(name + ".tx", new Provider() {
            @Override
            public Connection getConnection() throws SQLException {
                // Joins the Spring transaction in force, so that a schedule and its trigger are saved together.
                return DataSourceUtils.doGetConnection(dataSource);
            }
        });
        DataSource plain = nonTransactional != null ? nonTransactional : dataSource;
        DBConnectionManager.getInstance().addConnectionProvider(name + ".nontx", new Provider() {
            @Override
            public Connection getConnection() throws SQLException {
                return plain.getConnection();
            }
        });
        setDataSource(name + ".tx");
        setNonManagedTXDataSource(name + ".nontx");
    }

    private abstract static class Provider implements ConnectionProvider {

        @Override
        public void shutdown() {
            // The DataSource belongs to the application context, which closes it.
        }

        @Override
        public void initialize() {
            // Nothing to set up: the DataSource is ready.
        }
    }
}
