package dev.baton.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTests {

    /** A commitment's words as a mail subject quotes them: one line, cut at a word with an ellipsis. */
    @Test
    void firstWordsAreOneLineCutAfterTheLastWholeWordThatFits() {
        assertThat(Text.firstWords("SSO guide", 50)).isEqualTo("SSO guide");
        assertThat(Text.firstWords("  Pen test\r\n\treport\u200b ", 50)).isEqualTo("Pen test report");
        assertThat(Text.firstWords(
                        "Pen test report\nwith the remediation plan for every finding the auditors raised", 50))
                .isEqualTo("Pen test report with the remediation plan for…");
        assertThat(Text.firstWords("x".repeat(50), 50)).isEqualTo("x".repeat(50));
        assertThat(Text.firstWords("x".repeat(51), 50)).isEqualTo("x".repeat(50) + "…");
        // never half an emoji: the pair that would be cut goes whole
        assertThat(Text.firstWords("x".repeat(49) + "😀😀", 50)).isEqualTo("x".repeat(49) + "…");
    }
}
