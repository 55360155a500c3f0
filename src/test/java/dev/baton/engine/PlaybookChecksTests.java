package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.baton.blocks.Blocks;
import dev.baton.shared.Text;
import dev.baton.task.FormJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.util.unit.DataSize;

/**
 * What a playbook names that must exist for it to run: the job type of a step (plain or as a
 * constant FEEL expression), the process a call activity calls, the decision a business rule task
 * calls. Each refusal names its element; the valid variants pass.
 */
class PlaybookChecksTests {

    static final String KNOWN_TYPE = "baton-known";

    final DeployedPlaybooks deployed = new DeployedPlaybooks();
    /** The kept uploads' names as the database has them (PlaybookUploadIntegrationTests for the real ones). */
    final Map<String, String> keptNames = new java.util.HashMap<>();

    final KeptPlaybooks kept = new KeptPlaybooks() {
        @Override
        public List<PlaybookFiles> kept() {
            return List.of();
        }

        @Override
        public Map<String, String> keptNames() {
            return keptNames;
        }
    };
    final PlaybookChecks checks = new PlaybookChecks(
            new JobTypes(null) {
                @Override
                Set<String> known() {
                    return Set.of(KNOWN_TYPE, "baton-another", Bpmn.USER_TASK_JOB_TYPE, Blocks.SEND_EMAIL);
                }
            },
            deployed,
            new AssignmentChecks(null, null) { // who the steps name: PlaybookUploadIntegrationTests
                @Override
                void check(PlaybookXml xml, Map<String, String> names, List<PlaybookProblem> problems) {}
            },
            DataSize.ofMegabytes(1),
            new org.springframework.beans.factory.support.StaticListableBeanFactory(Map.of("kept", kept))
                    .getBeanProvider(KeptPlaybooks.class),
            java.time.Clock.fixed(java.time.Instant.parse("2026-12-05T10:00:00Z"), java.time.ZoneOffset.UTC));

