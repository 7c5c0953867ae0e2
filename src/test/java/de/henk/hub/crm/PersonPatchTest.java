package de.henk.hub.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.henk.hub.config.HenkProperties;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The PATCH /api/v2/persons/{id} of an update_person entry, from the person as Pipedrive has it now: only what is
 * missing, the lists Pipedrive has kept (v2 replaces a list it is sent), the name only over the hub's own placeholder
 * - and nothing at all when a retry finds the change made already.
 */
class PersonPatchTest {

    private final ObjectMapper json = new ObjectMapper();
    private final PipedriveRequests requests = new PipedriveRequests(json,
            mock(HenkProperties.class, RETURNS_DEEP_STUBS), null, new PhoneNumbers("49"), null);
    private final OutboxEntry renaming = new OutboxEntry(7, 1, OutboxEntry.UPDATE_PERSON,
            "{\"name_was\":\"jana.w\"}", 0);

    @Test
    void theNameReplacesTheHubsPlaceholderAndThePhoneJoinsThePersonsPhones() throws Exception {
        String patch = requests.personPatch(person("Jana.W", "jana.w@example.de",
                "{\"value\":\"030 1234567\",\"primary\":true,\"label\":\"work\"}"),
                deal("Jana Wolff", "jana.w@example.de", "0172 5551234"), renaming);
        assertThat(json.readTree(patch)).isEqualTo(json.readTree("""
                {"name":"Jana Wolff",
                 "phones":[{"value":"030 1234567","primary":true,"label":"work"},
                           {"value":"0172 5551234","primary":false,"label":"mobile"}]}"""));
    }

    @Test
    void aNameTheTeamTypedStaysAndANumberWrittenOtherwiseIsKnown() {
        assertThat(requests.personPatch(person("Frau Dr. Wolff", "jana.w@example.de",
                        "{\"value\":\"+491725551234\",\"primary\":true,\"label\":\"mobile\"}"),
                deal("Jana Wolff", "jana.w@example.de", "0172 5551234"), renaming)).isNull();
    }

    @Test
    void aRetryAfterThePatchWentThroughPatchesNothing() {
        assertThat(requests.personPatch(person("Jana Wolff", "jana.w@example.de",
                        "{\"value\":\"0172 5551234\",\"primary\":true,\"label\":\"mobile\"}"),
                deal("Jana Wolff", "jana.w@example.de", "0172 5551234"), renaming)).isNull();
    }

    @Test
    void anEmailJoinsAPersonKnownByPhoneOnlyAsItsPrimary() throws Exception {
        String patch = requests.personPatch(person("Chat-Kunde", null,
                        "{\"value\":\"+491725551234\",\"primary\":true,\"label\":\"mobile\"}"),
                deal("Chat-Kunde", "neu@example.de", "0172 5551234"), new OutboxEntry(8, 1,
                        OutboxEntry.UPDATE_PERSON, "{}", 0));
        assertThat(json.readTree(patch)).isEqualTo(json.readTree("""
                {"emails":[{"value":"neu@example.de","primary":true,"label":"work"}]}"""));
    }

    private static String person(String name, String email, String phone) {
        return "{\"success\":true,\"data\":{\"id\":5,\"name\":\"" + name + "\",\"emails\":["
                + (email == null ? "" : "{\"value\":\"" + email + "\",\"primary\":true,\"label\":\"work\"}")
                + "],\"phones\":[" + phone + "]}}";
    }

    private static Deal deal(String name, String email, String phone) {
        return new Deal(1, 1, null, "Smoking", new BigDecimal("3000"), "EUR", "open", null, null, name, email, phone,
                5L, 9L, "synced", null, null);
    }
}
