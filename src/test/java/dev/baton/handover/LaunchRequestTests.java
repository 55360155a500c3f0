package dev.baton.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LaunchRequestTests {

    @Test
    void aMissingReasonIsToldEveryReasonThereIs() {
        assertThat(LaunchRequest.REASON_REQUIRED)
                .isEqualTo("is required; one of "
                        + Arrays.stream(HandoverReason.values())
                                .map(HandoverReason::name)
                                .collect(Collectors.joining(", ")));
    }
}
