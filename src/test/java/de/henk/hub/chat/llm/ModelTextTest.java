package de.henk.hub.chat.llm;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModelTextTest {

    @Test
    void controlCharactersGoLineBreaksTabsAndEveryScriptStay() {
        assertThat(ModelText.printable("a\u0000b\u0007c\u001bd\u007fe\u0085f")).isEqualTo("abcdef");
        assertThat(ModelText.printable("Zeile 1\r\nZeile 2\rZeile 3\n\tEingerückt")).isEqualTo(
                "Zeile 1\nZeile 2\nZeile 3\n\tEingerückt");
        assertThat(ModelText.printable("Größe 52 – «Maß» 🧵 مرحبا 你好")).isEqualTo("Größe 52 – «Maß» 🧵 مرحبا 你好");
    }

    @Test
    void loneSurrogatesAndNoncharactersGo() {
        assertThat(ModelText.printable("a\uD83Eb\uDDF5c\uFFFEd\uFFFFe\uFDD0f")).isEqualTo("abcdef");
        assertThat(ModelText.printable("\uD83E\uDDF5")).isEqualTo("🧵");
    }

    @Test
    void nothingButControlsIsBlankAndNullStaysNull() {
        assertThat(ModelText.printable("\u0000 \u0001\n")).isEmpty();
        assertThat(ModelText.printable(null)).isNull();
    }
}
