package dev.baton.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The end of a dedup key prefix's range in byte order ({@link Outbox#pastPrefix}). */
class OutboxPrefixTests {

    @Test
    void theLastCharacterGoesUpByOne() {
        assertThat(Outbox.pastPrefix("task-assigned:42:")).isEqualTo("task-assigned:42;");
        assertThat(Outbox.pastPrefix("commitment:é")).isEqualTo("commitment:ê");
    }

    @Test
    void aCharacterOutsideTheBasicPlaneGoesUpAsOneCodePoint() {
        assertThat(Outbox.pastPrefix("k:\uD83D\uDE00")).isEqualTo("k:\uD83D\uDE01");
        assertThat(Outbox.pastPrefix("k:\uFFFF")).isEqualTo("k:\uD800\uDC00");
    }

    @Test
    void theSurrogateRangeIsSkipped() {
        assertThat(Outbox.pastPrefix("k:\uD7FF")).isEqualTo("k:\uE000");
    }

    @Test
    void aPrefixWithNoEndIsRefused() {
        assertThatThrownBy(() -> Outbox.pastPrefix(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("every queued mail");
        assertThatThrownBy(() -> Outbox.pastPrefix("k:" + Character.toString(Character.MAX_CODE_POINT)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
