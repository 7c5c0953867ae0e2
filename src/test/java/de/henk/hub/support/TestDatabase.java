package de.henk.hub.support;

/**
 * Which database the suite runs on: embedded H2 by default, PostgreSQL when Maven's {@code -Ppostgres} profile
 * passes {@code henk.test.datasource-url} (CI runs both).
 */
public final class TestDatabase {

    private TestDatabase() { }

    public static boolean postgres() {
        return !url().startsWith("jdbc:h2:");
    }

    public static String url() {
        String configured = System.getProperty("henk.test.datasource-url", "");
        return configured.isBlank()
                ? "jdbc:h2:mem:henk-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
                : configured;
    }

    public static String username() {
        return postgres() ? System.getProperty("henk.test.datasource-username", "postgres") : "sa";
    }
}
