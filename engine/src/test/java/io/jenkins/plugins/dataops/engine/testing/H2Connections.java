package io.jenkins.plugins.dataops.engine.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens H2 connections for tests through the driver itself: the engine takes its drivers' self-registrations back
 * from {@code DriverManager} (see {@code db.JdbcDrivers}), so once the engine has run {@code DriverManager} may no
 * longer know H2 in this JVM.
 */
public final class H2Connections {
    private H2Connections() {}

    /**
     * Opens a connection as {@code sa} with an empty password.
     *
     * @param url an H2 JDBC URL
     * @return the open connection; the caller closes it
     * @throws SQLException when H2 refuses it
     */
    public static Connection open(final String url) throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", "sa");
        login.setProperty("password", "");
        return new org.h2.Driver().connect(url, login);
    }
}
