package de.henk.hub.chat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The chat rate limit's counts in the table {@code chat_rate_limit}, shared by every hub instance on the database:
 * counted in each instance's memory, the limit — the protection against LLM cost — would be N times the configured
 * one. Taking a turn is one conditional update of the current slot ({@code turns < allowance}), which the database
 * applies atomically however many instances ask at once; only a slot's first turn inserts its row, and an insert
 * that loses a race on the primary key retries the update. No locks, no transactions, no database-specific upsert,
 * the same SQL on H2 and PostgreSQL. It runs outside any transaction: on PostgreSQL the lost insert race would
 * otherwise abort the surrounding one.
 */
final class DatabaseTurnCounts implements TurnCounts {

    private final JdbcClient db;

    DatabaseTurnCounts(JdbcClient db) {
        this.db = db;
    }

    @Override
    public long earlier(String key, long firstSlot, long slot) {
        return db.sql("""
                        select coalesce(sum(turns), 0) from chat_rate_limit
                        where limit_key = :key and slot_start >= :first and slot_start < :slot""")
                .param("key", key).param("first", at(firstSlot)).param("slot", at(slot))
                .query((rs, n) -> rs.getLong(1)).single();
    }

    @Override
    public boolean counted(String key, long slotStart, long allowance) {
        OffsetDateTime slot = at(slotStart);
        if (increment(key, slot, allowance)) {
            return true;
        }
        boolean exists = db.sql("select count(*) from chat_rate_limit where limit_key = :key and slot_start = :slot")
                .param("key", key).param("slot", slot).query((rs, n) -> rs.getLong(1)).single() > 0;
        if (exists) {
            // full, or another turn inserted the slot's row after our update missed it: one more try tells which
            return increment(key, slot, allowance);
        }
        try {
            db.sql("insert into chat_rate_limit (limit_key, slot_start, turns) values (:key, :slot, 1)")
                    .param("key", key).param("slot", slot).update();
            return true;
        } catch (DuplicateKeyException concurrentFirstTurn) {
            return increment(key, slot, allowance);
        }
    }

    private boolean increment(String key, OffsetDateTime slot, long allowance) {
        return db.sql("""
                        update chat_rate_limit set turns = turns + 1
                        where limit_key = :key and slot_start = :slot and turns < :allowance""")
                .param("key", key).param("slot", slot).param("allowance", allowance).update() == 1;
    }

    @Override
    public long[] slotTurns(String key, long firstSlot, long slotMillis, int slots) {
        long[] turns = new long[slots];
        db.sql("select slot_start, turns from chat_rate_limit where limit_key = :key and slot_start >= :first")
                .param("key", key).param("first", at(firstSlot))
                .query(rs -> {
                    long start = rs.getObject("slot_start", OffsetDateTime.class).toInstant().toEpochMilli();
                    long index = (start - firstSlot) / slotMillis;
                    if (index >= 0 && index < slots) {
                        turns[(int) index] += rs.getLong("turns");
                    }
                });
        return turns;
    }

    @Override
    public void forgetBefore(long before) {
        db.sql("delete from chat_rate_limit where slot_start < :before").param("before", at(before)).update();
    }

    private static OffsetDateTime at(long epochMillis) {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }
}
