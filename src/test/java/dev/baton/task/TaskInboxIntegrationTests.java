package dev.baton.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.audit.AuditEvent;
import dev.baton.audit.AuditEvents;
import dev.baton.engine.EngineIntegrationTest;
import dev.baton.support.SignedIn;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Who sees which task, and giving a claimed task back to its team. */
@SuppressWarnings({"rawtypes", "unchecked"}) // TestRestTemplate answers with raw Map bodies
class TaskInboxIntegrationTests extends EngineIntegrationTest {

    @Autowired
    TaskService taskService;

    @Autowired
    AuditEvents auditEvents;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aManagerSeesTasksAssignedToTheirDirectReportsButNotInTheirOwnScope() {
        // cora reports to marcus; maria manages someone else
        Task coras = taskService.upsert(new TaskSpec(
                ThreadLocalRandom.current().nextLong(1L << 60, Long.MAX_VALUE),
                1,
                2,
                "sample-review",
                1,
                "task_call_customer",
                "Call customer",
                "cora",
                Set.of(),
                null,
                null,
                null,
                null,
                null));

        assertThat(ids(as("cora").getForEntity("/api/tasks?scope=mine", Map.class)))
                .contains(coras.getId().intValue());
        assertThat(ids(as("marcus").getForEntity("/api/tasks?scope=all-visible", Map.class)))
                .contains(coras.getId().intValue());
        assertThat(ids(as("marcus").getForEntity("/api/tasks?scope=mine", Map.class)))
                .doesNotContain(coras.getId().intValue());
        assertThat(as("marcus")
                        .getForEntity("/api/tasks/" + coras.getId(), Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(as("maria")
                        .getForEntity("/api/tasks/" + coras.getId(), Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(ids(as("colin").getForEntity("/api/tasks?scope=all-visible", Map.class)))
                .doesNotContain(coras.getId().intValue());
    }

    @Test
    void anApiCallSeesATeamChangeMadeSinceTheCallBefore() {
        // each stateless call reads team and roles at its own sign-in (SignedInNow), never a previous call's
        jdbc.update("insert into team (key, name) values ('ti-switch', 'Switch team') on conflict do nothing");
        jdbc.update("insert into person (username, email, full_name, password_hash) values"
                + " ('ti-switcher', 'ti-switcher@example.com', 'Switcher', '{noop}x') on conflict do nothing");
        // the team has an active member already: a step offered only to a team with none goes to unassigned work
        jdbc.update("insert into person (username, email, full_name, password_hash, team_id) values"
                + " ('ti-member', 'ti-member@example.com', 'Member', '{noop}x',"
                + " (select id from team where key = 'ti-switch')) on conflict do nothing");
        Task offered = taskService.upsert(new TaskSpec(
                ThreadLocalRandom.current().nextLong(1L << 60, Long.MAX_VALUE),
                1,
                2,
                "sample-review",
                1,
                "task_call_customer",
                "Call customer",
                null,
                Set.of("ti-switch"),
                null,
                null,
                null,
                null,
                null));
        TestRestTemplate switcher = http.withBasicAuth("ti-switcher", "x");
        assertThat(ids(switcher.getForEntity("/api/tasks?scope=inbox", Map.class)))
                .doesNotContain(offered.getId().intValue());

        jdbc.update("update person set team_id = (select id from team where key = 'ti-switch')"
                + " where username = 'ti-switcher'");

        assertThat(ids(switcher.getForEntity("/api/tasks?scope=inbox", Map.class)))
                .contains(offered.getId().intValue());
    }

    @Test
    void onlyTheAssigneeGivesATaskBackToItsTeam() throws Exception {
        Task task = awaitTaskOf(startReview(null));
        post("rob", task, "claim");

        assertThat(post("rita", task, "unclaim").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> back = post("rob", task, "unclaim");

        assertThat(back.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tasks.findById(task.getId()).orElseThrow().getAssignee()).isNull();
        assertThat(auditEvents.findByEntityTypeAndEntityIdOrderByAt("task", task.getId()))
                .extracting(AuditEvent::getAction)
                .containsExactly("task.claimed", "task.unclaimed");
        assertThat(ids(as("rita").getForEntity("/api/tasks?scope=team", Map.class)))
                .contains(task.getId().intValue());

        // given back twice (again after Back, session 40's probe): said so, not "claim it first", and nothing changes
        ResponseEntity<Map> again = post("rob", task, "unclaim");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) again.getBody().get("detail"))
                .isEqualTo("task " + task.getId() + " (" + task.getName()
                        + ") is already back with its team: nobody holds it, nothing changed");
        assertThat(auditEvents.findByEntityTypeAndEntityIdOrderByAt("task", task.getId()))
                .extracting(AuditEvent::getAction)
                .containsExactly("task.claimed", "task.unclaimed");
    }

    @Test
    void documentsTheTaskApi() {
        assertThat(SignedIn.as(http, "ada").getForObject("/v3/api-docs", String.class))
                .contains(
                        "/api/tasks/{id}/complete", "/api/tasks/{id}/claim", "/api/playbooks/sample-review/instances");
    }

    @Test
    void documentsEachTaskRequestBodyWithItsOwnFieldsNotThoseOfAnotherApisNamesake() throws Exception {
        JsonNode docs =
                new ObjectMapper().readTree(SignedIn.as(http, "ada").getForObject("/v3/api-docs", String.class));

        assertThat(bodyFields(docs, "/api/tasks/reassign")).contains("from", "to", "taskIds");
        assertThat(bodyFields(docs, "/api/tasks/{id}/assign")).contains("to");
        assertThat(bodyFields(docs, "/api/commitments/{id}/owner")).contains("ownerId", "version");
        // a reassignment without "from" is refused: the schema says it is required (found by a probe)
        assertThat(bodySchema(docs, "/api/tasks/reassign").path("required").toString())
                .contains("\"from\"", "\"to\"");
    }

    private static Set<String> bodyFields(JsonNode docs, String path) {
        Set<String> fields = new java.util.TreeSet<>();
        bodySchema(docs, path).path("properties").fieldNames().forEachRemaining(fields::add);
        return fields;
    }

    /** The schema of the request body of the operation at {@code path}. */
    private static JsonNode bodySchema(JsonNode docs, String path) {
        String ref = docs.at("/paths/" + path.replace("/", "~1"))
                .findValue("requestBody")
                .findValue("$ref")
                .asText();
        return docs.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1));
    }

    @Test
    void refusesUnknownListParametersNamingThem() {
        ResponseEntity<Map> bad = as("rob").getForEntity("/api/tasks?scope=everyone&sort=priority", Map.class);

        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, Object>) bad.getBody().get("errors")).containsKey("scope");
    }

    @Test
    void refusesToStartAReviewOfAnUnknownAccountAndStartsNothing() {
        long before = startedReviews();

        ResponseEntity<Map> bad =
                as("maria").postForEntity("/api/playbooks/sample-review/instances", Map.of("accountId", -1), Map.class);

        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, Object>) bad.getBody().get("errors")).containsKey("accountId");
        assertThat(startedReviews()).isEqualTo(before);
    }

    /**
     * The session 44 probe launched a review due 2020-01-01: its step was overdue at birth, and the team and
     * the manager were mailed "Overdue and not claimed" within a minute. A due time not after now is refused.
     */
    @Test
    void refusesAReviewDueInThePastAndStartsNothing() {
        long account = jdbc.queryForObject("select min(id) from account", Long.class);
        long before = startedReviews();

        ResponseEntity<Map> bad = as("ada")
                .postForEntity(
                        "/api/playbooks/sample-review/instances",
                        Map.of("accountId", account, "dueAt", "2020-01-01T00:00:00Z"),
                        Map.class);
        String page = launchOnThePage(account, "{\"reviewDueAt\": \"2020-01-01T00:00:00Z\"}");

        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, Object>) bad.getBody().get("errors"))
                .containsOnly(Map.entry("dueAt", "must be in the future"));
        assertThat(page).contains("id=\"variables-error\">reviewDueAt must be in the future</div>");
        assertThat(startedReviews()).isEqualTo(before);
    }

    /** The playbook page's launch form posted as a browser would; the page it comes back to. */
    private String launchOnThePage(long account, String variables) {
        // a browser of its own that shows the redirect, to follow it with the session
        TestRestTemplate ada = new TestRestTemplate(new RestTemplateBuilder()
                .rootUri(http.getRootUri())
                .redirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW)
                .defaultHeader(HttpHeaders.COOKIE, SignedIn.signIn(http.getRootUri(), "ada", "demo")));
        HttpHeaders form = SignedIn.formOf(ada.getForObject("/playbooks/sample-review", String.class));
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("accountId", String.valueOf(account));
        fields.add("variables", variables);
        ResponseEntity<String> posted = ada.exchange(
                "/playbooks/sample-review/instances", HttpMethod.POST, new HttpEntity<>(fields, form), String.class);
        return posted.getStatusCode().is3xxRedirection()
                ? ada.getForObject(posted.getHeaders().getLocation().getPath(), String.class)
                : posted.getBody();
    }

    private long startedReviews() {
        return StreamSupport.stream(records().processInstanceRecords().spliterator(), false)
                .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED)
                .filter(r -> r.getValue().getBpmnElementType() == BpmnElementType.PROCESS)
                .filter(r -> r.getValue().getBpmnProcessId().equals("sample-review"))
                .count();
    }
}
