package de.henk.hub.system;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the shop counts, as Prometheus counters (tag values are small closed sets, never ids or personal data):
 * <ul>
 *   <li>{@code henk_leads_total{source,result}} — source {@code api}/{@code chat}; result {@code created},
 *       {@code joined} (an open deal took it), {@code replayed} (idempotent repeat), {@code refused} (429)</li>
 *   <li>{@code henk_chat_turns_total{concierge}} — {@code offline}, {@code llm}, {@code fallback}, …</li>
 *   <li>{@code henk_pipedrive_calls_total{method,status}} — status the HTTP code, or {@code io_error}</li>
 *   <li>{@code henk_mails_total{template,result}} — result {@code sent}, {@code retry}, {@code dead}</li>
 * </ul>
 * A count made inside a transaction is taken only when it commits: a rolled-back lead is not a lead.
 */
@Component
public class BusinessMetrics {

    private final MeterRegistry registry;

    public BusinessMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void lead(String source, String result) {
        afterCommit(() -> Counter.builder("henk.leads").description("Leads offered to the CRM, by source and result")
                .tag("source", tag(source)).tag("result", tag(result)).register(registry).increment());
    }

    /** Refused at once (the refusing transaction rolls back, but the refusal happened). */
    public void leadRefused(String source) {
        Counter.builder("henk.leads").description("Leads offered to the CRM, by source and result")
                .tag("source", tag(source)).tag("result", "refused").register(registry).increment();
    }

    public void chatTurn(String concierge) {
        afterCommit(() -> Counter.builder("henk.chat.turns").description("Chat turns answered, by concierge")
                .tag("concierge", tag(concierge)).register(registry).increment());
    }

    public void pipedriveCall(String method, String status) {
        Counter.builder("henk.pipedrive.calls").description("Calls to the Pipedrive API, by method and HTTP status")
                .tag("method", tag(method)).tag("status", tag(status)).register(registry).increment();
    }

    public void mail(String template, String result) {
        afterCommit(() -> Counter.builder("henk.mails").description("Mails handed to SMTP, by template and result")
                .tag("template", tag(template)).tag("result", tag(result)).register(registry).increment());
    }

    private static void afterCommit(Runnable count) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    count.run();
                }
            });
        } else {
            count.run();
        }
    }

    private static String tag(String value) {
        return value == null || value.isBlank() ? "none" : value;
    }
}
