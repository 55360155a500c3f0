package dev.baton.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class HandoverSummaryLinesTests {

    /** Found by the session 40 probe: the manager's completion mail said "Nia Novak: 1 accounts". */
    @Test
    void aSuccessorWhoTookOneAccountIsCountedInTheSingular() {
        assertThat(HandoverMails.successorLines(new TreeMap<>(Map.of("Nia Novak", 1L, "Rita Okafor", 13L))))
                .containsExactly("Nia Novak: 1 account", "Rita Okafor: 13 accounts");
    }
}
