package de.henk.hub.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The pre-test may only skip a pattern that cannot match: never a false "no". */
class RequiredLiteralsTest {

    @Test
    void theRequiredPieceOfABranch() {
        assertThat(RequiredLiterals.longestRequiredPiece("\\p{L}*hochzeit\\p{L}*")).isEqualTo("hochzeit");
        assertThat(RequiredLiterals.longestRequiredPiece("tuxe?s")).isEqualTo("tux");
        assertThat(RequiredLiterals.longestRequiredPiece("light(weight)?")).isEqualTo("light");
        assertThat(RequiredLiterals.longestRequiredPiece("(?:in|this|next|the) fall")).isEqualTo(" fall");
        assertThat(RequiredLiterals.longestRequiredPiece("dinner ?jacket")).isIn("dinner", "jacket");
        assertThat(RequiredLiterals.longestRequiredPiece("blaue[nmrs]?")).isEqualTo("blaue");
        assertThat(RequiredLiterals.longestRequiredPiece("ab+cd")).isIn("ab", "cd");
        assertThat(RequiredLiterals.longestRequiredPiece("x{2}yz")).isEqualTo("yz");
        assertThat(RequiredLiterals.topLevelBranches("a(b|c)|d[|]e")).containsExactly("a(b|c)", "d[|]e");
        assertThat(RequiredLiterals.of("\\d+", "euro")).isNull();
    }

    @Test
    void neverSaysNoWhereThePatternMatches() {
        String[][] cases = {
                {"\\p{L}*hochzeit\\p{L}*", "heirat\\p{L}*", "trauung"},
                {"tuxe?s", "dinner ?jacket", "frack"},
                {"(?:in|this|next|the) fall", "autumn"},
                {"ab+cd", "three[- ]piece"},
                {"light(weight)?", "leicht\\p{L}*"},
        };
        String[] texts = {"unsere hochzeitsfeier", "die heiratsfeier", "trauung im mai", "tuxs", "tuxes", "dinnerjacket",
                "dinner jacket", "this fall", "next fall please", "abbbcd", "three-piece", "three piece", "lightweight",
                "leichte stoffe", "nichts davon", ""};
        for (String[] alternatives : cases) {
            Pattern pattern = Pattern.compile("(?<![\\p{L}\\d])(?:" + String.join("|", alternatives) + ")(?![\\p{L}\\d])");
            RequiredLiterals required = RequiredLiterals.of(alternatives);
            assertThat(required).isNotNull();
            for (String text : texts) {
                if (pattern.matcher(text).find()) {
                    assertThat(required.mayMatch(text)).as(pattern + " on '" + text + "'").isTrue();
                }
            }
            assertThat(required.mayMatch("nichts davon")).isFalse();
        }
    }
}
