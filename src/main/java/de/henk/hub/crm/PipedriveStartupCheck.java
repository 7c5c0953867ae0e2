package de.henk.hub.crm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start, says clearly whether new deals can reach Pipedrive: sync paused, the initial stage found, or why
 * not. A missing stage is a configuration error (and /actuator/health is DOWN) but does not stop the hub:
 * leads are still accepted into the outbox. It registers the hub's webhook too, where one is configured; when
 * Pipedrive could not be asked then (unreachable, busy, the token refused), the route
 * {@code pipedrive-webhook-registration} tries again until it went through ({@link #webhookRegistrationPending}).
 */
@Component("pipedriveStartupCheck")
public class PipedriveStartupCheck {

    private static final Logger log = LoggerFactory.getLogger(PipedriveStartupCheck.class);

    private final CrmSync sync;
    private final PipedriveStages stages;
    private final org.apache.camel.ProducerTemplate camel;
    private final de.henk.hub.config.HenkProperties.Pipedrive.Webhook webhook;
    /** Whether the hub's webhook is yet to be registered in Pipedrive (a webhook is configured, no try went through). */
    private volatile boolean webhookPending;

    public PipedriveStartupCheck(CrmSync sync, PipedriveStages stages, org.apache.camel.ProducerTemplate camel,
                                 de.henk.hub.config.HenkProperties properties) {
        this.sync = sync;
        this.stages = stages;
        this.camel = camel;
        this.webhook = properties.pipedrive().webhook();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void check() {
        if (!sync.enabled()) {
            log.warn("Pipedrive sync is paused: no henk.pipedrive.api-token (HENK_PIPEDRIVE_API_TOKEN) configured. "
                    + "Leads are stored and wait in the outbox.");
            return;
        }
        try {
            PipedriveStages.Stage initial = stages.initialStage();
            log.info("Pipedrive: new deals go to stage id {} ('{}' in the pipeline '{}', id {})", initial.id(),
                    initial.name(), initial.pipelineName(), initial.pipelineId());
        } catch (PipedriveStageMissingException missing) {
            log.error("Pipedrive is misconfigured: {}. Leads wait in the outbox until it is fixed.", missing.getMessage());
        } catch (RuntimeException unreachable) {
            log.warn("Pipedrive is not reachable at start ({}); leads wait in the outbox until it is.",
                    unreachable.getClass().getSimpleName());
        }
        if (webhook.enabled() && webhook.publicUrl() != null && !webhook.publicUrl().isBlank()) {
            webhookPending = true;
            try {
                camel.sendBody("direct:pipedrive-ensure-webhook", null);
                webhookRegistered();
            } catch (RuntimeException failed) {
                log.warn("Could not register the Pipedrive webhook, tried again every"
                        + " henk.pipedrive.reconciliation.interval: {}", failed.getMessage());
            }
        }
    }

    /** True while a configured webhook is not yet known to be in Pipedrive (and there is a token to ask with). */
    public boolean webhookRegistrationPending() {
        return webhookPending && sync.enabled();
    }

    /** The webhook is in Pipedrive (found, or registered now). */
    public void webhookRegistered() {
        webhookPending = false;
    }
}
