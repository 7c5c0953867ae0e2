package de.henk.hub.system;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Group commit for the embedded H2 file database: a write is on disk before the statement or commit that made it
 * returns (so a 2xx answer survives kill -9, as with {@code WRITE_DELAY=0}), but concurrent commits share one H2
 * store instead of one store each.
 *
 * <p>With {@code WRITE_DELAY=0} H2 writes the changed B-tree pages of every table and index a transaction touched,
 * leaf to root, at every commit — ~35 KB for an offline chat turn whose rows are under 1 KB, and about a third of the
 * turn's CPU. Here H2 gets a background write delay ({@link #BACKGROUND_WRITE_DELAY_MS}), and a connection that wrote
 * waits, after its commit (or, in auto-commit, before it is returned to the pool), until a store that includes its
 * changes has finished: the first such connection stores (MVStore.commit, then waits for H2's background writers to
 * drain); those that commit meanwhile find their changes in the next store, which one of them makes for all. A
 * connection's changes belong to the MVStore version current after its commit; a store takes every change made
 * before it begins, and when it ends every version below the one current at its start is on disk.
 */
public final class H2GroupCommit {

    /** H2's own writes, in the background: at most this long after a change nobody waited for. */
    static final int BACKGROUND_WRITE_DELAY_MS = 1000;
    private static final Logger log = LoggerFactory.getLogger(H2GroupCommit.class);
    private static final Set<String> WRITES = Set.of("executeUpdate", "executeLargeUpdate", "executeBatch",
            "executeLargeBatch", "execute");

    private final Object lock = new Object();
    private boolean storing;
    /** Every MVStore version below this one is on disk. */
    private long storedBelow;
    private volatile MVStore store;
    private final LongAdder stores = new LongAdder();
    private final LongAdder waits = new LongAdder();

    /** The data source whose connections wait for their writes to be on disk. */
    public DataSource wrap(DataSource dataSource) {
        return new Durable(dataSource);
    }

    /** How many H2 stores this made, and how many writes waited for one (shared stores: fewer stores than waits). */
    public long stores() {
        return stores.sum();
    }

    public long waits() {
        return waits.sum();
    }

    /** Returns once a store that includes what the connection committed so far has finished. */
    void awaitDurable(Connection connection) throws SQLException {
        MVStore mvStore = store(connection);
        waits.increment();
        long mine = mvStore.getCurrentVersion();
        synchronized (lock) {
            while (true) {
                if (storedBelow > mine) {
                    return;
                }
                if (!storing) {
                    storing = true;
                    break;
                }
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted while waiting for the database to store a commit", e);
                }
            }
        }
        long covered = mvStore.getCurrentVersion();
        boolean stored = false;
        try {
            mvStore.commit();
            // a background store H2 began before may still be writing; this returns when it has
            mvStore.executeFilestoreOperation(() -> { });
            stores.increment();
            stored = true;
        } finally {
            synchronized (lock) {
                storing = false;
                if (stored && covered + 1 > storedBelow) {
                    storedBelow = covered + 1;
                }
                lock.notifyAll();
            }
        }
    }

    /**
     * The database's MVStore, with H2's background writes on. A new physical connection applies the URL's settings
     * again ({@code WRITE_DELAY=0}: H2 stores at every commit, durable but one store each), so every borrowed
     * connection checks, and switches back.
     */
    private MVStore store(Connection connection) throws SQLException {
        MVStore known = store;
        if (known != null && known.getAutoCommitDelay() == BACKGROUND_WRITE_DELAY_MS) {
            return known;
        }
        synchronized (lock) {
            if (store == null) {
                SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
                store = session.getDatabase().getStore().getMvStore();
                log.info("H2 group commit: concurrent commits share one store; H2 writes in the background after {} ms",
                        BACKGROUND_WRITE_DELAY_MS);
            }
            if (store.getAutoCommitDelay() != BACKGROUND_WRITE_DELAY_MS) {
                store.setAutoCommitDelay(BACKGROUND_WRITE_DELAY_MS);
            }
            return store;
        }
    }

    /** The pool's connections, each in a {@link Tracked} proxy. */
    final class Durable extends DelegatingDataSource {

        Durable(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return tracked(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return tracked(super.getConnection(username, password));
        }

        private Connection tracked(Connection connection) throws SQLException {
            store(connection); // the first connection switches H2 to background writes
            Tracked tracked = new Tracked(connection);
            tracked.self = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, tracked);
            return tracked.self;
        }
    }

    /** A connection that remembers whether it wrote, and waits for the store at commit or when handed back. */
    private final class Tracked implements InvocationHandler {

        private final Connection connection;
        private Connection self;
        private boolean wrote;

        Tracked(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            switch (name) {
                case "commit" -> {
                    call(connection, method, args);
                    durableIfWritten();
                    return null;
                }
                case "close" -> {
                    if (!connection.isClosed() && connection.getAutoCommit()) {
                        durableIfWritten();
                    }
                    return call(connection, method, args);
                }
                case "setAutoCommit" -> {
                    boolean wasManual = !connection.getAutoCommit();
                    call(connection, method, args);
                    if (wasManual && Boolean.TRUE.equals(args[0])) {
                        durableIfWritten(); // switching auto-commit on commits
                    }
                    return null;
                }
                case "rollback" -> {
                    Object result = call(connection, method, args);
                    if (args == null || args.length == 0) {
                        wrote = false;
                    }
                    return result;
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                default -> {
                    Object result = call(connection, method, args);
                    return result instanceof Statement statement ? statement(statement) : result;
                }
            }
        }

        private void durableIfWritten() throws SQLException {
            if (wrote) {
                wrote = false;
                awaitDurable(connection);
            }
        }

        /** The statement, noticing its writes (and every {@code execute}, which may write). */
        private Object statement(Statement statement) {
            Class<?>[] types = statement instanceof java.sql.CallableStatement
                    ? new Class<?>[] {java.sql.CallableStatement.class}
                    : statement instanceof java.sql.PreparedStatement
                    ? new Class<?>[] {java.sql.PreparedStatement.class} : new Class<?>[] {Statement.class};
            return Proxy.newProxyInstance(Statement.class.getClassLoader(), types, (proxy, method, args) -> {
                if (WRITES.contains(method.getName())) {
                    wrote = true;
                }
                if (method.getName().equals("getConnection")) {
                    return self;
                }
                return call(statement, method, args);
            });
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
