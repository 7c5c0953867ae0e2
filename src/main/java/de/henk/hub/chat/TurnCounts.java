package de.henk.hub.chat;

/**
 * Where {@link ChatRateLimiter} keeps its counts: turns per key and slot (a slot is a tenth of the window; times are
 * epoch milliseconds of a slot's start). {@link DatabaseTurnCounts} shares them among all hub instances on one
 * database; {@link MemoryTurnCounts} keeps them in this instance, for a database only one instance can open.
 */
interface TurnCounts {

    /** The key's turns in the slots from {@code firstSlot} (inclusive) to {@code slot} (exclusive). */
    long earlier(String key, long firstSlot, long slot);

    /**
     * One more turn in {@code slot}, unless it already holds {@code allowance} turns; atomic however many turns
     * ask at once.
     */
    boolean counted(String key, long slot, long allowance);

    /** The key's turns per slot from {@code firstSlot} on, oldest first: index i is slot {@code firstSlot + i * slotMillis}. */
    long[] slotTurns(String key, long firstSlot, long slotMillis, int slots);

    /** Forgets the slots that began before {@code before}. */
    void forgetBefore(long before);
}
