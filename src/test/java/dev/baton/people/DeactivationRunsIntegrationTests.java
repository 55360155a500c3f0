package dev.baton.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.baton.blocks.BlockProcessTest;
import dev.baton.blocks.Blocks;
import dev.baton.playbook.engine.SampleReviewBpmn;
import dev.baton.support.SignedIn;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * A run's building blocks act with its launcher's rights, and someone who has left has none: their
 * runs stop at the next block (DepartedLauncherIntegrationTests). Whoever deactivates the launcher is
 * told which runs, before and in the deactivation's answer: only the launcher's runs that still run
 * and may come to a block.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
@SuppressWarnings({"rawtypes", "unchecked"})
class DeactivationRunsIntegrationTests extends BlockProcessTest {

    static final String FORM_ID = "leaver-runs-wait";
    static final String FORM = oneFieldForm(FORM_ID, "textfield", "comment", "Anything to add?");
    static final String PLAYBOOK = "leaver-runs-update-account";

    @Autowired
    WebApplicationContext context;

    @BeforeAll
    void upload() {
        uploadFormThenBlock(PLAYBOOK, FORM_ID, FORM, "ada", Blocks.UPDATE_ACCOUNT, Map.of("segment", "Left behind"));
    }

    @Test
    void deactivatingALauncherAnswersWithTheirRunsThatWillStopAtTheirNextBlock() {
        long robs = account("rob");
        Leaver leaver = newAdmin();
        long run = launch(leaver.username(), PLAYBOOK, Map.of("accountId", robs));
        long cancelled = launch(leaver.username(), PLAYBOOK, Map.of("accountId", robs));
        camunda.newCancelInstanceCommand(cancelled).send().join();
        launch(leaver.username(), SampleReviewBpmn.PROCESS_ID, Map.of("accountId", robs)); // no block: goes on
        launch("ada", PLAYBOOK, Map.of("accountId", robs)); // someone else's

        ResponseEntity<List> before =
                as("ada").getForEntity("/api/people/" + leaver.id() + "/launched-runs", List.class);
        assertThat(before.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(keys(before.getBody())).containsExactly(run);

        ResponseEntity<Map> deactivated =
                as("ada").postForEntity("/api/people/" + leaver.id() + "/deactivate", null, Map.class);

        assertThat(deactivated.getStatusCode()).as("%s", deactivated.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(deactivated.getBody())
                .containsEntry("username", leaver.username())
                .containsEntry("active", false);
        List<Map> runs = (List<Map>) deactivated.getBody().get("runsThatWillStop");
        assertThat(keys(runs)).containsExactly(run);
        assertThat(runs.getFirst())
                .containsEntry("processId", PLAYBOOK)
                .containsEntry("playbook", "A form, then " + Blocks.UPDATE_ACCOUNT + " (" + PLAYBOOK + ")")
                .containsEntry("accountName", accounts.get(robs).name())
                .containsKey("startedAt");
        assertThat(((Number) runs.getFirst().get("accountId")).longValue()).isEqualTo(robs);

        // what the answer said: the run goes on to its block, and stops there
        answer("ada", awaitTask(run, "task_form"), Map.of("comment", "go on"));
        assertThat(awaitIncident(run)).contains("Lee Leaver has left").doesNotContain(leaver.username());
    }

    @Test
    void thePersonsPageWarnsBeforeAndSaysAfterWithEachRunsPlaybookAccountAndStart() throws Exception {
        long robs = account("rob");
        String accountName = accounts.get(robs).name();
        Leaver leaver = newAdmin();
        long run = launch(leaver.username(), PLAYBOOK, Map.of("accountId", robs));
        MockMvc pages = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();

        String before = pageAsAda(pages, leaver.id());
        pages.perform(MockMvcRequestBuilders.post("/people/" + leaver.id() + "/deactivate")
                        .with(user("ada").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/people/" + leaver.id()))
                .andExpect(flash().attribute(
                                "message",
                                "Lee Leaver is deactivated. 1 playbook run they launched will stop at the next"
                                        + " building block: see below."));
        String after = pageAsAda(pages, leaver.id());

        assertThat(runsSection(before))
                .contains("If you deactivate Lee Leaver", "this run stops")
                .contains("href=\"/playbooks/instances/" + run + "\"")
                .contains(
                        "href=\"/playbooks/" + PLAYBOOK + "\"",
                        "A form, then " + Blocks.UPDATE_ACCOUNT + " (" + PLAYBOOK + ")")
                .contains("href=\"/accounts/" + robs + "\"", accountName);
        assertThat(before).contains("Deactivate Lee Leaver");
        assertThat(runsSection(after))
                .contains("Lee Leaver has left", "this run stops")
                .contains("href=\"/playbooks/instances/" + run + "\"", accountName);
        assertThat(after).doesNotContain("Deactivate Lee Leaver");
        pages.perform(get("/people/" + leaver.id()).with(user("rob").roles("REP")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aRunTheEngineDoesNotAnswerAboutIsListedAsOfUnknownStateNotAsRunning(CapturedOutput output) {
        long robs = account("rob");
        Leaver leaver = newAdmin();
        long answered = launch(leaver.username(), PLAYBOOK, Map.of("accountId", robs));
        long silent = launch(leaver.username(), PLAYBOOK, Map.of("accountId", robs));
        long later = launch(leaver.username(), PLAYBOOK, Map.of("accountId", robs));
        engineDoesNotAnswerAbout(silent);

        List<Map> before = as("ada")
                .getForEntity("/api/people/" + leaver.id() + "/launched-runs", List.class)
                .getBody();
        ResponseEntity<Map> deactivated =
                as("ada").postForEntity("/api/people/" + leaver.id() + "/deactivate", null, Map.class);

        for (List<Map> runs : List.of(before, (List<Map>) deactivated.getBody().get("runsThatWillStop"))) {
            assertThat(keys(runs)).containsExactly(answered, silent, later);
            assertThat(runs.get(0)).containsEntry("state", "RUNNING").containsEntry("reason", null);
            assertThat(runs.subList(1, 3))
                    .allSatisfy(run -> assertThat(run)
                            .containsEntry("state", "UNKNOWN")
                            .containsEntry(
                                    "reason",
                                    "the engine did not answer when asked whether this run still runs: it may have"
                                            + " ended, or stop at its next building block once the launcher has left"));
        }
        assertThat(deactivated.getBody()).containsEntry("active", false);
        // once silent, the engine is not asked about the rest: each would wait as long
        verify(processInstances, never()).isRunning(later);
        assertThat(output)
                .contains("WARN")
                .contains("The engine did not answer whether 2 of the playbook runs " + leaver.username()
                        + " launched still run")
                .contains("engine unreachable");
    }

    @Test
    void thePersonsPageCountsOnlyRunningRunsAndSaysWhichTheEngineDidNotAnswerAbout() throws Exception {
        long robs = account("rob");
        Leaver leaver = newAdmin();
        long answered = launch(leaver.username(), PLAYBOOK, Map.of("accountId", robs));
        long silent = launch(leaver.username(), PLAYBOOK, Map.of("accountId", robs));
        engineDoesNotAnswerAbout(silent);
        MockMvc pages = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();

        String before = runsSection(pageAsAda(pages, leaver.id()));
        pages.perform(MockMvcRequestBuilders.post("/people/" + leaver.id() + "/deactivate")
                        .with(user("ada").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute(
                                "message",
                                "Lee Leaver is deactivated. 1 playbook run they launched will stop at the next"
                                        + " building block: see below. The engine did not answer about 1 more run"
                                        + " they launched, which stop there too if still running: see below."));

        assertThat(before)
                .contains("If you deactivate Lee Leaver", "this run stops")
                .doesNotContain("these 2 runs stop")
                .contains("The engine did not answer about 1 run", "unknown")
                .contains("href=\"/playbooks/instances/" + answered + "\"")
                .contains("href=\"/playbooks/instances/" + silent + "\"");
        assertThat(before.substring(before.indexOf("/playbooks/instances/" + silent)))
                .contains("unknown", "the engine did not answer when asked whether this run still runs");
    }

    @Test
    void onlyAdminsSeeWhichRunsADeactivationWouldStop() {
        Leaver leaver = newAdmin();

        assertThat(as("rob")
                        .getForEntity("/api/people/" + leaver.id() + "/launched-runs", Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("ada")
                        .getForEntity("/api/people/" + leaver.id() + "/launched-runs", List.class)
                        .getBody())
                .isEmpty();
    }

    @Test
    void theOpenApiDocumentsTheRunsInTheDeactivationsAnswerBesideThePersonsFields() {
        Map docs = SignedIn.as(http, "ada").getForObject("/v3/api-docs", Map.class);

        Map answer = (Map) ((Map) ((Map) docs.get("components")).get("schemas")).get("Deactivated");
        assertThat((Map<String, Object>) answer.get("properties"))
                .containsKeys("id", "username", "active", "runsThatWillStop");
        assertThat((String) ((Map) ((Map) answer.get("properties")).get("runsThatWillStop")).get("description"))
                .contains("stops with an incident at its next block");
        assertThat((Map<String, Object>) docs.get("paths")).containsKey("/api/people/{id}/launched-runs");
    }

    /** The engine answers as usual, except about this instance: as when it stops answering mid-listing. */
    private void engineDoesNotAnswerAbout(long processInstanceKey) {
        doThrow(new IllegalStateException("engine unreachable"))
                .when(processInstances)
                .isRunning(processInstanceKey);
    }

    /** A new admin, who may launch on any account and owns nothing, so nothing holds up their deactivation. */
    private Leaver newAdmin() {
        String username = "leaver-" + ThreadLocalRandom.current().nextInt(1_000_000);
        long id = people.create(new NewPerson(
                        username, "Lee Leaver", username + "@baton.example", "demo", Set.of(Role.ADMIN), null, null))
                .id();
        return new Leaver(id, username);
    }

    private record Leaver(long id, String username) {}

    /** The person's page, as the admin ada reads it. */
    private static String pageAsAda(MockMvc pages, long personId) throws Exception {
        return pages.perform(get("/people/" + personId).with(user("ada").roles("ADMIN")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** The page's list of launched runs, from its heading to the end of its section. */
    private static String runsSection(String page) {
        int start = page.indexOf("id=\"launched-runs\"");
        assertThat(start).as("the page has the runs' section").isNotNegative();
        return page.substring(start, page.indexOf("</section>", start));
    }

    private static List<Long> keys(List<Map> runs) {
        return runs.stream()
                .map(r -> ((Number) r.get("processInstanceKey")).longValue())
                .toList();
    }
}
