package de.henk.hub.crm;

/**
 * One pending Pipedrive write. {@code payload} is the operation's JSON (e.g. the changed deal fields); {@code attempts}
 * the attempts made before this claim.
 */
public record OutboxEntry(long id, long dealId, String operation, String payload, int attempts) {

    public static final String CREATE_DEAL = "create_deal";
    public static final String UPDATE_DEAL = "update_deal";
    public static final String CREATE_ACTIVITY = "create_activity";
    public static final String CREATE_NOTE = "create_note";
    public static final String CANCEL_ACTIVITY = "cancel_activity";
    public static final String UPDATE_PERSON = "update_person";

    /** The number of the attempt being made now (the first is 1): what the retry policy compares with max-attempts. */
    public int attempt() {
        return attempts + 1;
    }
}
