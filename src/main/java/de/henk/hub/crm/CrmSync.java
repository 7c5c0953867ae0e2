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

    /** Also try within the HTTP request (henk.crm.inline-sync), so the caller usually gets 201 right away. */
    public boolean inlineEnabled() {
        return enabled() && properties.crm().inlineSync();
    }
}
