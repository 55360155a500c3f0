package dev.baton.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.DeployedPlaybooks.DeployedProcess;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The engine's refusal to move a run, as the upgrade's answer words it (on a cluster, where the preview cannot tell). */
class PlaybookUpgradeTests {

    static final DeployedProcess VERSION_2 = new DeployedProcess(
            "Process_probe",
            "Probe",
            2,
            22L,
            "probe.bpmn",
            null,
            Set.of("MANAGER"),
            null,
            "bundled",
            Instant.EPOCH,
            Set.of("Activity_call"),
            Set.of(),
            Set.of(),
            "<xml/>");

    @Test
    void anElementTheNewVersionLacksIsNamedInTheWordsOfThePreview() {
        String engine = "Command 'MIGRATE' rejected with code 'INVALID_STATE': Expected to migrate process instance"
                + " '2251799813685263' but no mapping instruction defined for active element with id 'Event_wait'."
                + " Elements cannot be migrated without a mapping.";

        assertThat(PlaybookUpgrade.refusal(engine, VERSION_2))
                .isEqualTo("waits in Event_wait, which version 2 does not have");
    }

    @Test
    void anyOtherRefusalIsReportedAsTheEngineGaveIt() {
        String engine = "Expected to migrate process instance '1' but it is currently suspended.";

        assertThat(PlaybookUpgrade.refusal(engine, VERSION_2)).isEqualTo("the engine refused: " + engine);
        assertThat(PlaybookUpgrade.refusal(
                        "no mapping instruction defined for active element with id 'Activity_call'", VERSION_2))
                .startsWith("the engine refused: ");
    }
}
