package de.henk.hub.crm;

import de.henk.hub.config.HenkProperties;
import org.springframework.stereotype.Component;

/** Whether the hub talks to Pipedrive at all: without an API token the sync is paused and leads wait. */
@Component("crmSync")
public class CrmSync {

    private final HenkProperties properties;
    private final PipedriveGuard guard;

    public CrmSync(HenkProperties properties, PipedriveGuard guard) {
        this.properties = properties;
        this.guard = guard;
    }

    public boolean enabled() {
        return properties.pipedrive().configured();
    }

    /**
     * Also try within the HTTP request (henk.crm.inline-sync), so the caller usually gets 201 right away — unless
     * Pipedrive is busy (no budget for a whole lead, paused, circuit open): then the outbox does it and the caller
     * gets 202 at once.
     */
    public boolean inlineEnabled() {
        return enabled() && properties.crm().inlineSync() && guard.reserveForInline();
    }
}
