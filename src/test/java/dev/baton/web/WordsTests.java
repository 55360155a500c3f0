package dev.baton.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.commitment.CommitmentStatus;
import org.junit.jupiter.api.Test;

class WordsTests {

    private final Words words = new Words();

    @Test
    void aStatusReadsAsAPhraseAndCancelledIsSpelledAsBatonSpellsIt() {
        assertThat(words.of("WRITING_NOTE")).isEqualTo("Writing note");
        assertThat(words.of(CommitmentStatus.CANCELLED)).isEqualTo("Canceled");
        assertThat(words.of(null)).isEmpty();
    }
}
