package io.jenkins.plugins.dataops.engine.db;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The JDBC drivers bundled with the engine, found through the engine's own class loader and used directly.
 * {@link DriverManager} is never asked for a connection: it finds drivers through the thread's context class
 * loader and the caller's, which in a Jenkins plugin or on a reconnected agent are not the engine's, and it would
 * keep the engine's class loader alive after the plugin or agent connection is gone. The drivers register
 * themselves with {@link DriverManager} when their classes initialise, so this class takes those registrations
 * back at once.
 */
final class JdbcDrivers {
    private static final List<Driver> DRIVERS = load();

    private JdbcDrivers() {}

    /**
     * Finds the driver for a URL.
     *
     * @param jdbcUrl the JDBC URL
     * @return the engine's driver that accepts it
     * @throws SQLException when none does
     */
    static Driver forUrl(final String jdbcUrl) throws SQLException {
        for (Driver driver : DRIVERS) {
            if (driver.acceptsURL(jdbcUrl)) {
                return driver;
            }
        }
        throw new SQLException("no JDBC driver bundled with the engine accepts this URL (H2, PostgreSQL and SQL Server"
                + " are); check the environment's url");
    }

    private static List<Driver> load() {
        ClassLoader own = JdbcDrivers.class.getClassLoader();
        List<Driver> drivers = new ArrayList<>();
        Iterator<Driver> found = ServiceLoader.load(Driver.class, own).iterator();
        while (hasNext(found)) {
            try {
                drivers.add(found.next());
            } catch (ServiceConfigurationError e) {
                // a driver that cannot start (a missing optional dependency) must not stop the others
            }
        }
        deregisterOwn(own);
        return List.copyOf(drivers);
    }

    private static boolean hasNext(final Iterator<Driver> found) {
        try {
            return found.hasNext();
        } catch (ServiceConfigurationError e) {
            return false;
        }
    }

    /** Takes back the self-registrations of the drivers this loader defined; other loaders' drivers stay. */
    private static void deregisterOwn(final ClassLoader own) {
        for (Driver driver : Collections.list(DriverManager.getDrivers())) {
            if (driver.getClass().getClassLoader() == own) {
                try {
                    DriverManager.deregisterDriver(driver);
                } catch (SQLException e) {
                    // not registered any more: nothing to take back
                }
            }
        }
    }
}
