package de.henk.hub.chat.llm;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The persona template is cut at its placeholders once; literal text and placeholder names alternate. */
class PersonaPromptTest {

    @Test
    void theTemplateIsCutAtItsPlaceholders() {
        assertThat(PersonaPrompt.cut("Du bist {{shop_name}} in {{shop_address}}.\n{{guidance}}"))
                .containsExactly("Du bist ", "shop_name", " in ", "shop_address", ".\n", "guidance", "");
        assertThat(PersonaPrompt.cut("{{phase}}{{profile}}")).containsExactly("", "phase", "", "profile", "");
        assertThat(PersonaPrompt.cut("keine Platzhalter, nur {{ }} und {x}")).containsExactly(
                "keine Platzhalter, nur {{ }} und {x}");
    }

    @Test
    void theShippedTemplateHasEveryPlaceholderTheRendererFills() {
        PersonaPrompt prompt = new PersonaPrompt(new de.henk.hub.chat.ShopKnowledge(),
                new com.fasterxml.jackson.databind.ObjectMapper());
        List<String> names = List.of("shop_name", "shop_address", "language", "shop_facts", "profile", "phase",
                "fabrics", "guidance");
        assertThat(prompt.placeholders()).containsExactlyInAnyOrderElementsOf(names);
    }
}
