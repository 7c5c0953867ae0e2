package de.henk.hub.system;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 file from growing for ever, for routes/housekeeping.camel.yaml.
 *
 * <p>H2 stores each commit as a new chunk at the end of its file and frees a chunk only once nothing in it is live
 * any more. Its own background writer compacts: it rewrites the few live pages of mostly dead chunks, so that those
 * chunks can be freed and their space reused. With {@code WRITE_DELAY=0} — which the hub needs so that every answer
 * it gave survives {@code kill -9} — H2 starts no background writer, so nothing compacts: the file grew by about
 * 12 KB for every chat turn, for ever (700 MB after 60,000 turns). This does that background writer's compaction
 * step: rewrite the live pages of chunks less full than a target, at most a given number of bytes per call. It is
 * H2's own {@link MVStore#compact(int, int)}, crash-safe like every H2 store (the rewritten pages are a commit of
 * their own; old chunks are freed only after H2's retention time).
 *
 * <p>On any other database (PostgreSQL vacuums itself) and on an in-memory H2 it does nothing.
 */
@Component("embeddedDatabase")
public class EmbeddedDatabaseCompaction {

    private final DataSource dataSource;

    public EmbeddedDatabaseCompaction(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What one call found and did: the file's size and the share of live data in its chunks, before and after. */
    public record Compaction(boolean embedded, boolean rewritten, long fileBytes, int fillRateBefore,
                             int fillRateAfter) {

        static final Compaction NOT_EMBEDDED = new Compaction(false, false, 0, 100, 100);
    }

    /**
     * Rewrites the live pages of the chunks that are less than {@code targetFillRate} percent live, at most about
     * {@code maxBytes} of them, when the chunks as a whole are less full than the target.
     */
    public Compaction compact(int targetFillRate, long maxBytes) throws SQLException {
        if (targetFillRate < 1 || targetFillRate > 100) {
            throw new IllegalArgumentException("the target fill rate is a percentage from 1 to 100: " + targetFillRate);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("the bytes to rewrite must be positive: " + maxBytes);
        }
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = fileStoreOf(connection);
            if (store == null) {
                return Compaction.NOT_EMBEDDED;
            }
            int before = store.getFileStore().getChunksFillRate();
            boolean rewritten = store.compact(targetFillRate, (int) Math.min(Integer.MAX_VALUE, maxBytes));
            return new Compaction(true, rewritten, store.getFileStore().size(), before,
                    store.getFileStore().getChunksFillRate());
        }
    }

    private static MVStore fileStoreOf(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return null; // another database, or H2 over TCP (the server compacts its own file)
        }
        if (session.getDatabase().getStore() == null) {
            return null;
        }
        MVStore store = session.getDatabase().getStore().getMvStore();
        return store.getFileStore() == null || store.isClosed() ? null : store;
    }
}