    @Test
    void aJobTypeGivenAsAConstantExpressionWithNoWorkerIsRefusedLikeAPlainOne() {
        List<PlaybookProblem> problems =
                check(process("p", serviceTask("task_sync", "Sync", "=&quot;no-worker&quot;")));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.elementId()).isEqualTo("task_sync");
            assertThat(p.elementName()).isEqualTo("Sync");
            assertThat(p.message())
                    .contains("no worker for the job type 'no-worker'")
                    .as("the job types Baton serves, in order")
                    .endsWith("Job types Baton serves: baton-another, " + KNOWN_TYPE + ", " + Blocks.SEND_EMAIL);
        });
    }

    @Test
    void aJobTypeGivenAsAConstantExpressionWithAWorkerIsAccepted() {
        assertThat(check(process(
                        "p",
                        serviceTask("task_a", "A", "=&quot;baton-known&quot;"),
                        serviceTask("task_b", "B", "=&quot;baton-&quot; + &quot;known&quot;"))))
                .isEmpty();
    }

    /** The engine takes a lone "=" as the plain name "=", so the step would wait for a worker forever. */
    @Test
    void aLoneEqualsSignAsJobTypeIsRefusedAsANameNoWorkerServes() {
        assertThat(check(process("p", serviceTask("task_eq", "Empty", "="))))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("no worker for the job type '='"));
    }

    /** Found by a probe: the check stripped the type, the engine does not, and no worker ever took the job. */
    @Test
    void aJobTypeWithSpacesOrALineBreakAroundItIsRefusedShowingThem() {
        List<PlaybookProblem> problems = check(process(
                "p",
                serviceTask("task_trailing", "Trailing", KNOWN_TYPE + " "),
                serviceTask("task_leading", "Leading", " " + KNOWN_TYPE),
                serviceTask("task_newline", "Newline", KNOWN_TYPE + "&#10;"),
                serviceTask("task_spaced_expression", "Spaced expression", " =&quot;" + KNOWN_TYPE + "&quot;")));

        assertThat(problems)
                .extracting(PlaybookProblem::elementId)
                .containsExactly("task_trailing", "task_leading", "task_newline", "task_spaced_expression");
        assertThat(problems.get(0).message())
                .contains("no worker for the job type '" + KNOWN_TYPE + " '")
                .contains("spaces or line breaks around '" + KNOWN_TYPE + "'", "remove them");
        assertThat(problems.get(1).message()).contains("no worker for the job type ' " + KNOWN_TYPE + "'");
        assertThat(problems.get(2).message()).contains("no worker for the job type '" + KNOWN_TYPE + "\\n'");
        assertThat(problems.get(3).message())
                .as("the engine reads a leading space as part of a plain name, not an expression")
                .contains("no worker for the job type ' =\"" + KNOWN_TYPE + "\"'");
    }

    /**
     * Found by a probe: a no-break or zero-width space pasted after a job type was refused with the
     * character invisible in the quoted name, and without the hint a trailing space gets.
     */
    @Test
    void aJobTypeEndingInAnInvisibleCharacterIsRefusedWritingItOut() {
        List<PlaybookProblem> problems = check(process(
                "p",
                serviceTask("task_nbsp", "No-break space", KNOWN_TYPE + "\u00a0"),
                serviceTask("task_zero_width", "Zero-width space", KNOWN_TYPE + "\u200b"),
                serviceTask("task_bom", "Byte order mark", "\ufeff" + KNOWN_TYPE),
                serviceTask("task_inside", "Inside", "baton-\u200bknown"),
                serviceTask("task_expression", "Expression", "=&quot;" + KNOWN_TYPE + "\u2060&quot;")));

        assertThat(problems)
                .extracting(PlaybookProblem::elementId)
                .containsExactly("task_nbsp", "task_zero_width", "task_bom", "task_inside", "task_expression");
        assertThat(problems.get(0).message())
                .contains("no worker for the job type '" + KNOWN_TYPE + "\\u00a0'")
                .contains("spaces or line breaks around '" + KNOWN_TYPE + "'", "remove them");
        assertThat(problems.get(1).message())
                .contains("no worker for the job type '" + KNOWN_TYPE + "\\u200b'")
                .contains("spaces or line breaks around '" + KNOWN_TYPE + "'");
        assertThat(problems.get(2).message())
                .contains("no worker for the job type '\\ufeff" + KNOWN_TYPE + "'")
                .contains("spaces or line breaks around '" + KNOWN_TYPE + "'");
        assertThat(problems.get(3).message())
                .as("written out inside the name too; no hint, as the ends are clean")
                .contains("no worker for the job type 'baton-\\u200bknown'")
                .doesNotContain("spaces or line breaks");
        assertThat(problems.get(4).message())
                .contains("the job type '" + KNOWN_TYPE + "\\u2060' (what the expression '=\"" + KNOWN_TYPE
                        + "\\u2060\"' gives)")
                .contains("spaces or line breaks around '" + KNOWN_TYPE + "'");
        assertThat(problems)
                .allSatisfy(p -> assertThat(p.message())
                        .as("nothing invisible left in the message")
                        .doesNotContain("\u00a0", "\u200b", "\ufeff", "\u2060"));
    }

    @Test
    void aCalledProcessEndingInANoBreakSpaceIsRefusedWritingItOut() {
        List<PlaybookProblem> problems = check(process("parent", call("call_child", "Call child", "child\u00a0"))
                + process("child", serviceTask("task_child", "Child work", KNOWN_TYPE)));

        assertThat(problems)
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .contains("calls the process 'child\\u00a0'", "spaces or line breaks around 'child'"));
    }

    @Test
    void aCalledProcessWithSpacesAroundItsIdIsRefusedShowingThem() {
        List<PlaybookProblem> problems = check(process("parent", call("call_child", "Call child", "child "))
                + process("child", serviceTask("task_child", "Child work", KNOWN_TYPE)));

        assertThat(problems)
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .contains("calls the process 'child '", "spaces or line breaks around 'child'"));
    }

    /**
     * Session 36's probe: a playbook launched on the launcher's own account called the sample review with
     * {@code accountId} mapped to another rep's account, which the launch had refused her. A call passes its
     * account on as it is, or sets none.
     */
    @Test
    void aCallMayNotGiveTheCalledProcessAnotherAccount() {
        String mapped = "<zeebe:calledElement processId=\"child\" propagateAllParentVariables=\"false\" />"
                + "<zeebe:ioMapping><zeebe:input source=\"=acct\" target=\"accountId\" /></zeebe:ioMapping>";
        String passed = "<zeebe:calledElement processId=\"child\" propagateAllParentVariables=\"false\" />"
                + "<zeebe:ioMapping><zeebe:input source=\"= accountId\" target=\"accountId\" />"
                + "<zeebe:input source=\"=acct\" target=\"otherAccount\" /></zeebe:ioMapping>";

        List<PlaybookProblem> problems = check(process(
                        "parent",
                        "<bpmn:callActivity id=\"call_mapped\" name=\"Review theirs\"><bpmn:extensionElements>" + mapped
                                + "</bpmn:extensionElements></bpmn:callActivity>",
                        "<bpmn:callActivity id=\"call_passed\" name=\"Review ours\"><bpmn:extensionElements>" + passed
                                + "</bpmn:extensionElements></bpmn:callActivity>",
                        call("call_plain", "Review", "child"))
                + process("child", serviceTask("task_child", "Child work", KNOWN_TYPE)));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.elementId()).isEqualTo("call_mapped");
            assertThat(p.message())
                    .startsWith("gives the process it calls the account '=acct' (an input mapping to accountId)")
                    .contains("may only pass accountId on as it is");
        });
    }

    /**
     * A multi-instance call with the input element accountId gives each instance an item of its collection
     * as its account: a loop over other reps' accounts passed the launch's account check, as an input
     * mapping from another variable did. Refused naming the collection, with parent variables on or off;
     * a loop whose input element is another variable stays allowed.
     */
    @Test
    void aMultiInstanceCallMayNotLoopOverAccountsAsItsInputElement() {
        java.util.function.BiFunction<String, String, String> loop = (collection, element) ->
                "<bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics"
                        + " inputCollection=\"" + collection + "\" inputElement=\"" + element + "\" />"
                        + "</bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>";
        String child = "<zeebe:calledElement processId=\"child\" />";
        String childOff = "<zeebe:calledElement processId=\"child\" propagateAllParentVariables=\"false\" />";

        List<PlaybookProblem> problems = check(process(
                        "parent",
                        "<bpmn:callActivity id=\"call_theirs\" name=\"Review theirs\"><bpmn:extensionElements>"
                                + child + "</bpmn:extensionElements>" + loop.apply("=otherAccounts", "accountId")
                                + "</bpmn:callActivity>",
                        "<bpmn:callActivity id=\"call_theirs_off\" name=\"Review theirs too\">"
                                + "<bpmn:extensionElements>" + childOff + "<zeebe:ioMapping><zeebe:input"
                                + " source=\"=accountId\" target=\"accountId\" /></zeebe:ioMapping>"
                                + "</bpmn:extensionElements>" + loop.apply("=[accountId, 31]", " accountId ")
                                + "</bpmn:callActivity>",
                        "<bpmn:callActivity id=\"call_items\" name=\"Each item\"><bpmn:extensionElements>"
                                + child + "</bpmn:extensionElements>" + loop.apply("=items", "item")
                                + "</bpmn:callActivity>")
                + process("child", serviceTask("task_child", "Child work", KNOWN_TYPE)));

        assertThat(problems)
                .extracting(PlaybookProblem::elementId, PlaybookProblem::elementName)
                .containsExactly(tuple("call_theirs", "Review theirs"), tuple("call_theirs_off", "Review theirs too"));
        assertThat(problems.getFirst().message())
                .startsWith("loops over the collection '=otherAccounts' with the input element accountId")
                .contains("A call may only pass accountId on as it is");
        assertThat(problems.get(1).message()).startsWith("loops over the collection '=[accountId, 31]'");
    }

    /**
     * Session 36's probe: a call of the sample review with "Propagate all parent variables" off and no
     * accountId input mapping ran the review on no account (Zeebe copies only the call's local variables
     * then), and its record step recorded the answer nowhere, silently.
     */
    @Test
    void aCallWithoutParentVariablesMustPassAccountIdToAProcessThatWorksOnAnAccount() {
        deployed.deployed(DeployedProcesses.version("reviewer", 71L)
                .name("Reviewer")
                .accountNeededBy("step 'Record review' (task_record_review) reads accountId")
                .build());
        deployed.deployed(named("no-account", "No account", 72L));
        String off = "propagateAllParentVariables=\"false\"";

        List<PlaybookProblem> problems = checkUpload(process(
                "p",
                callWith("call_bare", "Review it", "<zeebe:calledElement processId=\"reviewer\" " + off + " />"),
                callWith(
                        "call_expression",
                        "",
                        "<zeebe:calledElement processId=\"=&quot;review&quot; + &quot;er&quot;\" " + off + " />"),
                callWith(
                        "call_mapped",
                        "Mapped",
                        "<zeebe:calledElement processId=\"reviewer\" " + off + " /><zeebe:ioMapping>"
                                + "<zeebe:input source=\"=accountId\" target=\"accountId\" /></zeebe:ioMapping>"),
                callWith("call_propagating", "All", "<zeebe:calledElement processId=\"reviewer\" />"),
                callWith(
                        "call_explicitly_propagating",
                        "All too",
                        "<zeebe:calledElement processId=\"reviewer\" propagateAllParentVariables=\"true\" />"),
                callWith("call_needs_none", "None", "<zeebe:calledElement processId=\"no-account\" " + off + " />")));

        assertThat(problems).extracting(PlaybookProblem::elementId).containsExactly("call_bare", "call_expression");
        assertThat(problems.getFirst().message())
                .startsWith("call 'Review it' does not pass accountId on: with 'Propagate all parent variables' off,")
                .contains(
                        "'reviewer' works on an account (its step 'Record review' (task_record_review) reads"
                                + " accountId)",
                        "Add the input mapping accountId = accountId");
        assertThat(problems.get(1).message()).as("no name: its id").startsWith("call 'call_expression' does not");
        assertThat(check(process(
                        "p",
                        callWith("call_own", "Own", "<zeebe:calledElement processId=\"reviewer\" " + off + " />"))))
                .as("Baton's own files pass their own variables (rep-handover's call of account-handover)")
                .isEmpty();
    }

    /**
     * A called process reading accountOwner or ownerManager (a step assigned to =accountOwner), or with a
     * building block (which acts with launchedBy's rights), got none of them through a call with "Propagate
     * all parent variables" off and no mapping: the step stopped at an engine incident at run time, the block
     * checked nobody's rights. Refused at upload, one problem per variable, each saying the mapping to add;
     * that mapping (the variable from itself, on a call) is the one an upload may write.
     */
    @Test
    void aCallWithoutParentVariablesMustPassTheVariablesBatonSetsAtLaunchToAProcessThatReadsThem() {
        String ownerSteps = process(
                "owner-steps",
                "<bpmn:userTask id=\"task_owner\" name=\"Owner call\"><bpmn:extensionElements>"
                        + "<zeebe:assignmentDefinition assignee=\"=accountOwner\" /></bpmn:extensionElements>"
                        + "</bpmn:userTask>",
                "<bpmn:userTask id=\"task_manager\" name=\"Manager check\"><bpmn:extensionElements>"
                        + "<zeebe:assignmentDefinition candidateUsers=\"=[ownerManager]\" />"
                        + "</bpmn:extensionElements></bpmn:userTask>",
                "<bpmn:serviceTask id=\"task_mail\" name=\"Mail\"><bpmn:extensionElements>" + MAIL_BLOCK
                        + "</bpmn:extensionElements></bpmn:serviceTask>");
        deployed.deployed(deployedFile("owner-steps", 81L, ownerSteps));
        deployed.deployed(deployedFile("wrapper", 82L, process("wrapper", call("call_inner", "Inner", "owner-steps"))));
        String off = "propagateAllParentVariables=\"false\"";
        String account = "<zeebe:input source=\"=accountId\" target=\"accountId\" />";

        List<PlaybookProblem> problems = checkUpload(process(
                "p",
                callWith(
                        "call_account_only",
                        "Owner steps",
                        "<zeebe:calledElement processId=\"owner-steps\" " + off + " /><zeebe:ioMapping>" + account
                                + "</zeebe:ioMapping>"),
                callWith(
                        "call_all_passed",
                        "All passed",
                        "<zeebe:calledElement processId=\"owner-steps\" " + off + " /><zeebe:ioMapping>"
                                + account + "<zeebe:input source=\"=accountOwner\" target=\"accountOwner\" />"
                                + "<zeebe:input source=\"= ownerManager\" target=\"ownerManager\" />"
                                + "<zeebe:input source=\"=launchedBy\" target=\" launchedBy\" />"
                                + "</zeebe:ioMapping>"),
                callWith("call_propagating", "All", "<zeebe:calledElement processId=\"owner-steps\" />"),
                callWith(
                        "call_wrapper",
                        "Wrapped",
                        "<zeebe:calledElement processId=\"wrapper\" " + off + " /><zeebe:ioMapping>" + account
                                + "<zeebe:input source=\"=accountOwner\" target=\"accountOwner\" />"
                                + "<zeebe:input source=\"=launchedBy\" target=\"launchedBy\" />"
                                + "</zeebe:ioMapping>"),
                callWith(
                        "call_other_owner",
                        "Rita's",
                        "<zeebe:calledElement processId=\"owner-steps\" /><zeebe:ioMapping><zeebe:input"
                                + " source=\"=&quot;rita&quot;\" target=\"accountOwner\" /></zeebe:ioMapping>"),
                "<bpmn:serviceTask id=\"task_passing\" name=\"Passing\"><bpmn:extensionElements>"
                        + MAIL_BLOCK + "<zeebe:ioMapping><zeebe:input source=\"=accountOwner\""
                        + " target=\"accountOwner\" /></zeebe:ioMapping></bpmn:extensionElements>"
                        + "</bpmn:serviceTask>"));

        assertThat(problems)
                .extracting(PlaybookProblem::elementId, p -> p.message().replaceFirst(":.*", ""))
                .containsExactly(
                        tuple("call_account_only", "call 'Owner steps' does not pass accountOwner on"),
                        tuple("call_account_only", "call 'Owner steps' does not pass ownerManager on"),
                        tuple("call_account_only", "call 'Owner steps' does not pass launchedBy on"),
                        tuple("call_wrapper", "call 'Wrapped' does not pass ownerManager on"),
                        tuple("call_other_owner", "an input mapping (Inputs) writes accountOwner"),
                        tuple("task_passing", "an input mapping (Inputs) writes accountOwner"));
        assertThat(problems.getFirst().message())
                .contains("'owner-steps' needs accountOwner, which Baton sets at launch (its step 'Owner call'"
                        + " (task_owner) reads accountOwner), so the engine would stop the run there with an"
                        + " incident. Add the input mapping accountOwner = accountOwner (Camunda Modeler: the"
                        + " call's Inputs, local variable name accountOwner, assignment value =accountOwner),"
                        + " or turn 'Propagate all parent variables' on (Called element)");
        assertThat(problems.get(2).message())
                .contains("(its step 'Mail' (task_mail) is the building block baton.send-email, which acts with the"
                        + " rights of the person who launched the run), so its building blocks would not know whose"
                        + " rights they act with");
        assertThat(problems.get(3).message())
                .contains("(its call of 'owner-steps', whose step 'Manager check' (task_manager) reads ownerManager)");
        assertThat(check(process(
                        "p",
                        callWith("call_own", "Own", "<zeebe:calledElement processId=\"owner-steps\" " + off + " />"))))
                .as("Baton's own files pass their own variables")
                .isEmpty();
    }

    /**
     * The one callee an upload can have in its own file is the playbook itself (a file with two executable
     * processes is refused: a playbook is one process, UploadChecks): a call by "latest" binding runs the
     * version being uploaded, so what it needs is read from the file, not from the version deployed.
     */
    @Test
    void aCallOfThePlaybookItselfIsJudgedByTheVersionBeingUploaded() {
        String off = "propagateAllParentVariables=\"false\"";
        String ownerStep = "<bpmn:userTask id=\"task_owner\" name=\"Owner call\"><bpmn:extensionElements>"
                + "<zeebe:assignmentDefinition assignee=\"=accountOwner\" /></bpmn:extensionElements></bpmn:userTask>";
        String robStep = "<bpmn:userTask id=\"task_rob\" name=\"Rob's call\"><bpmn:extensionElements>"
                + "<zeebe:assignmentDefinition assignee=\"rob\" /></bpmn:extensionElements></bpmn:userTask>";
        deployed.deployed(deployedFile("p", 91L, process("p", robStep)));
        deployed.deployed(deployedFile("q", 92L, process("q", ownerStep)));

        List<PlaybookProblem> problems = checkUpload(process(
                "p",
                ownerStep,
                callWith("call_again", "Again", "<zeebe:calledElement processId=\"p\" " + off + " />")));

        assertThat(problems)
                .as("version 1 needs nothing; the version uploaded, which the call runs, reads accountOwner")
                .extracting(PlaybookProblem::elementId, p -> p.message().replaceFirst(":.*", ""))
                .containsExactly(
                        tuple("call_again", "call 'Again' does not pass accountId on"),
                        tuple("call_again", "call 'Again' does not pass accountOwner on"));
        assertThat(problems.get(1).message())
                .contains("'p' needs accountOwner, which Baton sets at launch (its step 'Owner call' (task_owner)"
                        + " reads accountOwner)");
        assertThat(checkUpload(process(
                        "q",
                        robStep,
                        callWith("call_again", "Again", "<zeebe:calledElement processId=\"q\" " + off + " />"))))
                .as("version 1 reads accountOwner; the version uploaded, which the call runs, does not")
                .isEmpty();
    }

    /**
     * What a process in the file needs is walked through its calls as a deployed one's is: the playbook
     * calling itself with parent variables off, its own steps on no account but its call of the review
     * (parent variables on) on one, passed no account to that review in the run it called (the account
     * check read only the steps of a process in the file, the launch-variable check walked its calls).
     */
    @Test
    void aCallOfThePlaybookItselfMustPassAccountIdWhenAProcessItCallsWorksOnAnAccount() {
        deployed.deployed(DeployedProcesses.version("reviewer", 71L)
                .accountNeededBy("step 'Record review' (task_record_review) reads accountId")
                .build());
        String off = "propagateAllParentVariables=\"false\"";

        List<PlaybookProblem> problems = checkUpload(process(
                "p",
                call("call_review", "Review", "reviewer"),
                callWith("call_again", "Again", "<zeebe:calledElement processId=\"p\" " + off + " />")));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.elementId()).isEqualTo("call_again");
            assertThat(p.message())
                    .startsWith("call 'Again' does not pass accountId on")
                    .contains("'p' works on an account (its call of 'reviewer', whose step 'Record review'"
                            + " (task_record_review) reads accountId)");
        });
    }

    /** A deployed version of the process, as deployed from the whole file (one process, as given). */
    private static DeployedPlaybooks.DeployedProcess deployedFile(String processId, long key, String process) {
        return DeployedProcesses.fromFile(
                processId, key, new String(file(process).bpmn(), StandardCharsets.UTF_8));
    }

    private static String callWith(String id, String name, String extensions) {
        return "<bpmn:callActivity id=\"" + id + "\"" + (name.isEmpty() ? "" : " name=\"" + name + "\"")
                + "><bpmn:extensionElements>" + extensions + "</bpmn:extensionElements></bpmn:callActivity>";
    }

    /** Found by a probe: an internal step ran in an upload and failed with an NPE incident. */
    @Test
    void anUploadMayUseOnlyTheBuildingBlocksJobTypes() {
        List<PlaybookProblem> problems = checkUpload(process(
                "p",
                serviceTask("task_internal", "Internal", KNOWN_TYPE),
                serviceTask("task_unknown", "Unknown", "crm-sync"),
                serviceTask("task_check", "Check", Blocks.CHECK_COMMITMENTS)));

        String blocks = "Building blocks (job types a playbook may use): baton.check-commitments, baton.reassign-owner,"
                + " baton.record-commitment, baton.record-interaction, baton.send-email, baton.update-account";
        assertThat(problems).extracting(PlaybookProblem::elementId).containsExactly("task_internal", "task_unknown");
        assertThat(problems.get(0).message())
                .contains("'" + KNOWN_TYPE + "' is one of Baton's own steps", "only the building blocks")
                .endsWith(blocks);
        assertThat(problems.get(1).message())
                .contains("no worker for the job type 'crm-sync'")
                .endsWith(blocks);
    }

    /**
     * A listener's type is a job for a worker too: one Baton has no worker for waits forever, and one of
     * Baton's own steps would run outside the process it belongs to.
     */
    @Test
    void anExecutionListenersJobTypeFollowsTheJobTypeRule() {
        String listeners = "<bpmn:serviceTask id=\"task_check\" name=\"Check\"><bpmn:extensionElements>"
                + "<zeebe:taskDefinition type=\"" + Blocks.CHECK_COMMITMENTS + "\" />"
                + "<zeebe:executionListeners>"
                + "<zeebe:executionListener eventType=\"start\" type=\"" + KNOWN_TYPE + "\" />"
                + "<zeebe:executionListener eventType=\"end\" type=\"crm-sync\" />"
                + "<zeebe:executionListener eventType=\"end\" type=\"" + Blocks.SEND_EMAIL + "\" />"
                + "</zeebe:executionListeners></bpmn:extensionElements></bpmn:serviceTask>";

        List<PlaybookProblem> problems = checkUpload(process("p", listeners));

        assertThat(problems).extracting(PlaybookProblem::elementId).containsExactly("task_check", "task_check");
        assertThat(problems.get(0).message()).contains("'" + KNOWN_TYPE + "' is one of Baton's own steps");
        assertThat(problems.get(1).message()).contains("no worker for the job type 'crm-sync'");
    }

    /** Found by a probe: an uploaded step on Baton's own form would run Baton's completion handler for it. */
    @Test
    void anUploadMayNeitherLinkNorBringOneOfBatonsOwnForms() {
        String own = "{\"id\": \"handover-note\", \"components\": []}";

        assertThat(checks.checkUpload(file(process("p", userTask("task_note", "Note", "formId=\"handover-note\"")))))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.elementId()).isEqualTo("task_note");
                    assertThat(p.message()).contains("'handover-note' is one of Baton's own forms");
                });
        assertThat(checks.checkUpload(file(
                        process("p", userTask("task_note", "Note", "formId=\"handover-note\"")),
                        Map.of("note.form", own))))
                .extracting(PlaybookProblem::message)
                .hasSize(2)
                .allMatch(m -> m.contains("'handover-note' is one of Baton's own forms"));
    }

    /** Found by a probe: a service task of this type dodged the user-task checks and reached the unassigned queue. */
    @Test
    void theEnginesUserTaskJobTypeIsRefusedOnAnythingButAUserTask() {
        String file = process("p", serviceTask("task_fake", "Fake user task", Bpmn.USER_TASK_JOB_TYPE));

        for (List<PlaybookProblem> problems : List.of(check(file), checkUpload(file))) {
            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.elementId()).isEqualTo("task_fake");
                assertThat(p.message())
                        .contains("'" + Bpmn.USER_TASK_JOB_TYPE + "' is the engine's own, for user tasks")
                        .contains("Draw it as a user task");
            });
        }
    }

    @Test
    void aJobTypeOverTheInstancesVariablesIsRefusedAsNotAFixedName() {
        List<PlaybookProblem> problems = check(process("p", serviceTask("task_dyn", "Dynamic", "=workerType")));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.elementId()).isEqualTo("task_dyn");
            assertThat(p.message()).contains("'=workerType'", "depends on the instance's variables", KNOWN_TYPE);
        });
    }

    @Test
    void aBusinessRuleTaskRunByAJobWorkerFollowsTheJobTypeRule() {
        String task = "<bpmn:businessRuleTask id=\"task_rule\" name=\"Score\"><bpmn:extensionElements>"
                + "<zeebe:taskDefinition type=\"scoring\" /></bpmn:extensionElements></bpmn:businessRuleTask>";

        assertThat(check(process("p", task)))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("no worker for the job type 'scoring'"));
    }

    @Test
    void aBusinessRuleTaskCallingADecisionIsRefusedAsBatonRunsNoDecisions() {
        String task = "<bpmn:businessRuleTask id=\"task_rule\" name=\"Score\"><bpmn:extensionElements>"
                + "<zeebe:calledDecision decisionId=\"nope\" resultVariable=\"score\" />"
                + "</bpmn:extensionElements></bpmn:businessRuleTask>";

        assertThat(check(process("p", task))).singleElement().satisfies(p -> {
            assertThat(p.elementId()).isEqualTo("task_rule");
            assertThat(p.elementName()).isEqualTo("Score");
            assertThat(p.message()).contains("'nope'", "does not run decisions (DMN)", "Job worker");
        });
    }

    @Test
    void aCallToAProcessNeitherDeployedNorInTheFileIsRefused() {
        List<PlaybookProblem> problems = check(process("p", call("call_missing", "Call missing", "does-not-exist")));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.elementId()).isEqualTo("call_missing");
            assertThat(p.elementName()).isEqualTo("Call missing");
            assertThat(p.message()).contains("'does-not-exist'", "neither deployed nor in this file");
        });
    }

    @Test
    void aCallToAProcessInTheSameFileIsAccepted() {
        assertThat(check(process("parent", call("call_child", "Call child", "child"))
                        + process("child", serviceTask("task_child", "Child work", KNOWN_TYPE))))
                .isEmpty();
    }

    @Test
    void aCallToADeployedProcessIsAcceptedUnlessItsBindingWantsItInTheSameFile() {
        deployed.deployed(deployedProcess("elsewhere"));

        assertThat(check(process("p", call("call_it", "Call it", "elsewhere")))).isEmpty();
        assertThat(check(process(
                        "p",
                        "<bpmn:callActivity id=\"call_it\" name=\"Call it\"><bpmn:extensionElements>"
                                + "<zeebe:calledElement processId=\"elsewhere\" bindingType=\"deployment\" />"
                                + "</bpmn:extensionElements></bpmn:callActivity>")))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("'elsewhere'", "not in this file", "deployment"));
    }

    @Test
    void whileBatonStartsACallToAProcessStillToBeDeployedIsAccepted() {
        String caller = process("p", call("call_later", "Call later", "later"));

        deployed.arriving(Set.of("later")); // announced twice: by the bundled files and by a kept upload
        deployed.arriving(Set.of("later"));
        assertThat(check(caller)).isEmpty();
        deployed.arrived(Set.of("later"));
        assertThat(check(caller)).isEmpty();
        deployed.arrived(Set.of("later"));
        assertThat(check(caller))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("'later'"));
    }

    @Test
    void aCalledProcessGivenAsAnExpressionIsCheckedWhenConstantAndRefusedWhenNot() {
        String file = process(
                        "parent",
                        call("call_constant_ok", "Constant ok", "=&quot;child&quot;"),
                        call("call_constant_missing", "Constant missing", "=&quot;does-not-exist&quot;"),
                        call("call_variable", "Variable", "=childProcess"))
                + process("child", serviceTask("task_child", "Child work", KNOWN_TYPE));

        List<PlaybookProblem> problems = check(file);

        assertThat(problems)
                .extracting(PlaybookProblem::elementId)
                .containsExactly("call_constant_missing", "call_variable");
        assertThat(problems.get(0).message()).contains("'does-not-exist'", "neither deployed nor in this file");
        assertThat(problems.get(1).message()).contains("'=childProcess'", "depends on the instance's variables");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a safety net
    void aNameComputedBeyondLiteralsIsRefusedWithoutBeingEvaluated() {
        String loop = "=for i in 1..100000000 return i"; // minutes of CPU when evaluated
        String nested = "=" + "(".repeat(300) + "&quot;baton-known&quot;" + ")".repeat(300); // overflows the parser
        String mixed = "=&quot;baton-&quot; + 1"; // literals, but no text: FEEL gives null

        List<PlaybookProblem> problems = check(process(
                "p",
                serviceTask("task_loop", "Loop", loop),
                serviceTask("task_nested", "Nested", nested),
                serviceTask("task_mixed", "Mixed", mixed),
                call("call_loop", "Call loop", loop)));

        assertThat(problems)
                .extracting(PlaybookProblem::elementId)
                .containsExactly("task_loop", "task_nested", "task_mixed", "call_loop");
        assertThat(problems)
                .filteredOn(p -> !p.elementId().equals("task_mixed"))
                .allSatisfy(p -> assertThat(p.message()).contains("Baton does not evaluate at upload"));
        assertThat(problems.get(1).message()).contains("(((…'").hasSizeLessThan(600);
        assertThat(problems.get(2).message())
                .contains("gives no value (FEEL: Can't add '1' to '\"baton-\"')", "would stop the instance");
    }

    @Test
    void anUploadWithTheIdOfOneOfBatonsOwnProcessesIsRefusedNamingIt() {
        deployed.own(Set.of("lead-follow-up", "commitment"));

        List<PlaybookProblem> problems = checkUpload(process("lead-follow-up"));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.elementId()).isEqualTo("lead-follow-up");
            assertThat(p.message()).contains("'lead-follow-up'", "one of Baton's own processes", "cannot replace");
        });
        assertThat(check(process("lead-follow-up"))).as("Baton's own file").isEmpty();
        // found by the session 35 probe: LEAD-FOLLOW-UP was accepted, and the catalogue listed it beside Baton's
        assertThat(checkUpload(process("LEAD-Follow-Up")))
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .contains("'LEAD-Follow-Up' differs only in case from 'lead-follow-up'"));
    }

    /**
     * Session 39's probe: renewalDate written as 2020-01-01 on baton.update-account passed the upload, and every
     * run stopped at the step (the block refuses a past date). A literal the block refuses on any day is refused
     * at upload, naming the step and the input; today, a later date, a period and an expression pass.
     */
    @Test
    void aBlocksDateInputWrittenAsAPastDateOrNoDateIsRefusedNamingTheStepAndTheInput() {
        java.util.function.BiFunction<String, String, String> block = (type, input) -> "<bpmn:serviceTask id=\"task_"
                + input.replaceAll("\\W", "_") + "\" name=\"Step\"><bpmn:extensionElements><zeebe:taskDefinition"
                + " type=\"" + type + "\" /><zeebe:ioMapping>" + input + "</zeebe:ioMapping></bpmn:extensionElements>"
                + "</bpmn:serviceTask>";
        String past = "<zeebe:input source=\"2020-01-01\" target=\"renewalDate\" />";
        String notADate = "<zeebe:input source=\"next week\" target=\"dueDate\" />"
                + "<zeebe:input source=\"Kickoff\" target=\"description\" />";

        List<PlaybookProblem> problems = checkUpload(process(
                "p_dates", block.apply(Blocks.UPDATE_ACCOUNT, past), block.apply(Blocks.RECORD_COMMITMENT, notADate)));

        assertThat(problems).extracting(PlaybookProblem::elementId).hasSize(2);
        assertThat(problems.get(0).message())
                .startsWith("the input 'renewalDate' of baton.update-account is '2020-01-01', which is in the past"
                        + " (today is 2026-12-05): the block refuses it, so every run would stop at this step");
        assertThat(problems.get(1).message())
                .startsWith("the input 'dueDate' of baton.record-commitment is 'next week', which is neither a date");
        assertThat(checkUpload(process(
                        "p_dates_fine",
                        block.apply(Blocks.UPDATE_ACCOUNT, past.replace("2020-01-01", "2026-12-05")),
                        block.apply(Blocks.UPDATE_ACCOUNT, past.replace("2020-01-01", "P30D")),
                        block.apply(Blocks.UPDATE_ACCOUNT, past.replace("2020-01-01", "=renewal")))))
                .as("today, a period, an expression")
                .isEmpty();
    }

    /**
     * Session 40's probe: a send-email step whose message came out null mailed a note with no message. The
     * block now refuses an input given empty; one written so that it is empty on every run (an empty value or
     * header, {@code =null}, blank text, a yes/no value, FEEL that fails) is refused at upload, naming the step
     * and the input. A plain value, a literal, an expression over variables and an input left out pass.
     */
    @Test
    void aBlocksInputWrittenSoThatItComesOutEmptyIsRefusedNamingTheStepAndTheInput() {
        java.util.function.BiFunction<String, String, String> mail = (id, inputs) -> "<bpmn:serviceTask id=\""
                + id + "\" name=\"Mail\"><bpmn:extensionElements><zeebe:taskDefinition type=\"baton.send-email\" />"
                + inputs + "</bpmn:extensionElements></bpmn:serviceTask>";
        String recipients = "<zeebe:input source=\"account-note\" target=\"template\" />"
                + "<zeebe:input source=\"account-owner\" target=\"to\" />";
        java.util.function.Function<String, String> message = source -> "<zeebe:ioMapping>" + recipients
                + "<zeebe:input source=\"" + source + "\" target=\"message\" />" + "</zeebe:ioMapping>";

        List<PlaybookProblem> problems = checkUpload(process(
                "p_empty",
                mail.apply("task_null", message.apply("=null")),
                mail.apply("task_blank", message.apply("=&quot;  &quot;")),
                mail.apply("task_yes_no", message.apply("=true")),
                mail.apply("task_failed", message.apply("=&quot;Overdue: &quot; + 3")),
                mail.apply(
                        "task_header",
                        "<zeebe:taskHeaders><zeebe:header key=\"message\" value=\" \" /></zeebe:taskHeaders>"
                                + "<zeebe:ioMapping>" + recipients + "</zeebe:ioMapping>"),
                mail.apply(
                        "task_to",
                        "<zeebe:ioMapping><zeebe:input source=\"account-note\" target=\"template\" />"
                                + "<zeebe:input source=\"=null\" target=\"to\" /></zeebe:ioMapping>")));

        assertThat(problems)
                .extracting(PlaybookProblem::elementId)
                .containsExactly("task_null", "task_blank", "task_yes_no", "task_failed", "task_header", "task_to");
        assertThat(messageOf(problems, "task_null"))
                .isEqualTo("the input 'message' of baton.send-email is the expression '=null', which gives nothing"
                        + " (null): the block refuses an input given empty (it is not the same as leaving the input"
                        + " out), so every run would stop at this step. Write the value meant, or remove the input");
        assertThat(messageOf(problems, "task_blank")).contains("'=\"  \"', which gives blank text");
        assertThat(messageOf(problems, "task_yes_no")).contains("which gives true, a yes/no value");
        assertThat(messageOf(problems, "task_failed")).contains("which gives nothing (FEEL: ");
        assertThat(messageOf(problems, "task_header")).startsWith("the input 'message' of baton.send-email is empty:");
        assertThat(messageOf(problems, "task_to"))
                .startsWith("the input 'to' of baton.send-email is the expression '=null'");
        assertThat(checkUpload(process(
                        "p_fine",
                        mail.apply("task_plain", message.apply("Renewal next month")),
                        mail.apply("task_literal", message.apply("=&quot;Overdue: &quot; + string(3)")),
                        mail.apply("task_variable", message.apply("=note")),
                        mail.apply("task_left_out", "<zeebe:ioMapping>" + recipients + "</zeebe:ioMapping>"))))
                .as("a plain value, a computed expression, one over a variable, no message at all")
                .isEmpty();
    }

    /**
     * Session 39's probe: a 10,750-character process name was accepted and made the catalogue 5,570 px tall; a
     * step's name longer than the task's 300 characters could not be kept at all. Names of up to 200 pass.
     */
    @Test
    void aPlaybookOrStepNameLongerThan200CharactersIsRefusedNamingTheLimitAndTheLength() {
        String huge = "Quarterly business review deck preparation ".repeat(250);
        String steps = process("p_long", userTask("task_long", "x".repeat(201), "formId=\"f\""))
                .replace("id=\"p_long\"", "id=\"p_long\" name=\"" + huge + "\"");

        List<PlaybookProblem> problems = checkUpload(steps).stream()
                .filter(p -> p.message().contains("characters long"))
                .toList();

        assertThat(problems).extracting(PlaybookProblem::elementId).containsExactly("p_long", "task_long");
        assertThat(problems.getFirst().elementName()).hasSize(61).startsWith("Quarterly business review");
        assertThat(problems.getFirst().message())
                .startsWith("the name of the playbook is 10,750 characters long; Baton takes names of at most 200"
                        + " characters")
                .contains("Camunda Modeler: the process's Name", "Documentation");
        assertThat(problems.get(1).message())
                .startsWith("the name of this user task is 201 characters long; Baton takes names of at most 200");
        assertThat(checkUpload(process("p_at_limit", userTask("task_at_limit", "y".repeat(200), "formId=\"f\""))
                        .replace("id=\"p_at_limit\"", "id=\"p_at_limit\" name=\"" + "z".repeat(200) + "\"")))
                .as("names of 200 characters")
                .noneMatch(p -> p.message().contains("characters long"));
        assertThat(checkUpload(process("p_emoji", userTask("task_emoji", "\uD83D\uDCDE".repeat(150), "formId=\"f\""))))
                .as("150 emoji are 150 characters (300 UTF-16 units), as the database counts them")
                .noneMatch(p -> p.message().contains("characters long"));
        String longId = "Activity_" + "a".repeat(200);
        assertThat(checkUpload(process("p_long_id", userTask(longId, "Call", "formId=\"f\""))))
                .as("an id the task table could not keep")
                .anySatisfy(p -> assertThat(p.message())
                        .startsWith("the ID of this user task is 209 characters long; Baton takes IDs of at most 200"));
    }

    /**
     * Session 39's probe: the refusal of the id sample-review said Baton "starts it itself", but managers launch
     * Baton's bundled playbooks from the catalogue. Each kind of own process is named as what it is.
     */
    @Test
    void anUploadWithTheIdOfOneOfBatonsOwnPlaybooksIsRefusedSayingItIsLaunchedFromTheCatalogue() {
        deployed.own(Set.of("sample-review", "lead-follow-up"));
        deployed.deployed(DeployedProcesses.version("sample-review", 7L)
                .name("Sample account review")
                .launchRoles(Set.of("MANAGER"))
                .build());

        assertThat(checkUpload(process("sample-review"))).singleElement().satisfies(p -> {
            assertThat(p.elementId()).isEqualTo("sample-review");
            assertThat(p.message())
                    .startsWith("the process id 'sample-review' is one of Baton's own playbooks ('Sample account"
                            + " review'), launched from the catalogue: an upload cannot replace it")
                    .doesNotContain("starts itself");
        });
        assertThat(checkUpload(process("lead-follow-up")))
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .startsWith("the process id 'lead-follow-up' is one of Baton's own processes, which Baton"
                                + " starts itself: an upload cannot replace it"));
    }

    /**
     * Found by a probe: a file with two executable processes deployed both, and the catalogue listed a
     * second playbook nobody meant to launch. Baton's own files keep their rules.
     */
    @Test
    void anUploadWithMoreThanOneExecutableProcessIsRefusedNamingEach() {
        String two = process("Process_a").replace("id=\"Process_a\"", "id=\"Process_a\" name=\"A\"")
                + process("Process_b").replace("id=\"Process_b\"", "id=\"Process_b\" name=\"B\"");
        String three = two + process("Process_c");

        assertThat(checkUpload(two)).singleElement().satisfies(p -> {
            assertThat(p.elementId()).isNull();
            assertThat(p.elementName()).isEqualTo("test.bpmn");
            assertThat(p.message())
                    .isEqualTo("a playbook is one process: this file has 2 executable processes, 'A' (Process_a)"
                            + " and 'B' (Process_b); keep one, or mark the other not executable in Camunda Modeler"
                            + " (Executable off). A process the playbook calls is uploaded as a playbook of its own"
                            + " first, then called by its ID");
        });
        assertThat(checkUpload(three))
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .contains("3 executable processes, 'A' (Process_a), 'B' (Process_b) and 'Process_c';")
                        .contains("mark the others not executable"));
        assertThat(check(two)).as("Baton's own file").isEmpty();
    }

    /**
     * Found by the session 35 probe: a file whose only process is not executable got two problems for
     * that one cause, Baton's and the engine's ("Must contain at least one executable process" at the
     * definitions), and neither said where Camunda Modeler sets it.
     */
    @Test
    void aFileWhoseOnlyProcessIsNotExecutableGetsOneProblemSayingWhereToTickExecutable() {
        String notExecutable = process("Process_a")
                .replace(
                        "id=\"Process_a\" isExecutable=\"true\"", "id=\"Process_a\" name=\"A\" isExecutable=\"false\"");

        assertThat(checkUpload(notExecutable)).singleElement().satisfies(p -> {
            assertThat(p.elementId()).isEqualTo("Process_a");
            assertThat(p.elementName()).isEqualTo("A");
            assertThat(p.message())
                    .isEqualTo("the process is not executable, so the engine would not run it: tick Executable in"
                            + " Camunda Modeler's properties panel for the process (click an empty spot of the"
                            + " canvas, or the pool, then General → Executable)");
        });
        assertThat(check(notExecutable)).as("Baton's own file").hasSize(1);
    }

    /**
     * Found by the session 36 probe: a process with no isExecutable attribute at all is not executable
     * for the engine (the BPMN default), but Baton took it as executable, so the upload got the engine's
     * raw "Must contain at least one executable process" at the definitions instead of the plain problem.
     */
    @Test
    void aProcessWithNoIsExecutableAttributeIsNotExecutableAsTheEngineReadsIt() {
        String noAttribute =
                process("Process_a").replace("id=\"Process_a\" isExecutable=\"true\"", "id=\"Process_a\" name=\"A\"");

        assertThat(checkUpload(noAttribute)).singleElement().satisfies(p -> {
            assertThat(p.elementId()).isEqualTo("Process_a");
            assertThat(p.elementName()).isEqualTo("A");
            assertThat(p.message()).startsWith("the process is not executable").contains("General → Executable");
        });
        assertThat(checkUpload(process("Process_b") + noAttribute.replace("Process_a", "Process_pool")))
                .as("beside an executable process, one without the attribute is a pool the engine does not deploy")
                .isEmpty();
    }

    /**
     * Found by the session 35 probe: an upload called "Renewal" put a second "Renewal" row in the
     * catalogue beside Baton's own. A name another playbook goes by is refused in any case and spacing;
     * a new version of the same playbook keeps its name.
     */
    @Test
    void anUploadNamedLikeAnotherPlaybookOfTheCatalogueIsRefusedNamingItAndItsOwnNameStaysAllowed() {
        deployed.own(Set.of("renewal"));
        deployed.deployed(named("renewal", "Renewal", 1L));
        deployed.deployed(named("Process_call", "Call first", 2L));
        deployed.deployed(named("Process_call", "Renewal call", 3L)); // its newest name counts

        assertThat(checkUpload(process("Process_mine")
                        .replace("id=\"Process_mine\"", "id=\"Process_mine\" name=\" RENEWAL \"")))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.elementId()).isEqualTo("Process_mine");
                    assertThat(p.elementName()).isEqualTo(" RENEWAL ");
                    assertThat(p.message())
                            .isEqualTo("the name ' RENEWAL ' is taken by 'Renewal' (Baton's own playbook 'renewal'):"
                                    + " the catalogue would list two playbooks by one name (names are compared in any"
                                    + " case, with a dash, an underscore and spaces alike). Give this one another name"
                                    + " (Camunda Modeler: the process's Name)");
                });
        assertThat(checkUpload(process("Process_mine")
                        .replace("id=\"Process_mine\"", "id=\"Process_mine\" name=\"renewal&#160;  Call\"")))
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .as("the no-break space written out")
                        .startsWith("the name 'renewal\\u00a0  Call' is taken by 'Renewal call' (the playbook"
                                + " 'Process_call' in the catalogue)"));
        assertThat(checkUpload(process("Process_call")
                        .replace("id=\"Process_call\"", "id=\"Process_call\" name=\"Renewal call\"")))
                .as("a new version of the same playbook")
                .isEmpty();
        assertThat(checkUpload(process("Process_mine")
                        .replace("id=\"Process_mine\"", "id=\"Process_mine\" name=\"Call first\"")))
                .as("a name the other playbook no longer goes by")
                .isEmpty();
    }

    /**
     * Session 36's probe: an unnamed process (listed by its id) beside one named like that id, a name with a
     * zero-width space shown as "Renewal" beside Baton's own, and dash look-alikes were all accepted.
     */
    @Test
    void anUnnamedProcessGoesByItsIdAndInvisibleCharactersAndDashLookAlikesDoNotMakeANameNew() {
        deployed.own(Set.of("renewal", "lead-follow-up"));
        deployed.deployed(named("renewal", "Renewal", 1L));
        deployed.deployed(named("lead-follow-up", "Lead follow-up", 2L));
        deployed.deployed(named("probe-noname", null, 3L));
        deployed.deployed(named("Process_named", "probe-named", 4L));

        assertThat(checkUpload(named(process("Process_mine"), "PROBE-NONAME")))
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .isEqualTo("the name 'PROBE-NONAME' is taken by 'probe-noname' (the playbook 'probe-noname'"
                                + " in the catalogue, which has no name and is listed by its id): the catalogue would"
                                + " list two playbooks by one name (names are compared in any case, with a dash, an"
                                + " underscore and spaces alike). Give this one another name (Camunda Modeler: the"
                                + " process's Name)"));
        assertThat(checkUpload(process("probe-named"))).singleElement().satisfies(p -> {
            assertThat(p.elementId()).isEqualTo("probe-named");
            assertThat(p.elementName()).isNull();
            assertThat(p.message())
                    .isEqualTo("the process has no name, so the catalogue would list it by its id"
                            + " 'probe-named', which is taken by 'probe-named' (the playbook 'Process_named' in the"
                            + " catalogue): the catalogue would list two playbooks by one name (names are compared in"
                            + " any case, with a dash, an underscore and spaces alike). Give this one a name (Camunda"
                            + " Modeler: the process's Name)");
        });
        assertThat(checkUpload(named(process("Process_zero_width"), "Re\u200bnewal")))
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .startsWith("the name 'Re\\u200bnewal' is taken by 'Renewal' (Baton's own playbook"
                                + " 'renewal')"));
        for (String lookAlike : List.of(
                "Re\u00adnewal",
                "Lead follow\u2013up",
                "Lead follow\u2014up",
                "Lead follow\u2011up",
                "Lead follow\u2212up",
                "Lead follow\uff0dup")) {
            assertThat(checkUpload(named(process("Process_look_alike"), lookAlike)))
                    .as(Text.showInvisible(lookAlike))
                    .singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("' (Baton's own playbook"));
        }
        assertThat(checkUpload(named(process("Process_other"), "Lead follow up")))
                .as("a space reads as a dash")
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("is taken by 'Lead follow-up'"));
        assertThat(checkUpload(process("probe-noname")))
                .as("a new version of the unnamed one")
                .isEmpty();
    }

    /**
     * Users read "Sample-account review" and "Sample account review" as one playbook in the catalogue, and
     * the rule took a dash for a dash only: a dash, an underscore and a run of spaces now compare equal. The
     * refusal names the name the other playbook goes by, as written; a different word stays allowed.
     */
    @Test
    void aDashAnUnderscoreAndSpacesAreOneForTheNameRule() {
        deployed.deployed(named("Process_review", "Sample account review", 1L));

        for (String alike : List.of(
                "Sample-account review",
                "Sample_account review",
                "Sample - account  review",
                "sample__account\u2013review",
                "Sample account review_")) {
            assertThat(checkUpload(named(process("Process_mine"), alike)))
                    .as(alike)
                    .singleElement()
                    .satisfies(p -> assertThat(p.message())
                            .startsWith("the name '" + Text.showInvisible(alike)
                                    + "' is taken by 'Sample account review' (the playbook 'Process_review' in the"
                                    + " catalogue)")
                            .contains("with a dash, an underscore and spaces alike"));
        }
        assertThat(checkUpload(named(process("Process_mine"), "Sample accounts review")))
                .as("another word")
                .isEmpty();
        assertThat(checkUpload(named(process("Process_review"), "Sample-account review")))
                .as("a new version of the playbook writes its own name as it likes")
                .isEmpty();
    }

    /**
     * Uploads committed but not yet in this instance's catalogue (another Baton instance's, or one whose
     * commit the catalogue learns a moment later) count as the database has them; their newest name wins.
     */
    @Test
    void theNamesOfUploadsTheDatabaseKeptCountBesideTheCatalogue() {
        deployed.deployed(named("Process_elsewhere", "Old name", 1L));
        keptNames.put("Process_elsewhere", "Race Two");
        keptNames.put("Process_unnamed_elsewhere", null);

        assertThat(checkUpload(named(process("Process_mine"), "race  two")))
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .startsWith("the name 'race  two' is taken by 'Race Two' (the playbook 'Process_elsewhere' in"
                                + " the catalogue)"));
        assertThat(checkUpload(named(process("Process_mine"), "process_unnamed_elsewhere")))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("has no name and is listed by its id"));
        assertThat(checkUpload(named(process("Process_mine"), "Old name")))
                .as("a name the other playbook no longer goes by")
                .isEmpty();
    }

    /**
     * A kept upload that could not be deployed at start-up is listed, not running, on /playbooks; it is
     * deployed again at every start and replaced by a new upload of its id, so it keeps its name, and the
     * refusal says why a name nothing in the catalogue runs under is taken. A new version of it may take the
     * name; once deployed it is running again.
     */
    @Test
    void aKeptUploadNotDeployedAtStartUpKeepsItsNameAndTheRefusalSaysItIsNotRunning() {
        keptNames.put("Process_broken", "Broken review");
        deployed.keptNotDeployed(Set.of("Process_broken"));

        assertThat(checkUpload(named(process("Process_mine"), "broken  review")))
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .startsWith("the name 'broken  review' is taken by 'Broken review' (the playbook"
                                + " 'Process_broken' in the catalogue)")
                        .contains("'Process_broken' is not running now: Baton could not deploy its kept upload at"
                                + " start-up (listed with its problems on /playbooks), but it keeps its name, as it is"
                                + " deployed again at every start and runs once what stopped it is gone, and a new"
                                + " version of 'Process_broken' uploaded takes its place. Give this one another"
                                + " name"));
        assertThat(checkUpload(named(process("Process_broken"), "Broken review")))
                .as("a new version of it")
                .isEmpty();

        deployed.deployed(named("Process_broken", "Broken review", 5L));
        assertThat(checkUpload(named(process("Process_mine"), "Broken review")))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).doesNotContain("not running"));
    }

    /**
     * A kept upload of one of Baton's own process ids (kept before such uploads were refused) is refused at
     * every start and every upload, so it can never run: its name took the bundled playbook's place in the
     * name rule, so an upload could take the bundled playbook's name, and the kept one's name was blocked.
     */
    @Test
    void aKeptUploadOfOneOfBatonsOwnProcessIdsNeitherTakesANameNorHidesTheOwnPlaybooksName() {
        deployed.own(Set.of("renewal"));
        deployed.deployed(named("renewal", "Renewal", 1L));
        keptNames.put("renewal", "Hijacked renewal");
        deployed.keptNotDeployed(Set.of("renewal"));

        assertThat(checkUpload(named(process("Process_mine"), "Renewal")))
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .startsWith("the name 'Renewal' is taken by 'Renewal' (Baton's own playbook 'renewal')"));
        assertThat(checkUpload(named(process("Process_mine"), "Hijacked renewal")))
                .as("the name of an upload that can never run")
                .isEmpty();
    }

    /** The process with that name (XML-escaped as given: the text may hold character references). */
    private static String named(String process, String name) {
        return process.replaceFirst("<bpmn:process id=\"([^\"]+)\"", "<bpmn:process id=\"$1\" name=\"" + name + "\"");
    }

    private static DeployedPlaybooks.DeployedProcess named(String processId, String name, long definitionKey) {
        return DeployedProcesses.version(processId, definitionKey)
                .name(name)
                .version((int) definitionKey)
                .build();
    }

    /** Modeler's usual second pool: a black box (no process), or a process drawn with Executable off. */
    @Test
    void anUploadWithASecondPoolThatIsNotExecutableIsAccepted() {
        String collaboration = "<bpmn:collaboration id=\"collaboration\">"
                + "<bpmn:participant id=\"pool_us\" name=\"Us\" processRef=\"Process_a\" />"
                + "<bpmn:participant id=\"pool_customer\" name=\"Customer\" />"
                + "<bpmn:participant id=\"pool_finance\" name=\"Finance\" processRef=\"Process_finance\" />"
                + "</bpmn:collaboration>";
        String notExecutable = process("Process_finance").replace("isExecutable=\"true\"", "isExecutable=\"false\"");

        assertThat(checkUpload(collaboration + process("Process_a") + notExecutable))
                .isEmpty();
    }

    @Test
    void anUploadMustHaveAPlainStartEventToBeLaunchedFrom() {
        String timerOnly =
                "<bpmn:process id=\"p\" isExecutable=\"true\"><bpmn:startEvent id=\"start_daily\" name=\"Daily\">"
                        + "<bpmn:timerEventDefinition><bpmn:timeCycle>R/PT24H</bpmn:timeCycle></bpmn:timerEventDefinition>"
                        + "</bpmn:startEvent><bpmn:endEvent id=\"end\" />"
                        + sequenceFlow("start_daily", "end") + "</bpmn:process>";
        String plainAndTimer = timerOnly.replace(
                "<bpmn:endEvent",
                "<bpmn:startEvent id=\"start_plain\" />" + sequenceFlow("start_plain", "end") + "<bpmn:endEvent");

        assertThat(checkUpload(timerOnly)).singleElement().satisfies(p -> {
            assertThat(p.elementId()).isEqualTo("start_daily");
            assertThat(p.elementName()).isEqualTo("Daily");
            assertThat(p.message()).contains("a timer start event", "no plain start event", "by itself");
        });
        assertThat(checkUpload(plainAndTimer)).isEmpty();
        assertThat(check(timerOnly)).as("Baton's own file, started by Baton").isEmpty();
    }

    /**
     * Found by a probe: a message start event for commitment-recorded beside the plain start event was
     * accepted, and the playbook started on every recorded commitment, its building block changing the
     * account with nobody launching it.
     */
    @Test
    void anUploadWaitingForOneOfBatonsOwnMessagesIsRefusedSayingItWouldRunOnBatonsEvents() {
        deployed.ownMessages(Set.of("commitment-recorded"));
        String piggyback = process(
                                "p",
                                "<bpmn:userTask id=\"task_mark\" name=\"Mark\"><bpmn:extensionElements>"
                                        + "<zeebe:assignmentDefinition assignee=\"rob\" /></bpmn:extensionElements></bpmn:userTask>")
                        .replace(
                                "<bpmn:endEvent",
                                "<bpmn:startEvent id=\"start_recorded\" name=\"Commitment recorded\">"
                                        + "<bpmn:messageEventDefinition messageRef=\"msg_recorded\" /></bpmn:startEvent>"
                                        + sequenceFlow("start_recorded", "task_mark") + "<bpmn:endEvent")
                + "<bpmn:message id=\"msg_recorded\" name=\"commitment-recorded\" />";

        assertThat(checkUpload(piggyback)).singleElement().satisfies(p -> {
            assertThat(p.elementId()).isEqualTo("start_recorded");
            assertThat(p.elementName()).isEqualTo("Commitment recorded");
            assertThat(p.message())
                    .startsWith("a message start event, started by the message 'commitment-recorded':")
                    .contains("'commitment-recorded' is Baton's own message", "start on Baton's internal events")
                    .contains("plain start event");
        });
        assertThat(check(piggyback))
                .as("Baton's own file, started by Baton's events")
                .isEmpty();
    }

    /** Found by a probe: each of these waits was accepted, and the run waited forever showing nothing. */
    @Test
    void anUploadWaitingForAnyMessageIsRefusedNamingEachWaitAsDrawn() {
        String subscription = "<bpmn:extensionElements><zeebe:subscription correlationKey=\"=string(accountId)\" />"
                + "</bpmn:extensionElements>";
        String waits = """
                <bpmn:process id="p" isExecutable="true">
                  <bpmn:startEvent id="start" />
                  <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="catch_reply" />
                  <bpmn:intermediateCatchEvent id="catch_reply" name="Customer replied">
                    <bpmn:messageEventDefinition messageRef="msg_reply" /></bpmn:intermediateCatchEvent>
                  <bpmn:sequenceFlow id="f2" sourceRef="catch_reply" targetRef="receive_signed" />
                  <bpmn:receiveTask id="receive_signed" name="Wait for the contract" messageRef="msg_signed" />
                  <bpmn:boundaryEvent id="boundary_cancel" name="Cancelled" attachedToRef="receive_signed">
                    <bpmn:messageEventDefinition messageRef="msg_cancel" /></bpmn:boundaryEvent>
                  <bpmn:sequenceFlow id="f3" sourceRef="boundary_cancel" targetRef="end" />
                  <bpmn:sequenceFlow id="f4" sourceRef="receive_signed" targetRef="gateway_first" />
                  <bpmn:eventBasedGateway id="gateway_first" name="Whichever first">
                    <bpmn:incoming>f4</bpmn:incoming><bpmn:outgoing>f5</bpmn:outgoing><bpmn:outgoing>f6</bpmn:outgoing>
                  </bpmn:eventBasedGateway>
                  <bpmn:sequenceFlow id="f5" sourceRef="gateway_first" targetRef="catch_paid" />
                  <bpmn:sequenceFlow id="f6" sourceRef="gateway_first" targetRef="timer_week" />
                  <bpmn:intermediateCatchEvent id="catch_paid" name="Paid">
                    <bpmn:messageEventDefinition messageRef="msg_paid" /></bpmn:intermediateCatchEvent>
                  <bpmn:intermediateCatchEvent id="timer_week">
                    <bpmn:timerEventDefinition><bpmn:timeDuration>P7D</bpmn:timeDuration></bpmn:timerEventDefinition>
                  </bpmn:intermediateCatchEvent>
                  <bpmn:sequenceFlow id="f7" sourceRef="catch_paid" targetRef="end" />
                  <bpmn:sequenceFlow id="f8" sourceRef="timer_week" targetRef="end" />
                  <bpmn:endEvent id="end" />
                  <bpmn:subProcess id="sub_escalate" triggeredByEvent="true">
                    <bpmn:startEvent id="start_escalated" name="Escalated" isInterrupting="false">
                      <bpmn:messageEventDefinition messageRef="msg_escalated" /></bpmn:startEvent>
                    <bpmn:sequenceFlow id="s1" sourceRef="start_escalated" targetRef="sub_end" />
                    <bpmn:endEvent id="sub_end" />
                  </bpmn:subProcess>
                </bpmn:process>
                <bpmn:message id="msg_reply" name="customer-replied">%1$s</bpmn:message>
                <bpmn:message id="msg_signed" name="contract-signed">%1$s</bpmn:message>
                <bpmn:message id="msg_cancel" name="cancelled">%1$s</bpmn:message>
                <bpmn:message id="msg_paid" name="paid">%1$s</bpmn:message>
                <bpmn:message id="msg_escalated" name="escalated">%1$s</bpmn:message>
                """.formatted(subscription);

        List<PlaybookProblem> problems = checkUpload(waits);

        assertThat(problems)
                .extracting(PlaybookProblem::elementId, PlaybookProblem::elementName)
                .containsExactly(
                        tuple("catch_reply", "Customer replied"),
                        tuple("receive_signed", "Wait for the contract"),
                        tuple("boundary_cancel", "Cancelled"),
                        tuple("catch_paid", "Paid"),
                        tuple("start_escalated", "Escalated"));
        assertThat(problems.get(0).message())
                .startsWith("a message catch event, waiting for the message 'customer-replied', which nothing"
                        + " sends to an uploaded playbook")
                .contains("it would wait forever", "a timer", "a user task", "building block");
        assertThat(problems.get(1).message()).startsWith("a receive task, waiting for the message 'contract-signed'");
        assertThat(problems.get(2).message())
                .startsWith("a message boundary event, waiting for the message 'cancelled'");
        assertThat(problems.get(3).message())
                .startsWith("a branch of the event-based gateway 'Whichever first' (gateway_first), waiting for the"
                        + " message 'paid'");
        assertThat(problems.get(4).message())
                .startsWith("the start of an event subprocess, started by the message 'escalated'")
                .contains("it would wait forever");
        assertThat(check(waits))
                .as("Baton's own file, whose messages Baton publishes")
                .isEmpty();
    }

    /**
     * Found by a probe: {@code =today() + duration("P2D")} (a date) as a user task's due date was
     * accepted, and the first run stopped at the step as an incident. Each form of {@link TaskDates}
     * is refused exactly when the engine cannot use it (TaskScheduleProcessTests), as due date and as
     * follow-up date.
     */
    @Test
    void aDueOrFollowUpDateTheEngineCannotUseIsRefusedAndOneItCanAccepted() {
        for (String attribute : TaskDates.ATTRIBUTES) {
            TaskDates.all().forEach(value -> {
                List<PlaybookProblem> problems =
                        checkUpload(process("p", TaskDates.userTask("task_review", "Review deal", attribute, value)));
                boolean refused = !TaskDates.ACCEPTED.contains(value);
                String what = "dueDate".equals(attribute) ? "due date" : "follow-up date";
                if (refused) {
                    assertThat(problems)
                            .as("%s %s", attribute, value)
                            .singleElement()
                            .satisfies(p -> {
                                assertThat(p.elementId()).isEqualTo("task_review");
                                assertThat(p.message())
                                        .startsWith("'Review deal' (task_review) has the " + what + " " + value
                                                + ", which ");
                            });
                } else {
                    assertThat(problems).as("%s %s", attribute, value).isEmpty();
                }
            });
        }
        assertThat(messageOf(
                        checkUpload(process(
                                "p",
                                TaskDates.userTask(
                                        "task_review", "Review deal", "dueDate", "=today() + duration(\"P2D\")"))),
                        "task_review"))
                .isEqualTo("'Review deal' (task_review) has the due date =today() + duration(\"P2D\"), which gives a"
                        + " date without a time: write =now() + duration(\"P2D\") or a date and time such as"
                        + " 2026-12-24T17:00:00+01:00. The run would stop at this step, as an incident");
        assertThat(messageOf(
                        checkUpload(process(
                                "p", TaskDates.userTask("task_review", "Review deal", "dueDate", "2026-12-24"))),
                        "task_review"))
                .isEqualTo("'Review deal' (task_review) has the due date 2026-12-24, which is a date without a time:"
                        + " write a date and time with its offset, such as 2026-12-24T17:00:00+01:00 (Z for UTC)");
        assertThat(messageOf(
                        checkUpload(process(
                                "p",
                                TaskDates.userTask(
                                        "task_review",
                                        "Review deal",
                                        "followUpDate",
                                        "=now() + duration(\"2 days\")"))),
                        "task_review"))
                .startsWith("'Review deal' (task_review) has the follow-up date =now() + duration(\"2 days\"), which"
                        + " gives nothing (FEEL: ")
                .contains("so the step would have no follow-up date: write =now() + duration(\"P2D\")");
    }

    /**
     * Found by a probe: an error boundary (catch-all, and one for BAD_INPUT) on a building block was
     * accepted; the block's bad input stopped the run as an incident, and the path behind was never taken.
     */
    @Test
    void anUploadsErrorOrEscalationBoundaryOnABlockOrAUserTaskIsRefusedAsNothingThrowsIt() {
        String catches = """
                <bpmn:process id="p" isExecutable="true">
                  <bpmn:startEvent id="start" />
                  <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task_check" />
                  <bpmn:serviceTask id="task_check" name="Check promises">
                    <bpmn:extensionElements><zeebe:taskDefinition type="%s" /></bpmn:extensionElements>
                  </bpmn:serviceTask>
                  <bpmn:boundaryEvent id="boundary_any" name="Check failed" attachedToRef="task_check">
                    <bpmn:errorEventDefinition /></bpmn:boundaryEvent>
                  <bpmn:boundaryEvent id="boundary_bad_input" attachedToRef="task_check">
                    <bpmn:errorEventDefinition errorRef="error_bad_input" /></bpmn:boundaryEvent>
                  <bpmn:sequenceFlow id="f2" sourceRef="task_check" targetRef="task_review" />
                  <bpmn:userTask id="task_review" name="Review">
                    <bpmn:extensionElements><zeebe:assignmentDefinition assignee="rob" /></bpmn:extensionElements>
                  </bpmn:userTask>
                  <bpmn:boundaryEvent id="boundary_refused" name="Refused" attachedToRef="task_review">
                    <bpmn:errorEventDefinition /></bpmn:boundaryEvent>
                  <bpmn:sequenceFlow id="f3" sourceRef="task_review" targetRef="end" />
                  <bpmn:sequenceFlow id="f4" sourceRef="boundary_any" targetRef="end" />
                  <bpmn:sequenceFlow id="f5" sourceRef="boundary_bad_input" targetRef="end" />
                  <bpmn:sequenceFlow id="f6" sourceRef="boundary_refused" targetRef="end" />
                  <bpmn:endEvent id="end" />
                </bpmn:process>
                <bpmn:error id="error_bad_input" name="Bad input" errorCode="BAD_INPUT" />
                """.formatted(Blocks.CHECK_COMMITMENTS);

        List<PlaybookProblem> problems = checkUpload(catches);

        assertThat(problems)
                .extracting(PlaybookProblem::elementId, PlaybookProblem::elementName)
                .containsExactly(
                        tuple("boundary_any", "Check failed"),
                        tuple("boundary_bad_input", null),
                        tuple("boundary_refused", "Refused"));
        assertThat(problems.get(0).message())
                .startsWith("the error boundary event 'Check failed' (boundary_any) on 'Check promises' (task_check)"
                        + " can never be taken: Baton's building blocks throw no BPMN errors")
                .contains("stops the run as an incident", "the block's output and a gateway");
        assertThat(problems.get(1).message())
                .startsWith("the error boundary event 'boundary_bad_input' on 'Check promises' (task_check) can"
                        + " never be taken");
        assertThat(problems.get(2).message())
                .startsWith("the error boundary event 'Refused' (boundary_refused) on 'Review' (task_review) can"
                        + " never be taken: Baton completes a user task")
                .contains("never throws a BPMN error", "a form field and a gateway", "a timer boundary event");
        assertThat(checkUpload(catches.replace(
                        "<bpmn:errorEventDefinition /></bpmn:boundaryEvent>\n  <bpmn:sequenceFlow id=\"f3\"",
                        "<bpmn:escalationEventDefinition /></bpmn:boundaryEvent>\n  <bpmn:sequenceFlow id=\"f3\"")))
                .as("an escalation boundary on a task, which the engine refuses too: said once, in Baton's words with"
                        + " what to draw instead (session 39's probe got only the engine's)")
                .filteredOn(p -> "boundary_refused".equals(p.elementId()))
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .startsWith("the escalation boundary event 'Refused' (boundary_refused) on 'Review'"
                                + " (task_review) can never be taken: Baton completes a user task when someone"
                                + " completes the step, and never throws a BPMN escalation from it")
                        .contains("a form field and a gateway", "a timer boundary event", "only on a subprocess"));
        assertThat(check(catches.replace(
                                "<bpmn:errorEventDefinition /></bpmn:boundaryEvent>\n  <bpmn:sequenceFlow id=\"f3\"",
                                "<bpmn:escalationEventDefinition /></bpmn:boundaryEvent>\n  <bpmn:sequenceFlow"
                                        + " id=\"f3\"")
                        .replace(Blocks.CHECK_COMMITMENTS, KNOWN_TYPE)))
                .as("Baton's own file keeps the engine's refusal")
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("subprocess, or a call activity"));
        assertThat(check(catches.replace(Blocks.CHECK_COMMITMENTS, KNOWN_TYPE)))
                .as("Baton's own file, some of whose workers throw BPMN errors")
                .isEmpty();
    }

    /** A called process's or an inner error end event can throw: those catches may fire and stay allowed. */
    @Test
    void anUploadsErrorCatchesThatACalledProcessOrAnInnerEventCanReachAreAccepted() {
        deployed.deployed(deployedProcess("elsewhere"));
        String reachable = """
                <bpmn:process id="p" isExecutable="true">
                  <bpmn:startEvent id="start" />
                  <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call_it" />
                  <bpmn:callActivity id="call_it" name="Call it">
                    <bpmn:extensionElements><zeebe:calledElement processId="elsewhere" /></bpmn:extensionElements>
                  </bpmn:callActivity>
                  <bpmn:boundaryEvent id="boundary_called" attachedToRef="call_it">
                    <bpmn:errorEventDefinition /></bpmn:boundaryEvent>
                  <bpmn:sequenceFlow id="f2" sourceRef="call_it" targetRef="sub_inner" />
                  <bpmn:subProcess id="sub_inner">
                    <bpmn:startEvent id="inner_start" />
                    <bpmn:sequenceFlow id="i1" sourceRef="inner_start" targetRef="inner_failed" />
                    <bpmn:endEvent id="inner_failed"><bpmn:errorEventDefinition errorRef="error_x" /></bpmn:endEvent>
                  </bpmn:subProcess>
                  <bpmn:boundaryEvent id="boundary_inner" attachedToRef="sub_inner">
                    <bpmn:errorEventDefinition /></bpmn:boundaryEvent>
                  <bpmn:sequenceFlow id="f3" sourceRef="sub_inner" targetRef="end" />
                  <bpmn:sequenceFlow id="f4" sourceRef="boundary_called" targetRef="end" />
                  <bpmn:sequenceFlow id="f5" sourceRef="boundary_inner" targetRef="end" />
                  <bpmn:endEvent id="end" />
                  <bpmn:subProcess id="sub_on_error" triggeredByEvent="true">
                    <bpmn:startEvent id="start_on_error"><bpmn:errorEventDefinition /></bpmn:startEvent>
                    <bpmn:sequenceFlow id="e1" sourceRef="start_on_error" targetRef="sub_end" />
                    <bpmn:endEvent id="sub_end" />
                  </bpmn:subProcess>
                </bpmn:process>
                <bpmn:error id="error_x" name="X" errorCode="X" />
                """;

        assertThat(checkUpload(reachable)).isEmpty();
    }

    /**
     * Found by a probe: an error boundary on an embedded subprocess of blocks and user tasks was
     * accepted, though nothing inside could throw. A nested subprocess counts only by what it holds.
     */
    @Test
    void anUploadsErrorOrEscalationBoundaryOnASubprocessNothingInsideCanThrowIsRefused() {
        String sub = """
                <bpmn:process id="p" isExecutable="true">
                  <bpmn:startEvent id="start" />
                  <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="sub_prepare" />
                  <bpmn:subProcess id="sub_prepare" name="Prepare">
                    <bpmn:startEvent id="inner_start" />
                    <bpmn:sequenceFlow id="i1" sourceRef="inner_start" targetRef="task_check" />
                    <bpmn:serviceTask id="task_check" name="Check promises">
                      <bpmn:extensionElements><zeebe:taskDefinition type="%s" /></bpmn:extensionElements>
                    </bpmn:serviceTask>
                    <bpmn:sequenceFlow id="i2" sourceRef="task_check" targetRef="sub_nested" />
                    <bpmn:subProcess id="sub_nested">
                      <bpmn:startEvent id="nested_start" />
                      <bpmn:sequenceFlow id="n1" sourceRef="nested_start" targetRef="task_review" />
                      <bpmn:userTask id="task_review" name="Review">
                        <bpmn:extensionElements><zeebe:assignmentDefinition assignee="rob" /></bpmn:extensionElements>
                      </bpmn:userTask>
                      <bpmn:sequenceFlow id="n2" sourceRef="task_review" targetRef="nested_end" />
                      NESTED_END
                    </bpmn:subProcess>
                    <bpmn:sequenceFlow id="i3" sourceRef="sub_nested" targetRef="inner_end" />
                    <bpmn:endEvent id="inner_end" />
                  </bpmn:subProcess>
                  <bpmn:boundaryEvent id="boundary_error" name="Preparation failed" attachedToRef="sub_prepare">
                    <bpmn:errorEventDefinition /></bpmn:boundaryEvent>
                  <bpmn:boundaryEvent id="boundary_escalation" attachedToRef="sub_prepare" cancelActivity="false">
                    <bpmn:escalationEventDefinition /></bpmn:boundaryEvent>
                  <bpmn:sequenceFlow id="f2" sourceRef="sub_prepare" targetRef="end" />
                  <bpmn:sequenceFlow id="f3" sourceRef="boundary_error" targetRef="end" />
                  <bpmn:sequenceFlow id="f4" sourceRef="boundary_escalation" targetRef="end" />
                  <bpmn:endEvent id="end" />
                </bpmn:process>
                <bpmn:error id="error_x" name="X" errorCode="X" />
                <bpmn:escalation id="escalation_x" name="X" escalationCode="X" />
                """.formatted(Blocks.CHECK_COMMITMENTS);
        String plainEnd = "<bpmn:endEvent id=\"nested_end\" />";

        List<PlaybookProblem> problems = checkUpload(sub.replace("NESTED_END", plainEnd));

        assertThat(problems)
                .extracting(PlaybookProblem::elementId, PlaybookProblem::elementName)
                .containsExactly(tuple("boundary_error", "Preparation failed"), tuple("boundary_escalation", null));
        assertThat(problems.get(0).message())
                .isEqualTo("the error boundary event 'Preparation failed' (boundary_error) on the subprocess"
                        + " 'Prepare' (sub_prepare) can never be taken: nothing inside it throws a BPMN error (no"
                        + " error end event, no call activity), and Baton's building blocks and user tasks throw"
                        + " none; a block that fails stops the run as an incident, shown on the run's page and to"
                        + " admins under Problems. To branch on a result, use the block's output and a gateway");
        assertThat(problems.get(1).message())
                .startsWith("the escalation boundary event 'boundary_escalation' on the subprocess 'Prepare'"
                        + " (sub_prepare) can never be taken: nothing inside it throws a BPMN escalation");
        assertThat(checkUpload(sub.replace(
                        "NESTED_END",
                        "<bpmn:endEvent id=\"nested_end\"><bpmn:errorEventDefinition errorRef=\"error_x\" />"
                                + "</bpmn:endEvent>")))
                .as("an error end event in the nested subprocess: the error boundary may fire")
                .extracting(PlaybookProblem::elementId)
                .containsExactly("boundary_escalation");
        assertThat(checkUpload(sub.replace(
                                "NESTED_END",
                                "<bpmn:intermediateThrowEvent id=\"nested_raise\"><bpmn:escalationEventDefinition"
                                        + " escalationRef=\"escalation_x\" /></bpmn:intermediateThrowEvent>"
                                        + "<bpmn:sequenceFlow id=\"n3\" sourceRef=\"nested_raise\""
                                        + " targetRef=\"nested_end\" />" + plainEnd)
                        .replace("targetRef=\"nested_end\" />\n", "targetRef=\"nested_raise\" />\n")))
                .as("an escalation thrown in the nested subprocess: the escalation boundary may fire")
                .extracting(PlaybookProblem::elementId)
                .containsExactly("boundary_error");
        deployed.deployed(deployedProcess("elsewhere"));
        assertThat(checkUpload(sub.replace(
                        "NESTED_END",
                        "<bpmn:callActivity id=\"nested_end\"><bpmn:extensionElements><zeebe:calledElement"
                                + " processId=\"elsewhere\" /></bpmn:extensionElements></bpmn:callActivity>")))
                .as("a call activity inside: its process may throw either")
                .isEmpty();
        assertThat(check(sub.replace(Blocks.CHECK_COMMITMENTS, KNOWN_TYPE).replace("NESTED_END", plainEnd)))
                .as("Baton's own file, some of whose workers throw BPMN errors")
                .isEmpty();
    }

    /** An error event subprocess whose scope holds only blocks and user tasks can never start. */
    @Test
    void anUploadsErrorEventSubprocessNothingCanThrowToIsRefusedNamingIt() {
        String unreachable = process("p", serviceTask("task_check", "Check", Blocks.CHECK_COMMITMENTS))
                .replace("</bpmn:process>", """
                        <bpmn:subProcess id="sub_on_error" name="On failure" triggeredByEvent="true">
                          <bpmn:startEvent id="start_on_error" name="Failed"><bpmn:errorEventDefinition /></bpmn:startEvent>
                          <bpmn:sequenceFlow id="e1" sourceRef="start_on_error" targetRef="sub_end" />
                          <bpmn:endEvent id="sub_end" />
                        </bpmn:subProcess></bpmn:process>""");

        assertThat(checkUpload(unreachable)).singleElement().satisfies(p -> {
            assertThat(p.elementId()).isEqualTo("start_on_error");
            assertThat(p.elementName()).isEqualTo("Failed");
            assertThat(p.message())
                    .startsWith("the error event subprocess 'On failure' (sub_on_error) can never start")
                    .contains("no error end event, no call activity", "building blocks and user tasks throw none");
        });
    }

    /**
     * Found by a probe: these were refused with the engine's validator text ("Must have exactly one
     * 'zeebe:taskDefinition' extension element"), which a revenue-ops author cannot act on.
     */
    @Test
    void theEnginesModelMessagesAreSaidPlainlyWithWhereToSetWhatIsMissing() {
        List<PlaybookProblem> problems = check(process(
                "p",
                "<bpmn:serviceTask id=\"task_crm\" name=\"Call CRM\" />",
                "<bpmn:sendTask id=\"send_offer\" name=\"Send offer\" />",
                "<bpmn:businessRuleTask id=\"rule_decide\" name=\"Decide\" />",
                "<bpmn:scriptTask id=\"script_compute\" name=\"Compute\" />",
                "<bpmn:receiveTask id=\"receive_reply\" name=\"Wait reply\" />"));

        assertThat(problems)
                .extracting(PlaybookProblem::elementId, PlaybookProblem::elementName)
                .containsExactlyInAnyOrder(
                        tuple("task_crm", "Call CRM"),
                        tuple("send_offer", "Send offer"),
                        tuple("rule_decide", "Decide"),
                        tuple("script_compute", "Compute"),
                        tuple("receive_reply", "Wait reply"));
        assertThat(problems).allSatisfy(p -> assertThat(p.message()).doesNotContain("Must ", "zeebe:"));
        assertThat(messageOf(problems, "task_crm"))
                .startsWith("no job type, so nothing would ever do this step")
                .contains("Task definition → Job type", "building blocks, listed on /playbooks/blocks");
        assertThat(messageOf(problems, "send_offer"))
                .contains("nothing would ever send this", "baton.send-email", "/playbooks/blocks");
        assertThat(messageOf(problems, "rule_decide")).contains("Baton runs no decisions", "gateways");
        assertThat(messageOf(problems, "script_compute"))
                .startsWith("has no script")
                .contains("FEEL expression", "Result variable");
        assertThat(messageOf(problems, "receive_reply"))
                .isEqualTo("names no message: choose one (Camunda Modeler: Message → Global message reference)");
    }

    /**
     * Found by a probe: a custom form key naming an uploaded form's id passed the missing-form check,
     * and the step came with no fields and completed with no values.
     */
    @Test
    void anUploadsCustomFormKeyIsRefusedSayingToLinkTheFormByItsId() {
        String form = "{\"id\": \"f-pick\", \"components\": [{\"type\": \"textfield\", \"key\": \"comment\","
                + " \"label\": \"Comment\", \"id\": \"c1\"}]}";
        PlaybookFiles upload =
                file(process("p", userTask("task_pick", "Pick", "formKey=\"f-pick\"")), Map.of("pick.form", form));

        assertThat(checks.checkUpload(upload)).singleElement().satisfies(p -> {
            assertThat(p.elementId()).isEqualTo("task_pick");
            assertThat(p.elementName()).isEqualTo("Pick");
            assertThat(p.message())
                    .contains("custom form key 'f-pick'", "no fields")
                    .endsWith("Link the form by its form ID: Camunda Modeler → Form → Camunda Form (linked),"
                            + " form ID 'f-pick'");
        });
        assertThat(checks.checkUpload(file(
                        process("p", userTask("task_pick", "Pick", "formId=\"f-pick\"")), Map.of("pick.form", form))))
                .as("the same form linked by its id")
                .isEmpty();
        assertThat(checks.checkUpload(file(process("p", userTask("task_pick", "Pick", "formKey=\"sample-review\"")))))
                .as("one of Baton's own forms, whose steps Baton's handlers may complete")
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("custom form key 'sample-review'"));
    }

    /**
     * Found by the session 39 probe: a Camunda user task whose form is an external reference (Modeler's
     * Form → External reference) was refused only in the engine's words ("Exactly one of the attributes
     * 'formId, formKey' must be present"), naming no element and nothing to change.
     */
    @Test
    void anUploadsExternalFormReferenceIsRefusedNamingTheTaskAndWhatToDrawInstead() {
        String task = userTask(
                "task_review", "Review detractor feedback", "externalReference=\"https://forms.example.com/nps\"");

        assertThat(checkUpload(process("p", task))).singleElement().satisfies(p -> {
            assertThat(p.elementId()).isEqualTo("task_review");
            assertThat(p.elementName()).isEqualTo("Review detractor feedback");
            assertThat(p.message())
                    .startsWith("the form is an external reference ('https://forms.example.com/nps')")
                    .contains("no fields", "Camunda Form (linked)");
        });
    }

    /**
     * Found by a probe: a step's priority (static or FEEL) was accepted and then ignored, as the engine
     * writes no priority on a job-worker user task's job (UserTaskPriorityProcessTests).
     */
    @Test
    void aUserTasksPriorityIsRefusedNamingTheTaskAsTheEngineWouldNotPassItOn() {
        Map<String, String> form = Map.of("pick.form", "{\"id\": \"f-pick\", \"components\": []}");
        String urgent = userTask("task_call", "Call back", "formId=\"f-pick\"")
                .replace(
                        "</bpmn:extensionElements>",
                        "<zeebe:priorityDefinition priority=\"80\" /></bpmn:extensionElements>");
        String sized = userTask("task_review", "Review the deal", "formId=\"f-pick\"")
                .replace(
                        "</bpmn:extensionElements>",
                        "<zeebe:priorityDefinition priority=\"=if dealSize &gt; 100 then 90 else 10\" />"
                                + "</bpmn:extensionElements>");

        assertThat(checks.checkUpload(file(process("p", urgent, sized), form)))
                .extracting(PlaybookProblem::elementId, PlaybookProblem::elementName, PlaybookProblem::message)
                .containsExactly(
                        tuple("task_call", "Call back", PlaybookChecks.PRIORITY_IGNORED),
                        tuple("task_review", "Review the deal", PlaybookChecks.PRIORITY_IGNORED));
        assertThat(PlaybookChecks.PRIORITY_IGNORED).startsWith("has a priority").contains("silently ignored");
        assertThat(checks.checkUpload(
                        file(process("p", userTask("task_call", "Call back", "formId=\"f-pick\"")), form)))
                .as("the same step without a priority")
                .isEmpty();
    }

    /** Found by a probe: a form no task linked was stored silently, and the author never learned the link was broken. */
    @Test
    void anUploadedFormNoUserTaskUsesIsRefusedNamingTheFile() {
        String pick = "{\"id\": \"f-pick\", \"components\": []}";
        String orphan = "{\"id\": \"f-orphan\", \"components\": []}";
        String file = process("p", userTask("task_pick", "Pick", "formId=\"f-pick\""));

        assertThat(checks.checkUpload(file(file, Map.of("pick.form", pick, "orphan.form", orphan))))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.elementId()).isNull();
                    assertThat(p.elementName()).isEqualTo("orphan.form");
                    assertThat(p.message())
                            .startsWith("no user task of this playbook uses the form 'f-orphan'")
                            .contains("form ID 'f-orphan'");
                });
        assertThat(checks.checkUpload(file(file, Map.of("pick.form", pick)))).isEmpty();
    }

    /** The engine links a form by the id inside it: one matching only the file name raised an incident at the step. */
    @Test
    void aFormIdMatchingOnlyAnUploadedFormsFileNameIsMissing() {
        String form = "{\"id\": \"f-pick\", \"components\": []}";

        List<PlaybookProblem> problems = checks.checkUpload(
                file(process("p", userTask("task_pick", "Pick", "formId=\"pick\"")), Map.of("pick.form", form)));

        assertThat(problems)
                .filteredOn(p -> "task_pick".equals(p.elementId()))
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .startsWith("the form with id 'pick' is missing")
                        .contains("pick.form has the id 'f-pick'"));
        assertThat(problems)
                .as("and the form the task was meant to link is used by no task")
                .filteredOn(p -> "pick.form".equals(p.elementName()))
                .singleElement()
                .satisfies(p ->
                        assertThat(p.message()).startsWith("no user task of this playbook uses the form 'f-pick'"));
    }

    /**
     * Found by a probe: a form nested 900 or 2,000 groups deep, or with a 3,000-deep junk property, was
     * refused as "not JSON" (Jackson's own nesting limit). It is JSON, too deep: said so, with the limit.
     * A form within the limit (240 groups, about 480 levels) is checked as any other.
     */
    @Test
    void aFormNestedBeyondTheLimitIsRefusedAsTooDeepNotAsNotJson() {
        String task = process("p", userTask("task_deep", "Deep", "formId=\"deep\""));

        assertThat(checks.checkUpload(file(task, Map.of("deep.form", groups(240, "")))))
                .isEmpty();
        String junk = ", \"junk\": " + "[".repeat(3000) + "]".repeat(3000);
        for (String form : List.of(groups(900, ""), groups(2000, ""), groups(1, junk))) {
            assertThat(checks.checkUpload(file(task, Map.of("deep.form", form))))
                    .filteredOn(p -> "deep.form".equals(p.elementName()))
                    .singleElement()
                    .satisfies(p -> {
                        assertThat(p.message())
                                .isEqualTo("not a Camunda form: it is nested more than " + FormJson.MAX_NESTING
                                        + " levels deep (each object and list is a level; a group takes two)");
                    });
        }
        String embedded = process("p", userTask("task_deep", "Deep", "formKey=\"camunda-forms:bpmn:deep\""))
                .replaceFirst(
                        "(<bpmn:process [^>]*>)",
                        "$1<bpmn:extensionElements><zeebe:userTaskForm id=\"deep\">"
                                + groups(900, "").replace("\"", "&quot;")
                                + "</zeebe:userTaskForm></bpmn:extensionElements>");
        assertThat(checks.checkUpload(file(embedded)))
                .extracting(PlaybookProblem::elementName, PlaybookProblem::message)
                .contains(tuple(
                        "embedded form",
                        "the form embedded in the BPMN: it is nested more than " + FormJson.MAX_NESTING
                                + " levels deep (each object and list is a level; a group takes two)"));
    }

    /** A form with the id "deep" whose text field sits in groups nested that deep, {@code more} after its id. */
    private static String groups(int depth, String more) {
        String inner = "{\"type\": \"textfield\", \"key\": \"why\", \"label\": \"Why\"}";
        for (int n = 0; n < depth; n++) {
            inner = "{\"type\": \"group\", \"label\": \"G\", \"components\": [" + inner + "]}";
        }
        return "{\"id\": \"deep\"" + more + ", \"components\": [" + inner + "]}";
    }

    /** Baton's own files name their forms by key, as its task page reads them: from bpmn/forms only. */
    @Test
    void batonsOwnFileNamesAFormByKeyOnlyInBpmnForms() {
        String form = "{\"id\": \"f-pick\", \"components\": []}";

        assertThat(check(process("p", userTask("task_review", "Review", "formKey=\"sample-review\""))))
                .isEmpty();
        assertThat(checks.check(file(
                        process("p", userTask("task_pick", "Pick", "formKey=\"f-pick\"")), Map.of("pick.form", form))))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.elementId()).isEqualTo("task_pick");
                    assertThat(p.message()).contains("the form 'f-pick' is missing", "bpmn/forms");
                });
    }

    /** Found by a probe: GODMODE and MANGER were accepted, and nobody could launch for that role. */
    @Test
    void aLaunchRoleBatonDoesNotHaveIsRefusedListingTheRoles() {
        String roles = "<bpmn:extensionElements><zeebe:properties><zeebe:property name=\"baton:launchRoles\""
                + " value=\"%s\" /></zeebe:properties></bpmn:extensionElements>";
        String godmode = withLaunchRoles(roles.formatted("GODMODE"));
        String typo = withLaunchRoles(roles.formatted("rep, MANGER,"));
        String fine = withLaunchRoles(roles.formatted(" rep , Manager,cs"));
        String none = withLaunchRoles(roles.formatted("none"));

        assertThat(checkUpload(godmode)).singleElement().satisfies(p -> {
            assertThat(p.elementId()).isEqualTo("p");
            assertThat(p.message())
                    .contains("the role 'GODMODE', which Baton does not have")
                    .endsWith("Baton's roles: ADMIN, CS, MANAGER, REP, REVOPS");
        });
        assertThat(check(typo))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("'MANGER'"));
        assertThat(checkUpload(fine)).isEmpty();
        assertThat(checkUpload(none))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("'none'", "nobody could launch this playbook"));
        assertThat(check(none)).as("Baton's own file, started by Baton").isEmpty();
    }

    /**
     * Found by a probe: a model could set launchedBy itself (a mapping, a script's result, a
     * multi-instance element), and a block then acted with the rights of whoever it named.
     */
    @Test
    void aModelThatWritesAVariableOnlyBatonSetsIsRefusedNamingTheElementAndTheVariable() {
        String file = process(
                "p",
                "<bpmn:serviceTask id=\"task_input\" name=\"As rita\"><bpmn:extensionElements>"
                        + MAIL_BLOCK + "<zeebe:ioMapping>"
                        + "<zeebe:input source=\"=&quot;rita&quot;\" target=\"launchedBy\" />"
                        + "<zeebe:output source=\"=launchedBy\" target=\"launcherShown\" />"
                        + "<zeebe:output source=\"=&quot;ada&quot;\" target=\"accountOwner\" />"
                        + "<zeebe:output source=\"=&quot;ada&quot;\" target=\"ownerManager.name\" />"
                        + "</zeebe:ioMapping></bpmn:extensionElements></bpmn:serviceTask>",
                "<bpmn:scriptTask id=\"task_script\" name=\"Script\"><bpmn:extensionElements>"
                        + "<zeebe:script expression=\"=&quot;rita&quot;\" resultVariable=\" launchedBy\" />"
                        + "</bpmn:extensionElements></bpmn:scriptTask>",
                "<bpmn:serviceTask id=\"task_each\" name=\"Each\"><bpmn:extensionElements>"
                        + MAIL_BLOCK + "</bpmn:extensionElements>"
                        + "<bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements>"
                        + "<zeebe:loopCharacteristics inputCollection=\"=[&quot;rita&quot;]\" inputElement=\"launchedBy\" />"
                        + "</bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics></bpmn:serviceTask>");

        for (List<PlaybookProblem> problems : List.of(check(file), checkUpload(file))) {
            assertThat(problems)
                    .extracting(PlaybookProblem::elementId, PlaybookProblem::elementName)
                    .containsExactlyInAnyOrder(
                            tuple("task_input", "As rita"),
                            tuple("task_input", "As rita"),
                            tuple("task_input", "As rita"),
                            tuple("task_script", "Script"),
                            tuple("task_each", "Each"));
            assertThat(problems)
                    .extracting(PlaybookProblem::message)
                    .containsExactlyInAnyOrder(
                            "an input mapping (Inputs) writes launchedBy: launchedBy is set by Baton when the"
                                    + " playbook is launched; a playbook cannot set it. Use another variable name",
                            "an output mapping (Outputs) writes accountOwner: accountOwner is set by Baton when the"
                                    + " playbook is launched (from the account; baton.reassign-owner updates it);"
                                    + " a playbook cannot set it. Use another variable name",
                            "an output mapping (Outputs) writes ownerManager: ownerManager is set by Baton when the"
                                    + " playbook is launched (from the account; baton.reassign-owner updates it);"
                                    + " a playbook cannot set it. Use another variable name",
                            "the script's result variable is launchedBy: launchedBy is set by Baton when the"
                                    + " playbook is launched; a playbook cannot set it. Use another variable name",
                            "the multi-instance input element is launchedBy: launchedBy is set by Baton when the"
                                    + " playbook is launched; a playbook cannot set it. Use another variable name");
        }
    }

    /** A building block step, with its required inputs as headers. */
    static final String MAIL_BLOCK = "<zeebe:taskDefinition type=\"" + Blocks.SEND_EMAIL + "\" /><zeebe:taskHeaders>"
            + "<zeebe:header key=\"template\" value=\"account-note\" />"
            + "<zeebe:header key=\"to\" value=\"account-owner\" /></zeebe:taskHeaders>";

    /** Found by a probe: a form field keyed launchedBy let whoever completed the step choose who launched it. */
    @Test
    void aLinkedOrEmbeddedFormWithAFieldOnlyBatonSetsIsRefusedNamingTheFormAndTheVariable() {
        String embedded = "{\"id\":\"embedded-pick\",\"components\":[{\"type\":\"group\",\"id\":\"Group_1\","
                + "\"components\":[{\"type\":\"textfield\",\"id\":\"F2\",\"key\":\"ownerManager\"}]}]}";
        String bpmn = process(
                        "p",
                        userTask("task_linked", "formId=\"pick\""),
                        userTask("task_embedded", "formKey=" + "\"camunda-forms:bpmn:userTaskForm_pick\""))
                .replaceFirst(
                        "(<bpmn:process [^>]*>)",
                        "$1<bpmn:extensionElements><zeebe:userTaskForm id=\"userTaskForm_pick\">" + embedded
                                + "</zeebe:userTaskForm></bpmn:extensionElements>");
        String linked = "{\"id\":\"pick\",\"components\":[{\"type\":\"textfield\",\"id\":\"F1\","
                + "\"key\":\"launchedBy\"},{\"type\":\"textfield\",\"id\":\"F3\",\"key\":\"note\"}]}";
        PlaybookFiles files = new PlaybookFiles(
                "test.bpmn", file(bpmn).bpmn(), Map.of("pick.form", linked.getBytes(StandardCharsets.UTF_8)));

        assertThat(checks.checkUpload(files))
                .extracting(PlaybookProblem::elementId, PlaybookProblem::elementName, PlaybookProblem::message)
                .containsExactlyInAnyOrder(
                        tuple(
                                null,
                                "pick.form",
                                "form 'pick': textfield 'launchedBy': launchedBy is set by Baton when the playbook"
                                        + " is launched; a playbook cannot set it. Give the field another key"),
                        tuple(
                                "userTaskForm_pick",
                                "embedded form",
                                "the form embedded in the BPMN: textfield 'ownerManager': ownerManager is set by"
                                        + " Baton when the playbook is launched (from the account;"
                                        + " baton.reassign-owner updates it); a playbook cannot set it. Give the"
                                        + " field another key"));
    }

    private static String userTask(String id, String form) {
        return "<bpmn:userTask id=\"" + id + "\" name=\"" + id + "\"><bpmn:extensionElements>"
                + "<zeebe:formDefinition " + form + " /><zeebe:assignmentDefinition assignee=\"rob\" />"
                + "</bpmn:extensionElements></bpmn:userTask>";
    }

    private static String withLaunchRoles(String extensionElements) {
        return process("p").replaceFirst("(<bpmn:process [^>]*>)", "$1" + extensionElements);
    }

    private static String messageOf(List<PlaybookProblem> problems, String elementId) {
        return problems.stream()
                .filter(p -> elementId.equals(p.elementId()))
                .findFirst()
                .orElseThrow()
                .message();
    }

    /**
     * Found by the session 35 probe: a call of one of Baton's own processes ran it past the guards
     * Baton starts it behind (duplicate handoffs, a second handover note for a running handover, mails
     * to the wrong rep). Baton's own files still call each other, and an upload may call a process of
     * Baton's that people launch from the catalogue (sample-review).
     */
    @Test
    void anUploadCallingOneOfBatonsOwnProcessesIsRefusedNamingTheCallAndTheProcess() {
        Set<String> own = Set.of("sales-to-cs-handoff", "account-handover", "lead-follow-up", "rep-handover");
        deployed.own(own);
        deployed.arriving(own); // deployed, as far as a call is concerned

        Map<String, List<String>> said = Map.of(
                "callhandoff.bpmn", List.of("Hand over to CS", "'sales-to-cs-handoff'"),
                "callacct.bpmn", List.of("Hand over one account", "'account-handover'"),
                "callown.bpmn", List.of("Run the lead follow-up", "'lead-follow-up'"));
        said.forEach((file, expected) -> assertThat(checkProbe(file))
                .as(file)
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.elementId()).isEqualTo("c");
                    assertThat(p.elementName()).isEqualTo(expected.get(0));
                    assertThat(p.message())
                            .contains("calls the process " + expected.get(1), "one of Baton's own processes")
                            .contains("A playbook cannot call it");
                }));
        assertThat(checkUpload(process("p", call("call_constant", "Constant", "=&quot;account-handover&quot;"))))
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .contains("'account-handover' (what the expression", "one of Baton's own processes"));
        assertThat(checkUpload(process("p", call("call_variable", "Variable", "=handoverProcess"))))
                .as("a call only the run can resolve is refused anyway, so it cannot reach one either")
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("depends on the instance's variables"));
        assertThat(check(process("rep-handover", call("call_account", "Account", "account-handover"))))
                .as("Baton's own file")
                .isEmpty();

        deployed.own(Set.of("account-handover", "sample-review"));
        deployed.deployed(DeployedProcesses.version("sample-review", 7L).build());
        assertThat(checkUpload(process("p", call("call_review", "Review", "sample-review"))))
                .as("one of Baton's processes that managers launch from the catalogue")
                .isEmpty();
    }

    /** Found by the session 35 probe: Modeler's plain "Task" and "Manual task" were accepted, and the engine skips them. */
    @Test
    void anUploadsPlainOrManualTaskIsRefusedAsTheEngineSkipsIt() {
        List<PlaybookProblem> problems = checkProbe("plaintask.bpmn");

        assertThat(problems).extracting(PlaybookProblem::elementId).containsExactly("t", "m");
        assertThat(problems.get(0).message())
                .startsWith("'Call the customer' is a plain task, which does nothing in Camunda 8:")
                .contains("Make it a user task (someone does it) or a building block (Baton does it");
        assertThat(problems.get(1).message())
                .startsWith("'Send the contract by post' is a manual task, which does nothing in Camunda 8:");
        assertThat(check(process("p", "<bpmn:task id=\"t\" name=\"Nothing\" />")))
                .as("Baton's own file")
                .isEmpty();
    }

    /**
     * Found by the session 35 probe: an exclusive gateway whose outgoing flows have no condition and
     * none is the default failed every run with an incident (the engine takes a flow without a condition
     * only when it is the gateway's one way out or its default).
     */
    @Test
    void anUploadsExclusiveGatewayWithAFlowThatHasNoConditionIsRefusedNamingTheGatewayAndTheFlows() {
        assertThat(checkProbe("xornocond.bpmn")).singleElement().satisfies(p -> {
            assertThat(p.elementId()).isEqualTo("g");
            assertThat(p.elementName()).isEqualTo("Approved?");
            assertThat(p.message())
                    .contains("'yes' (fa)", "'no' (fb)", "no condition")
                    .contains("never takes")
                    .contains("every run would stop here with an incident");
        });
        String withDefault = probe("xornocond.bpmn").replace("name=\"Approved?\"", "name=\"Approved?\" default=\"fb\"");
        assertThat(checkProbeText("xornocond.bpmn", withDefault))
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .contains("'yes' (fa)", "never takes")
                        .doesNotContain("(fb)"));
        String conditioned = withDefault.replace(
                "<bpmn:sequenceFlow id=\"fa\" name=\"yes\" sourceRef=\"g\" targetRef=\"ta\"/>",
                "<bpmn:sequenceFlow id=\"fa\" name=\"yes\" sourceRef=\"g\" targetRef=\"ta\"><bpmn:conditionExpression"
                        + " xsi:type=\"bpmn:tFormalExpression\">=approved = true</bpmn:conditionExpression>"
                        + "</bpmn:sequenceFlow>");
        assertThat(checkProbeText("xornocond.bpmn", conditioned)).isEmpty();
    }

    /**
     * Session 42's probe (F9): an inclusive gateway's flow with no condition that is not its default was
     * refused in the engine's words only ("Must have a condition", at the flow's id, naming no gateway).
     */
    @Test
    void anUploadsInclusiveGatewayWithAFlowThatHasNoConditionIsRefusedInPlainWordsAtTheGateway() {
        assertThat(checkProbeText("p42-incl2.bpmn", probe42("p42-incl2.bpmn")))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.elementId()).isEqualTo("Gateway_0incl01");
                    assertThat(p.message())
                            .startsWith(
                                    "an inclusive gateway whose outgoing flow 'Flow_0b' has no condition and is not its"
                                            + " default flow: the engine never takes it")
                            .contains("Condition expression, in Camunda Modeler", "Set as default flow");
                });
        String withDefault = probe42("p42-incl2.bpmn")
                .replace(
                        "<bpmn:inclusiveGateway id=\"Gateway_0incl01\">",
                        "<bpmn:inclusiveGateway id=\"Gateway_0incl01\" default=\"Flow_0b\">");
        assertThat(checkProbeText("p42-incl2.bpmn", withDefault)).isEmpty();
    }

    /**
     * Session 42's probe (F1, F2): a parallel join one of whose incoming paths starts at an interrupting
     * boundary event of a step on another waited for ever; an exclusive gateway where parallel paths met
     * made the next step twice. Each is refused at its gateway, and nothing else is said about the files.
     */
    @Test
    void theSession42ProbesJoinThatCannotCompleteAndExclusiveMergeOfParallelPathsAreRefused() {
        assertThat(checkProbeText("p42-timers.bpmn", probe42("p42-timers.bpmn")))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.elementId()).isEqualTo("Gateway_0join01");
                    assertThat(p.message())
                            .contains("'Flow_08' from 'Send the proposal' (Activity_0prop01)")
                            .contains("'Flow_09' from 'Chase the proposal' (Activity_0chase1)")
                            .contains("interrupting boundary event '2 minutes' (Event_0int0001)", "wait for ever");
                });
        assertThat(checkProbeText("p42-xmerge.bpmn", probe42("p42-xmerge.bpmn")))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.elementId()).isEqualTo("Gateway_0merge1");
                    assertThat(p.message())
                            .contains(
                                    "parallel gateway 'Gateway_0split1'",
                                    "happen twice",
                                    "draw a parallel gateway here");
                });
        assertThat(checkProbeText(
                        "p42-xmerge.bpmn",
                        probe42("p42-xmerge.bpmn")
                                .replace(
                                        "<bpmn:exclusiveGateway id=\"Gateway_0merge1\">",
                                        "<bpmn:parallelGateway id=\"Gateway_0merge1\">")
                                .replace("</bpmn:exclusiveGateway>", "</bpmn:parallelGateway>")))
                .as("joined by a parallel gateway")
                .isEmpty();
    }

    /**
     * Session 42's probe (F10): a file nested 150 subprocesses deep was refused as "not well-formed XML",
     * in the parser's words (JAXP00010006 ... jdk.xml.maxElementDepth), though it is well-formed. The limit
     * stays; the refusal says how deep the file goes and what to draw instead.
     */
    @Test
    void aFileNestedDeeperThanBatonReadsIsRefusedSayingHowDeepInPlainWords() {
        StringBuilder nested = new StringBuilder();
        for (int level = 150; level > 0; level--) {
            nested.append("<bpmn:subProcess id=\"sub").append(level).append("\">");
        }
        nested.append("<bpmn:startEvent id=\"deepest\" />");
        nested.append("</bpmn:subProcess>".repeat(150));

        assertThat(checkUpload(process("p", nested.toString()))).singleElement().satisfies(p -> {
            assertThat(p.elementName()).isEqualTo("test.bpmn");
            assertThat(p.message())
                    .startsWith("the file is nested too deeply: Baton reads at most 100 levels of XML elements (about"
                            + " 97 subprocesses inside each other), and this file goes deeper (153 levels, 150"
                            + " subprocesses inside each other)")
                    .contains("call it from this one with a call activity")
                    .doesNotContain("JAXP", "well-formed");
        });
    }

    /**
     * Found by the session 35 probe: engine model errors reached the author in the engine's words, the
     * multi-instance one at the loop's own id (no name, nothing Modeler shows). (A timer date the engine
     * cannot read is refused at deployment: PlaybookUploadIntegrationTests.)
     */
    @Test
    void theEnginesModelErrorsForAMultiInstanceAndACallAreSaidPlainlyAtTheirStep() {
        assertThat(checkProbe("mi-default.bpmn")).singleElement().satisfies(p -> {
            assertThat(p.elementId()).isEqualTo("t");
            assertThat(p.elementName()).isEqualTo("Review each");
            assertThat(p.message()).startsWith("a multi-instance step that says nothing to repeat over");
        });
        assertThat(checkProbe("call-empty.bpmn"))
                .anySatisfy(p -> assertThat(p.message()).startsWith("a call activity that names no playbook"));
    }

    /**
     * The session 35 probe's error end event nothing in its file catches stops a run launched on its own
     * with an incident, but stays allowed: the engine passes the error up to a call activity that called
     * the process, whose error boundary may take it, and no upload can know its future callers.
     */
    @Test
    void anUploadsErrorEndEventNothingInItsFileCatchesIsAllowedForItsCallers() {
        assertThat(checkProbe("errend.bpmn")).isEmpty();
    }

    /**
     * Found by the session 35 probe: an ad-hoc subprocess as Modeler draws it (no active elements)
     * activates nothing, and nothing in Baton activates its elements, so the run waited forever
     * without an incident.
     */
    @Test
    void anUploadsAdHocSubprocessWithNoActiveElementsIsRefusedAsItWouldWaitForever() {
        assertThat(checkProbe("adhoc.bpmn")).singleElement().satisfies(p -> {
            assertThat(p.elementId()).isEqualTo("ah");
            assertThat(p.message())
                    .contains("an ad-hoc subprocess with no active elements", "wait forever", "Active elements");
        });
        String active = probe("adhoc.bpmn")
                .replace(
                        "name=\"Pick steps\">",
                        "name=\"Pick steps\"><bpmn:extensionElements><zeebe:adHoc"
                                + " activeElementsCollection=\"=[&quot;ah_a&quot;]\" /></bpmn:extensionElements>");
        assertThat(checkProbeText("adhoc.bpmn", active)).isEmpty();
    }

    /**
     * Found by the session 35 probe: a signal catch for a signal no playbook throws waited forever
     * without an incident, as a message catch did. A signal thrown in the file or by a deployed
     * playbook may be caught.
     */
    @Test
    void anUploadsSignalCatchNothingThrowsIsRefusedAndOneSomethingThrowsAccepted() {
        assertThat(checkProbe("sig.bpmn")).singleElement().satisfies(p -> {
            assertThat(p.elementId()).isEqualTo("w");
            assertThat(p.elementName()).isEqualTo("Wait for go");
            assertThat(p.message())
                    .contains("a signal catch event, waiting for the signal 'never-sent'")
                    .contains("no element of this file or of a deployed playbook throws", "wait forever");
        });
        String thrownHere = probe("sig.bpmn")
                .replace(
                        "<bpmn:endEvent id=\"e\"/>",
                        "<bpmn:endEvent id=\"e\"><bpmn:signalEventDefinition id=\"sd_end\" signalRef=\"Signal_1\"/>"
                                + "</bpmn:endEvent>");
        deployed.signalsThrown(Set.of("never-sent"));
        assertThat(checkProbe("sig.bpmn")).as("thrown by a deployed playbook").isEmpty();
        assertThat(checkProbeText("sig.bpmn", thrownHere))
                .as("thrown by the file itself, deployed before too: see the test below")
                .singleElement()
                .satisfies(p -> assertThat(p.elementId()).isEqualTo("w"));
    }

    /**
     * Found by the session 39 probe: a playbook that throws the signal it waits for ("Publish landing
     * page", then a throw; on a parallel path "Wait until live", then "Announce to customers") was
     * accepted, and one run's throw ended the wait in every other run, on other accounts, as the engine
     * broadcasts a signal: customer success was asked to announce a page never published. A wait for a
     * signal the file throws itself is refused, naming the throw.
     */
    @Test
    void anUploadThatWaitsForASignalItThrowsItselfIsRefusedAsEveryRunWouldGetIt() {
        String thrownHere = probe("sig.bpmn")
                .replace(
                        "<bpmn:endEvent id=\"e\"/>",
                        "<bpmn:endEvent id=\"e\" name=\"Page live\"><bpmn:signalEventDefinition id=\"sd_end\""
                                + " signalRef=\"Signal_1\"/></bpmn:endEvent>");

        assertThat(checkProbeText("sig.bpmn", thrownHere)).singleElement().satisfies(p -> {
            assertThat(p.elementId()).isEqualTo("w");
            assertThat(p.elementName()).isEqualTo("Wait for go");
            assertThat(p.message())
                    .startsWith("a signal catch event, waiting for the signal 'never-sent', which this playbook"
                            + " throws itself at 'Page live' (e)")
                    .contains("every run waiting for it", "parallel gateway", "a playbook of its own");
        });
        String boundary = thrownHere.replace(
                "<bpmn:intermediateCatchEvent id=\"w\" name=\"Wait for go\"><bpmn:signalEventDefinition id=\"sd\""
                        + " signalRef=\"Signal_1\"/></bpmn:intermediateCatchEvent>",
                "<bpmn:userTask id=\"w\" name=\"Draft\"/><bpmn:boundaryEvent id=\"b\" name=\"Went live\""
                        + " attachedToRef=\"w\"><bpmn:signalEventDefinition id=\"sd\" signalRef=\"Signal_1\"/>"
                        + "</bpmn:boundaryEvent>");
        assertThat(checkProbeText("sig.bpmn", boundary))
                .as("a boundary event too")
                .anySatisfy(p -> assertThat(p.message())
                        .startsWith("a signal boundary event, waiting for the signal 'never-sent', which this"
                                + " playbook throws itself"));
    }

    /**
     * Found by the session 39 probe: a signal start event beside the plain one was accepted, and another
     * playbook's throw started a run nobody launched, with no account: its step assigned to
     * =accountOwner stopped on an incident that no page showed. Such a start is refused in a playbook
     * that needs what a launch gives; one that needs nothing of it (a team's review) may keep it.
     */
    @Test
    void aSignalOrTimerStartBesideThePlainOneIsRefusedWhenThePlaybookNeedsWhatALaunchGives() {
        String ownerStep = "<bpmn:userTask id=\"task_owner\" name=\"Refresh press kit\"><bpmn:extensionElements>"
                + "<zeebe:assignmentDefinition assignee=\"=accountOwner\" /></bpmn:extensionElements></bpmn:userTask>";
        String signalStart = "<bpmn:startEvent id=\"start_live\" name=\"Campaign went live\">"
                + "<bpmn:signalEventDefinition id=\"sd\" signalRef=\"Signal_live\" /></bpmn:startEvent>"
                + sequenceFlow("start_live", "task_owner") + "</bpmn:process>";
        String withSignal = process("press-kit", ownerStep).replace("</bpmn:process>", signalStart)
                + "<bpmn:signal id=\"Signal_live\" name=\"campaign-live\" />";
        deployed.signalsThrown(Set.of("campaign-live"));

        assertThat(checkUpload(withSignal)).singleElement().satisfies(p -> {
            assertThat(p.elementId()).isEqualTo("start_live");
            assertThat(p.elementName()).isEqualTo("Campaign went live");
            assertThat(p.message())
                    .startsWith("a signal start event beside the plain one: the engine would start the playbook by"
                            + " itself whenever any run of any playbook throws its signal")
                    .contains("step 'Refresh press kit' (task_owner) reads accountOwner", "remove this start event");
        });

        String timerStart = "<bpmn:startEvent id=\"start_weekly\" name=\"Weekly\"><bpmn:timerEventDefinition>"
                + "<bpmn:timeCycle>R/PT168H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>"
                + sequenceFlow("start_weekly", "task_owner") + "</bpmn:process>";
        assertThat(checkUpload(process("press-kit", ownerStep).replace("</bpmn:process>", timerStart)))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("a timer start event beside the plain one"));

        String teamStep = "<bpmn:userTask id=\"task_owner\" name=\"Review pipeline\"><bpmn:extensionElements>"
                + "<zeebe:assignmentDefinition candidateGroups=\"sales\" /></bpmn:extensionElements></bpmn:userTask>";
        assertThat(checkUpload(process("press-kit", teamStep).replace("</bpmn:process>", signalStart)
                        + "<bpmn:signal id=\"Signal_live\" name=\"campaign-live\" />"))
                .as("a playbook that needs nothing a launch gives")
                .isEmpty();
        assertThat(checkUpload(process("press-kit", teamStep).replace("</bpmn:process>", signalStart)
                        + "<bpmn:signal id=\"Signal_live\" name=\"never-thrown\" />"))
                .as("one that needs nothing, started by a signal nothing throws")
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .startsWith("a signal start event, started by the signal 'never-thrown', which no element"));
    }

    /**
     * Found by the session 35 probe: a start form was accepted, but a launch from the catalogue shows no
     * form and checks none of its fields, so its required fields and rules were never applied.
     */
    @Test
    void anUploadsStartFormIsRefusedAsALaunchNeitherShowsNorChecksIt() {
        assertThat(checkProbe("startform.bpmn", Map.of("probe-start-form.form", "probe-start-form.form")))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.elementId()).isEqualTo("s");
                    assertThat(p.elementName()).isEqualTo("Request");
                    assertThat(p.message())
                            .contains("start form", "'probe-start-form'", "put its fields on the first user task");
                });
    }

    /**
     * Found by the session 35 probe: the engine links a form id to its newest version, so a second
     * playbook bringing a form of the same id replaced the first one's, whose step then asked for the
     * other form's fields. The playbook that deployed it may bring it again, changed, in a new version;
     * another may bring the very same form, which then neither may change.
     */
    @Test
    void anUploadBringingAFormIdAnotherPlaybookDeployedIsRefusedNamingBoth() {
        deployed.formDeployed("probe-shared-form", Set.of("probe-f1"), probe("probe-shared-form-f1.form"));

        assertThat(checkProbe("f2.bpmn", Map.of("probe-shared-form.form", "probe-shared-form-f2.form")))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.elementId()).isNull();
                    assertThat(p.elementName()).isEqualTo("probe-shared-form.form");
                    assertThat(p.message())
                            .contains("'probe-shared-form'", "already deployed by the playbook 'probe-f1', with other")
                            .contains("would replace", "Give the form another id");
                });
        assertThat(checkProbe("f1.bpmn", Map.of("probe-shared-form.form", "probe-shared-form-f2.form")))
                .as("a new version of the playbook that deployed it, changing it")
                .isEmpty();
        assertThat(checkProbe("f2.bpmn", Map.of("probe-shared-form.form", "probe-shared-form-f1.form")))
                .as("the very same form: the other playbook's steps ask for the same fields")
                .isEmpty();

        deployed.formDeployed("probe-shared-form", Set.of("probe-f2"), probe("probe-shared-form-f1.form"));
        assertThat(checkProbe("f1.bpmn", Map.of("probe-shared-form.form", "probe-shared-form-f2.form")))
                .as("a form another playbook shares may not change")
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("already deployed by the playbook 'probe-f2'"));
    }

    /**
     * One of the session 35 probe's files (src/test/resources/playbooks/probe) checked as an upload,
     * with the forms given as upload name to fixture name.
     */
    private List<PlaybookProblem> checkProbe(String bpmn, Map<String, String> forms) {
        return checks.checkUpload(probeFiles(bpmn, probe(bpmn), forms));
    }

    private List<PlaybookProblem> checkProbe(String bpmn) {
        return checkProbe(bpmn, Map.of());
    }

    /** The probe's file, as changed by the test, checked as an upload. */
    private List<PlaybookProblem> checkProbeText(String bpmn, String text) {
        return checks.checkUpload(probeFiles(bpmn, text, Map.of()));
    }

    private static PlaybookFiles probeFiles(String bpmn, String text, Map<String, String> forms) {
        Map<String, byte[]> formBytes = new java.util.HashMap<>();
        forms.forEach((name, fixture) -> formBytes.put(name, probe(fixture).getBytes(StandardCharsets.UTF_8)));
        return new PlaybookFiles(bpmn, text.getBytes(StandardCharsets.UTF_8), formBytes);
    }

    /**
     * One of session 42's probe's Modeler files as the upload reads it: a Camunda user task ({@code
     * <zeebe:userTask />}) is rewritten to a job-worker one before the checks (PlaybookEncoding), as here.
     */
    private static String probe42(String name) {
        return probe(name).replace("<zeebe:userTask />", "");
    }

    private static String probe(String name) {
        try {
            return new org.springframework.core.io.ClassPathResource("playbooks/probe/" + name)
                    .getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<PlaybookProblem> check(String processes) {
        return checks.check(file(processes));
    }

    private List<PlaybookProblem> checkUpload(String processes) {
        return checks.checkUpload(file(processes));
    }

    private static PlaybookFiles file(String processes) {
        return file(processes, Map.of());
    }

    private static PlaybookFiles file(String processes, Map<String, String> forms) {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                    xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs"
                    targetNamespace="http://bpmn.io/schema/bpmn">
                %s
                <bpmndi:BPMNDiagram id="diagram"><bpmndi:BPMNPlane id="plane" /></bpmndi:BPMNDiagram>
                </bpmn:definitions>
                """.formatted(processes);
        Map<String, byte[]> formBytes = new java.util.HashMap<>();
        forms.forEach((name, json) -> formBytes.put(name, json.getBytes(StandardCharsets.UTF_8)));
        return new PlaybookFiles("test.bpmn", xml.getBytes(StandardCharsets.UTF_8), formBytes);
    }

    /** An executable process whose start event leads through the steps, in order, to its end. */
    private static String process(String id, String... steps) {
        StringBuilder flow = new StringBuilder("<bpmn:process id=\"" + id + "\" isExecutable=\"true\">");
        flow.append("<bpmn:startEvent id=\"").append(id).append("_start\" />");
        String previous = id + "_start";
        for (String step : steps) {
            String stepId = step.replaceFirst("(?s)^<[^ ]+ id=\"([^\"]+)\".*", "$1");
            flow.append(step);
            flow.append(sequenceFlow(previous, stepId));
            previous = stepId;
        }
        flow.append("<bpmn:endEvent id=\"").append(id).append("_end\" />");
        flow.append(sequenceFlow(previous, id + "_end"));
        return flow.append("</bpmn:process>").toString();
    }

    private static String sequenceFlow(String from, String to) {
        return "<bpmn:sequenceFlow id=\"flow_" + from + "_" + to + "\" sourceRef=\"" + from + "\" targetRef=\"" + to
                + "\" />";
    }

    private static String serviceTask(String id, String name, String type) {
        return "<bpmn:serviceTask id=\"" + id + "\" name=\"" + name + "\"><bpmn:extensionElements>"
                + "<zeebe:taskDefinition type=\"" + type + "\" /></bpmn:extensionElements></bpmn:serviceTask>";
    }

    /** A user task for rob with the given attribute of its zeebe:formDefinition. */
    private static String userTask(String id, String name, String formAttribute) {
        return "<bpmn:userTask id=\"" + id + "\" name=\"" + name + "\"><bpmn:extensionElements>"
                + "<zeebe:formDefinition " + formAttribute + " /><zeebe:assignmentDefinition assignee=\"rob\" />"
                + "</bpmn:extensionElements></bpmn:userTask>";
    }

    private static String call(String id, String name, String processId) {
        return "<bpmn:callActivity id=\"" + id + "\" name=\"" + name + "\"><bpmn:extensionElements>"
                + "<zeebe:calledElement processId=\"" + processId
                + "\" /></bpmn:extensionElements></bpmn:callActivity>";
    }

    private static DeployedPlaybooks.DeployedProcess deployedProcess(String processId) {
        return DeployedProcesses.version(processId, 42L).launchRoles(Set.of()).build();
    }
}
