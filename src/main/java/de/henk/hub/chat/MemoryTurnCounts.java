package de.henk.hub.chat;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The chat rate limit's counts in this instance's memory: right when only one instance can use the database (the
 * embedded H2 file is locked by the process that opened it), and free of the database round trips and commits that
 * {@link DatabaseTurnCounts} costs every turn. Lost on restart, which only lets a visitor start a fresh window.
 */
final class MemoryTurnCounts implements TurnCounts {

    /** Per key its slots (slot start → turns); a key's slots change under the key's lock. */
    private final Map<String, TreeMap<Long, Long>> counts = new ConcurrentHashMap<>();

    @Override
    public long earlier(String key, long firstSlot, long slot) {
        TreeMap<Long, Long> slots = counts.get(key);
        if (slots == null) {
            return 0;
        }
        synchronized (slots) {
            return slots.subMap(firstSlot, true, slot, false).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    @Override
    public boolean counted(String key, long slot, long allowance) {
        while (true) {
            TreeMap<Long, Long> slots = counts.computeIfAbsent(key, k -> new TreeMap<>());
            synchronized (slots) {
                if (counts.get(key) != slots) {
                    continue; // forgotten a moment ago: count in the key's new map
                }
                long turns = slots.getOrDefault(slot, 0L);
                if (turns >= allowance) {
                    return false;
                }
                slots.put(slot, turns + 1);
                return true;
            }
        }
    }

    @Override
    public long[] slotTurns(String key, long firstSlot, long slotMillis, int slotCount) {
        long[] turns = new long[slotCount];
        TreeMap<Long, Long> slots = counts.get(key);
        if (slots != null) {
            synchronized (slots) {
                slots.tailMap(firstSlot, true).forEach((start, n) -> {
                    long index = (start - firstSlot) / slotMillis;
                    if (index >= 0 && index < slotCount) {
                        turns[(int) index] += n;
                    }
                });
            }
        }
        return turns;
    }

    @Override
    public void forgetBefore(long before) {
        for (Map.Entry<String, TreeMap<Long, Long>> entry : counts.entrySet()) {
            TreeMap<Long, Long> slots = entry.getValue();
            synchronized (slots) {
                slots.headMap(before, false).clear();
                if (slots.isEmpty()) {
                    counts.remove(entry.getKey(), slots);
                }
            }
        }
    }

    /** Keys with counts (for tests: old keys are forgotten). */
    int keys() {
        return counts.size();
    }
}
