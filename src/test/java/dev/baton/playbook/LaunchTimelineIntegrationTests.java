package dev.baton.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.baton.account.Account;
import dev.baton.account.Accounts;
import dev.baton.engine.EngineIntegrationTest;
import dev.baton.engine.ProcessInstanceStarted;
import dev.baton.people.People;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * A playbook launched from the catalogue on an account is on the account's timeline, once per run, linking the
 * run; Baton's own starts, which count in the catalogue too, are not (session 41's probe: no launch was).
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class LaunchTimelineIntegrationTests extends EngineIntegrationTest {

    @Autowired
    Accounts accounts;

    @Autowired
    People people;

    @Autowired
    PlaybookInstances instances;

    @Autowired
    ApplicationEventPublisher events;

    Account account;

    @BeforeEach
    void anAccount() {
        account = accounts.save(new Account(
                "Launched On " + System.nanoTime(), people.findByUsername("rob").orElseThrow(), null, null, null));
    }

    @Autowired
    WebApplicationContext context;

    /** The account page as {@code username} with {@code role} sees it, through the real security filters. */
    private String page(String path, String username, String role) throws Exception {
        return MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build()
                .perform(get(path).with(user(username).roles(role)))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private List<Map> timeline() {
        return (List<Map>) as("maria")
                .getForObject("/api/accounts/" + account.getId() + "/timeline", Map.class)
                .get("content");
    }

    @Test
    void aCatalogueLaunchIsOnTheAccountsTimelineOnceLinkingItsRunAfterARefusedFirstTry() throws Exception {
        String launch = "/api/playbooks/sample-review/instances";
        ResponseEntity<Map> refused =
                as("maria").postForEntity(launch, Map.of("accountId", account.getId(), "launchedBy", "rob"), Map.class);
        ResponseEntity<Map> retried =
                as("maria").postForEntity(launch, Map.of("accountId", account.getId()), Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(retried.getStatusCode()).as("%s", retried.getBody()).isEqualTo(HttpStatus.CREATED);
        long key = ((Number) retried.getBody().get("processInstanceKey")).longValue();
        assertThat(timeline())
                .singleElement()
                .satisfies(entry -> assertThat(entry)
                        .containsEntry("who", "Maria Rossi")
                        .containsEntry("summary", "Maria Rossi launched Sample account review")
                        .containsEntry("link", "/playbooks/instances/" + key));
        assertThat(page("/accounts/" + account.getId(), "maria", "MANAGER"))
                .contains("Maria Rossi launched Sample account review")
                .contains("href=\"/playbooks/instances/" + key + "\"")
                .doesNotContain("Nothing has happened yet");
    }

    @Test
    void theSameStartSeenTwiceIsToldOnce() {
        ResponseEntity<Map> launched = as("maria")
                .postForEntity(
                        "/api/playbooks/sample-review/instances", Map.of("accountId", account.getId()), Map.class);
        long key = ((Number) launched.getBody().get("processInstanceKey")).longValue();
        PlaybookInstance run = instances.findById(key).orElseThrow();

        events.publishEvent(new ProcessInstanceStarted(
                key,
                run.getBpmnProcessId(),
                run.getProcessVersion(),
                run.getProcessDefinitionKey(),
                run.getStartedAt(),
                Map.of("accountId", account.getId(), "launchedBy", "maria")));

        assertThat(timeline())
                .extracting(e -> e.get("summary"))
                .containsExactly("Maria Rossi launched Sample account review");
    }

    @Test
    void aRunBatonStartsItselfCountsInTheCatalogueButIsNotToldAsALaunch() {
        long key = startReview(account.getId());

        assertThat(instances.findById(key)).isPresent();
        assertThat(timeline()).isEmpty();
    }
}
