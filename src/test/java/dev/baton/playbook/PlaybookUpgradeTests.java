package dev.baton.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.DeployedPlaybooks.DeployedProcess;
import dev.baton.engine.DeployedProcesses;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The engine's refusal to move a run, as the upgrade's answer words it (on a cluster, where the preview cannot tell). */
class PlaybookUpgradeTests {

    static final DeployedProcess VERSION_2 = version(2, Map.of("Activity_call", "call activity"));

    @Test
    void anElementTheNewVersionLacksIsNamedInTheWordsOfThePreview() {
        String engine = "Command 'MIGRATE' rejected with code 'INVALID_STATE': Expected to migrate process instance"
                + " '2251799813685263' but no mapping instruction defined for active element with id 'Event_wait'."
                + " Elements cannot be migrated without a mapping.";

        assertThat(PlaybookUpgrade.refusal(engine, 1, VERSION_2))
                .isEqualTo("waits in step without a name (id Event_wait), which version 2 does not have");
    }

    /** Session 35's probe: the engine's words for a step that became a service task, from a move on a cluster. */
    @Test
    void aStepOfAnotherKindInTheNewVersionIsNamedWithBothKinds() {
        String engine = "Command 'MIGRATE' rejected with code 'INVALID_STATE': Expected to migrate process instance"
                + " '2251799813685290' but active element with id 't' and type 'USER_TASK' is mapped to an element"
                + " with id 't' and different type 'SUB_PROCESS'. Elements must be mapped to elements of the same type.";

        assertThat(PlaybookUpgrade.refusal(engine, 1, VERSION_2))
                .isEqualTo(
                        "step without a name (id t) is a user task in version 1 and a subprocess in version 2: the engine cannot"
                                + " move a waiting step to another kind of element");
    }

    @Test
    void aStepOfAnotherKindIsFoundFromTheKindsKeptWithEachVersion() {
        DeployedProcess version1 = version(1, Map.of("t", "user task", "Event_wait", "timer catch event"));
        DeployedProcess version2 =
                version(2, Map.of("t", "parallel multi-instance user task", "Event_wait", "timer catch event"));

        assertThat(PlaybookUpgrade.otherKind(Set.of("Event_wait"), version1, version2))
                .isNull();
        assertThat(PlaybookUpgrade.otherKind(Set.of("t", "Event_wait"), version1, version2))
                .isEqualTo(
                        "step without a name (id t) is a user task in version 1 and a parallel multi-instance user task in version 2:"
                                + " the engine cannot move a waiting step to another kind of element");
    }

    /** Session 36's probe: the engine's words for a waiting step moved into a subprocess, from a move it refused. */
    @Test
    void aStepInAnotherScopeInTheNewVersionIsNamedWithBothScopes() {
        String engine = "Command 'MIGRATE' rejected with code 'INVALID_STATE': Expected to migrate process instance"
                + " '2251799813685290' but the flow scope of active element with id 't' is changed. The flow scope of"
                + " the active element is expected to be 'Process_probe' but was 'sp'. The flow scope of an element"
                + " cannot be changed during migration yet.";
        DeployedProcess version1 = version(1, Map.of("t", "user task"), Map.of());
        DeployedProcess version2 = version(2, Map.of("t", "user task", "sp", "event subprocess"), Map.of("t", "sp"));

        assertThat(PlaybookUpgrade.refusal(engine, version1, 1, version2))
                .isEqualTo(
                        "step without a name (id t) is directly in the process in version 1 and inside event subprocess 'sp' in"
                                + " version 2: the engine cannot move a waiting step to another scope");
        assertThat(PlaybookUpgrade.refusal(engine, 1, VERSION_2))
                .as("a scope the target does not know the kind of")
                .isEqualTo(
                        "step without a name (id t) is directly in the process in version 1 and inside subprocess 'sp' in version 2:"
                                + " the engine cannot move a waiting step to another scope");
    }

