package de.henk.hub.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * A fresh, empty database on the suite's database server (H2 in memory, or a new PostgreSQL database next to the
 * suite's), for hubs that must not share the suite's tables — e.g. because the suite's hubs would work on their rows.
 */
public final class OwnDatabase implements AutoCloseable {

    private final String url;
    private final String name;

    private OwnDatabase(String url, String name) {
        this.url = url;
        this.name = name;
    }

    public static OwnDatabase create() throws SQLException {
        String name = "henk_own_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (!TestDatabase.postgres()) {
            return new OwnDatabase("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", name);
        }
        try (Connection suite = suiteDatabase(); Statement statement = suite.createStatement()) {
            statement.execute("create database " + name);
        }
        return new OwnDatabase(TestDatabase.url().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"), name);
    }

    public String url() {
        return url;
    }

    public String username() {
        return TestDatabase.username();
    }

    /** Drops the database (every connection to it must be closed by now). */
    @Override
    public void close() throws SQLException {
        if (!TestDatabase.postgres()) {
            try (Connection own = DriverManager.getConnection(url, "sa", "");
                 Statement statement = own.createStatement()) {
                statement.execute("shutdown");
            }
            return;
        }
        try (Connection suite = suiteDatabase(); Statement statement = suite.createStatement()) {
            statement.execute("drop database if exists " + name);
        }
    }

    private static Connection suiteDatabase() throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", TestDatabase.username());
        return DriverManager.getConnection(TestDatabase.url(), credentials);
    }
}
