package de.henk.hub.crm;

import de.henk.hub.config.HenkProperties;
import org.springframework.stereotype.Component;

/** Whether the hub talks to Pipedrive at all: without an API token the sync is paused and leads wait. */
@Component("crmSync")
public class CrmSync {

    private final HenkProperties properties;

    public CrmSync(HenkProperties properties) {
        this.properties = properties;
    }

    public boolean enabled() {
        return properties.pipedrive().configured();
    }

    /**
     * Also try within the HTTP request (henk.crm.inline-sync), so the caller usually gets 201 right away — unless
     * Pipedrive is busy (no budget for a whole lead, paused, circuit open: {@link PipedriveGuard#reserveForInline}
     * in the route), then the outbox does it and the caller gets 202 at once.
     */
    public boolean inlineEnabled() {
        return enabled() && properties.crm().inlineSync();
    }
}