    @Test
    void aStepInAnotherScopeIsFoundFromTheScopesKeptWithEachVersion() {
        DeployedProcess version1 = version(
                1,
                Map.of("t", "user task", "u", "user task", "a", "subprocess", "w", "timer catch event"),
                Map.of("u", "a", "w", "a"));
        DeployedProcess version2 = version(
                2,
                Map.of(
                        "t",
                        "user task",
                        "u",
                        "user task",
                        "a",
                        "subprocess",
                        "b",
                        "subprocess",
                        "w",
                        "timer catch event"),
                Map.of("t", "a", "w", "b"));

        assertThat(PlaybookUpgrade.otherScope(Set.of("a"), version1, version2)).isNull();
        assertThat(PlaybookUpgrade.otherScope(
                        new java.util.LinkedHashSet<>(java.util.List.of("t", "u", "w")), version1, version2))
                .isEqualTo(
                        "step without a name (id t) is directly in the process in version 1 and inside subprocess 'a' in version 2:"
                                + " the engine cannot move a waiting step to another scope; step without a name (id u) is inside subprocess 'a'"
                                + " in version 1 and directly in the process in version 2: the engine cannot move a waiting"
                                + " step to another scope; step without a name (id w) is inside subprocess 'a' in version 1 and inside"
                                + " subprocess 'b' in version 2: the engine cannot move a waiting step to another scope");
    }

    /**
     * Session 44's probe: the engine's refusal named the elements by id ("active element with id
     * 'Activity_0x1y'") where the model names them; each is said by its name now, in Baton's words and in the
     * engine's own alike, and one without a name as the preview says it.
     */
    @Test
    void theElementsOfARefusalAreNamedAsTheModelNamesThem() {
        Map<String, String> names = Map.of("Activity_0x1y", "Call the customer", "sp", "Follow-up stage");
        DeployedProcess version1 = version(1, Map.of("Activity_0x1y", "user task"), Map.of());
        DeployedProcess version2 = version(
                2, Map.of("Activity_0x1y", "user task", "sp", "event subprocess"), Map.of("Activity_0x1y", "sp"));
        String prefix = "Command 'MIGRATE' rejected with code 'INVALID_STATE': Expected to migrate process instance"
                + " '2251799813685290' but ";

        assertThat(PlaybookUpgrade.refusal(
                        prefix + "the flow scope of active element with id 'Activity_0x1y' is changed. The flow scope"
                                + " of the active element is expected to be 'Process_probe' but was 'sp'.",
                        version1,
                        1,
                        version2,
                        names::get))
                .isEqualTo("step 'Call the customer' is directly in the process in version 1 and inside event"
                        + " subprocess 'Follow-up stage' in version 2: the engine cannot move a waiting step to"
                        + " another scope");
        assertThat(PlaybookUpgrade.refusal(
                        prefix + "active element with id 'Activity_0x1y' and type 'USER_TASK' is mapped to an element"
                                + " with id 'Activity_0x1y' and different type 'SUB_PROCESS'.",
                        version1,
                        1,
                        VERSION_2,
                        names::get))
                .startsWith("step 'Call the customer' is a user task in version 1 and a subprocess in version 2");
        assertThat(PlaybookUpgrade.refusal(
                        prefix + "no mapping instruction defined for active element with id 'Activity_0x1y'.",
                        version1,
                        1,
                        VERSION_2,
                        names::get))
                .isEqualTo("waits in 'Call the customer', which version 2 does not have");
        // words Baton has none of its own for: the engine's, its elements by name, its other quotes as they were
        assertThat(PlaybookUpgrade.refusal(
                        prefix + "active element with id 'Activity_0x1y' has a boundary event with id 'Event_1'"
                                + " that is not mapped.",
                        version1,
                        1,
                        VERSION_2,
                        names::get))
                .isEqualTo("the engine refused: " + prefix + "active element 'Call the customer' has a boundary event"
                        + " with id 'Event_1' that is not mapped.");
    }

    static DeployedProcess version(int version, Map<String, String> activities) {
        return version(version, activities, Map.of());
    }

    static DeployedProcess version(int version, Map<String, String> activities, Map<String, String> scopes) {
        return DeployedProcesses.version("Process_probe", version * 11L)
                .name("Probe")
                .version(version)
                .activities(activities)
                .scopes(scopes)
                .xml("<xml/>")
                .build();
    }

    @Test
    void anyOtherRefusalIsReportedAsTheEngineGaveIt() {
        String engine = "Expected to migrate process instance '1' but it is currently suspended.";

        assertThat(PlaybookUpgrade.refusal(engine, 1, VERSION_2)).isEqualTo("the engine refused: " + engine);
        assertThat(PlaybookUpgrade.refusal(
                        "no mapping instruction defined for active element with id 'Activity_call'", 1, VERSION_2))
                .startsWith("the engine refused: ");
    }
}
