package de.henk.hub.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write through {@link H2GroupCommit} is in the database file when its statement (auto-commit) or commit returns —
 * checked on a copy of the file taken at that moment, opened as a crashed hub's file would be — while concurrent
 * writers share H2 stores.
 */
class H2GroupCommitTest {

    @TempDir
    Path dir;

    @Test
    void aCommittedWriteIsInTheFileWhenTheCommitReturns() throws Exception {
        H2GroupCommit groupCommit = new H2GroupCommit();
        DataSource raw = h2(dir.resolve("live"));
        DataSource db = groupCommit.wrap(raw);
        // one session stays open all along, as the pool's do: closing the last one would close the database (and store)
        try (Connection holder = raw.getConnection()) {
            aCommittedWriteIsInTheFile(db);
        }
    }

    private void aCommittedWriteIsInTheFile(DataSource db) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table turn (id int primary key, text varchar(100))");
        }
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (var insert = c.prepareStatement("insert into turn values (?, ?)")) {
                insert.setInt(1, 1);
                insert.setString(2, "in a transaction");
                insert.executeUpdate();
            }
            c.commit();
            assertThat(rowsInCopyOfTheFile("after-commit")).containsExactly("in a transaction");
            c.setAutoCommit(true);
        }
        try (Connection c = db.getConnection()) {
            try (var insert = c.prepareStatement("insert into turn values (?, ?)")) {
                insert.setInt(1, 2);
                insert.setString(2, "auto-commit");
                insert.executeUpdate();
            }
        } // handed back to the pool: the auto-commit write is on disk
        assertThat(rowsInCopyOfTheFile("after-auto-commit")).containsExactly("in a transaction", "auto-commit");
    }

    @Test
    void concurrentWritersShareStoresAndReadersDoNotWait() throws Exception {
        H2GroupCommit groupCommit = new H2GroupCommit();
        DataSource raw = h2(dir.resolve("live"));
        DataSource db = groupCommit.wrap(raw);
        try (Connection holder = raw.getConnection()) {
            concurrentWriters(groupCommit, db);
        }
    }

    private void concurrentWriters(H2GroupCommit groupCommit, DataSource db) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table turn (id int primary key, text varchar(100))");
        }
        long waitsBefore = groupCommit.waits();
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "select count(*) from turn")) {
            r.next();
        }
        assertThat(groupCommit.waits()).as("a read waits for no store").isEqualTo(waitsBefore);

        int writers = 16;
        int each = 100;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            done.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    try (Connection c = db.getConnection(); var insert = c.prepareStatement(
                            "insert into turn values (?, ?)")) {
                        insert.setInt(1, writer * each + i);
                        insert.setString(2, "turn " + i);
                        insert.executeUpdate();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertThat(groupCommit.waits() - waitsBefore).isEqualTo(writers * each);
        assertThat(groupCommit.stores()).as("concurrent commits shared stores").isLessThan(writers * each);
        assertThat(rowsInCopyOfTheFile("after-concurrent-writes")).hasSize(writers * each);
    }

    /** The rows of a copy of the live file taken now — what a hub killed at this moment would find. */
    private List<String> rowsInCopyOfTheFile(String name) throws Exception {
        Path copy = dir.resolve(name);
        Files.createDirectories(copy);
        Files.copy(dir.resolve("live").resolve("henk.mv.db"), copy.resolve("henk.mv.db"));
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + copy.resolve("henk") + ";ACCESS_MODE_DATA=r",
                "sa", ""); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                        "select text from turn order by id")) {
            while (r.next()) {
                rows.add(r.getString(1));
            }
        } catch (SQLException e) {
            throw new AssertionError("the copy does not open: " + e.getMessage(), e);
        }
        return rows;
    }

    private static DataSource h2(Path folder) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + folder.resolve("henk") + ";WRITE_DELAY=0");
        h2.setUser("sa");
        h2.setPassword("");
        return h2;
    }
}
