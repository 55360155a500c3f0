package dev.baton.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.EngineIntegrationTest;
import dev.baton.people.People;
import dev.baton.people.Person;
import dev.baton.people.Role;
import dev.baton.people.Team;
import dev.baton.people.Teams;
import dev.baton.task.Task;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Who may write what, through the real API: role × endpoint × the actor's relation to the work's
 * owner ({@code mx-rep}). The fixture line: mx-vp (a director, no team) manages mx-lead and mx-peer
 * (managers in sales-emea); mx-lead manages mx-rep and mx-mate (reps in sales-emea). Other line:
 * marcus (sales-na manager) and ravi (his rep); cora is customer success; ada the admin.
 */
class AuthorizationMatrixIntegrationTests extends EngineIntegrationTest {

    static final String OWN = "mx-rep";
    static final String TEAMMATE = "mx-mate";
    static final String PEER_MANAGER = "mx-peer";
    static final String LINE_MANAGER = "mx-lead";
    static final String SKIP_LEVEL = "mx-vp";

    @Autowired
    People people;

    @Autowired
    Teams teams;

    @Autowired
    PasswordEncoder passwords;

    /** One write, done as {@code actor} on fresh work owned by {@link #OWN}; returns the HTTP status. */
    enum Write {
        TRANSFER_ACCOUNT((t, actor) -> t.put(
                actor, "/api/accounts/" + t.account() + "/owner", Map.of("ownerId", t.id(TEAMMATE), "version", 0))),
        EDIT_ACCOUNT((t, actor) -> t.put(actor, "/api/accounts/" + t.account(), accountDetails("Edited by " + actor))),
        HANDOFF_TO_CS((t, actor) -> t.post(actor, "/api/accounts/" + t.account() + "/handoff-to-cs", null)),
        START_PLAYBOOK_ON_ACCOUNT((t, actor) ->
                t.post(actor, "/api/playbooks/sample-review/instances", Map.of("accountId", t.account()))),
        RECORD_COMMITMENT((t, actor) -> t.post(actor, "/api/commitments", t.newCommitment(t.account(), OWN, null))),
        ACCEPT_COMMITMENT((t, actor) -> t.post(actor, "/api/commitments/" + t.commitment() + "/accept", null)),
        CANCEL_COMMITMENT(
                (t, actor) -> t.post(actor, "/api/commitments/" + t.commitment() + "/cancel", Map.of("reason", "r"))),
        REASSIGN_COMMITMENT((t, actor) -> t.put(
                actor,
                "/api/commitments/" + t.commitment() + "/owner",
                Map.of("ownerId", t.id(TEAMMATE), "version", 0))),
        // a named task nothing else touches: OWN's other open tasks belong to commitment processes that change
        // them meanwhile, and a move of all of them may then end in a conflict, which is not what this checks
        REASSIGN_TASKS((t, actor) -> t.post(
                actor,
                "/api/tasks/reassign",
                Map.of("from", OWN, "to", TEAMMATE, "taskIds", List.of(t.claimedTask())))),
        PREVIEW_HANDOVER((t, actor) -> t.get(actor, "/api/handovers/preview?person=" + t.id(OWN))),
        ADD_CONTACT((t, actor) ->
                t.post(actor, "/api/accounts/" + t.account() + "/contacts", Map.of("fullName", "Added by " + actor))),
        ADD_PRIMARY_CONTACT((t, actor) -> t.post(
                actor,
                "/api/accounts/" + t.account() + "/contacts",
                Map.of("fullName", "Primary by " + actor, "primary", true))),
        EDIT_CONTACT((t, actor) -> {
            long contact = t.contact();
            return t.put(actor, "/api/contacts/" + contact, t.contactDetails(contact, "Edited by " + actor));
        }),
        VERIFY_CONTACT((t, actor) -> t.post(actor, "/api/contacts/" + t.contact() + "/verify", null)),
        MAKE_CHAMPION((t, actor) -> t.post(actor, "/api/contacts/" + t.contact() + "/champion", null)),
        VERIFY_CONTACT_AS_QUALITY_FIX(
                (t, actor) -> t.post(actor, "/api/data-quality/contacts/" + t.contact() + "/verify", null)),
        SEE_TASK((t, actor) -> t.get(actor, "/api/tasks/" + t.claimedTask()));

        final BiFunction<AuthorizationMatrixIntegrationTests, String, Integer> as;

        Write(BiFunction<AuthorizationMatrixIntegrationTests, String, Integer> as) {
            this.as = as;
        }
    }

    /** Columns: own, teammate, peer manager (same team, other line), line manager, skip-level, other line's manager and rep, CS, admin. */
    static final List<String> ACTORS =
            List.of(OWN, TEAMMATE, PEER_MANAGER, LINE_MANAGER, SKIP_LEVEL, "marcus", "ravi", "cora", "ada");

    static Stream<Arguments> matrix() {
        Map<Write, List<Integer>> expected = new java.util.LinkedHashMap<>();
        //                                         own  mate peer line skip marcus ravi cora ada
        expected.put(Write.TRANSFER_ACCOUNT, List.of(403, 403, 403, 200, 200, 403, 403, 403, 200));
        expected.put(Write.EDIT_ACCOUNT, List.of(200, 403, 403, 200, 200, 403, 403, 403, 200));
        expected.put(Write.HANDOFF_TO_CS, List.of(201, 403, 403, 201, 201, 403, 403, 403, 201));
        expected.put(Write.START_PLAYBOOK_ON_ACCOUNT, List.of(403, 403, 403, 201, 201, 403, 403, 403, 201));
        expected.put(Write.RECORD_COMMITMENT, List.of(201, 403, 403, 201, 201, 403, 403, 403, 201));
        expected.put(Write.ACCEPT_COMMITMENT, List.of(200, 403, 403, 200, 200, 403, 403, 403, 200));
        expected.put(Write.CANCEL_COMMITMENT, List.of(200, 403, 403, 200, 200, 403, 403, 403, 200));
        expected.put(Write.REASSIGN_COMMITMENT, List.of(403, 403, 403, 200, 200, 403, 403, 403, 200));
        expected.put(Write.REASSIGN_TASKS, List.of(403, 403, 403, 200, 200, 403, 403, 403, 200));
        expected.put(Write.PREVIEW_HANDOVER, List.of(403, 403, 403, 200, 200, 403, 403, 403, 200));
        // anyone who talks to the customer adds a contact; every change to one follows the account's line (ADR 014)
        expected.put(Write.ADD_CONTACT, List.of(201, 201, 201, 201, 201, 201, 201, 201, 201));
        expected.put(Write.ADD_PRIMARY_CONTACT, List.of(201, 403, 403, 201, 201, 403, 403, 403, 201));
        expected.put(Write.EDIT_CONTACT, List.of(200, 403, 403, 200, 200, 403, 403, 403, 200));
        expected.put(Write.VERIFY_CONTACT, List.of(200, 403, 403, 200, 200, 403, 403, 403, 200));
        expected.put(Write.MAKE_CHAMPION, List.of(200, 403, 403, 200, 200, 403, 403, 403, 200));
        // the same change as a data-quality fix: the same line, behind the page's role gate (managers, admins)
        expected.put(Write.VERIFY_CONTACT_AS_QUALITY_FIX, List.of(403, 403, 403, 200, 200, 403, 403, 403, 200));
        // the sample review is offered to sales-emea: its members see it through the team, the director through the
        // line
        expected.put(Write.SEE_TASK, List.of(200, 200, 200, 200, 200, 403, 403, 403, 200));
        return expected.entrySet().stream()
                .flatMap(e -> java.util.stream.IntStream.range(0, ACTORS.size())
                        .mapToObj(i -> Arguments.of(
                                e.getKey(), ACTORS.get(i), e.getValue().get(i))));
    }

    @BeforeEach
    void fixtureLine() {
        Team emea = teams.findByKey("sales-emea").orElseThrow();
        Person vp = person(SKIP_LEVEL, null, null, Role.MANAGER);
        Person lead = person(LINE_MANAGER, emea, vp, Role.MANAGER);
        person(PEER_MANAGER, emea, vp, Role.MANAGER);
        person(OWN, emea, lead, Role.REP);
        person(TEAMMATE, emea, lead, Role.REP);
    }

    @ParameterizedTest(name = "{0} by {1}: {2}")
    @MethodSource("matrix")
    void onlyTheOwnerTheirLineAndAdminsWrite(Write write, String actor, int expected) {
        assertThat(write.as.apply(this, actor)).as(write + " by " + actor).isEqualTo(expected);
    }

    @Test
    void anAdminSeesEveryOpenTask() throws Exception {
        long task = claimedTask();

        ResponseEntity<Map> all =
                as("ada").getForEntity("/api/tasks?scope=all-visible&size=200&sort=created", Map.class);
        List<Object> ids = new java.util.ArrayList<>(ids(all));
        int pages = ((Number) all.getBody().get("totalPages")).intValue();
        for (int page = 1; ids.stream().noneMatch(id -> ((Number) id).longValue() == task) && page < pages; page++) {
            ids.addAll(ids(as("ada")
                    .getForEntity("/api/tasks?scope=all-visible&size=200&sort=created&page=" + page, Map.class)));
        }

        assertThat(ids).extracting(id -> ((Number) id).longValue()).contains(task);
    }

    /** A byId in the body is either ignored or refused (when unknown fields are refused): never the author. */
    @Test
    void theAuthorOfAnInteractionIsTheSignedInPersonWhateverTheBodySays() {
        long account = account();
        Map<String, Object> body = Map.of("kind", "CALL", "summary", "Called them", "byId", id("ravi"));

        ResponseEntity<Map> logged =
                as(OWN).postForEntity("/api/accounts/" + account + "/interactions", body, Map.class);

        if (logged.getStatusCode().value() == 201) {
            assertThat(logged.getBody()).containsEntry("byId", ((Number) id(OWN)).intValue());
        } else {
            assertThat(logged.getStatusCode().value()).isEqualTo(400);
        }
        Map timeline = as(OWN).getForObject("/api/accounts/" + account + "/interactions", Map.class);
        assertThat((List<Map<String, Object>>) timeline.get("content"))
                .noneMatch(i -> ((Number) id("ravi")).equals(((Number) i.get("byId")).longValue()));
    }

    @Test
    void aCommitmentGoesOnlyToSomeoneOfTheMakersTeamOrLineOrOfTheDeliveringTeam() {
        long account = account();
        Long cs = teams.findByKey("customer-success").orElseThrow().getId();

        int outside = post(OWN, "/api/commitments", newCommitment(account, "ravi", null));
        int toDeliveringTeam = post(OWN, "/api/commitments", newCommitment(account, "cora", cs));
        int toTeammate = post(OWN, "/api/commitments", newCommitment(account, TEAMMATE, null));

        assertThat(List.of(outside, toDeliveringTeam, toTeammate)).containsExactly(403, 201, 201);
    }

    @Test
    void customerSuccessMovesOnlyItsOwnCommitmentsAndWithinItsTeam() {
        long account = account();
        Long cs = teams.findByKey("customer-success").orElseThrow().getId();
        long coras =
                created(as("ada").postForEntity("/api/commitments", newCommitment(account, "cora", cs), Map.class));

        int othersCommitment = put(
                "cora", "/api/commitments/" + commitment() + "/owner", Map.of("ownerId", id("colin"), "version", 0));
        int outsideHerTeam =
                put("cora", "/api/commitments/" + coras + "/owner", Map.of("ownerId", id("ravi"), "version", 0));
        int toTeammate =
                put("cora", "/api/commitments/" + coras + "/owner", Map.of("ownerId", id("colin"), "version", 0));

        assertThat(List.of(othersCommitment, outsideHerTeam, toTeammate)).containsExactly(403, 403, 200);
    }

    @Test
    void aManagerMovesAnAccountOnlyToSomeoneOfTheirTeamOrLine() {
        assertThat(put(
                        LINE_MANAGER,
                        "/api/accounts/" + account() + "/owner",
                        Map.of("ownerId", id("ravi"), "version", 0)))
                .isEqualTo(403);
        assertThat(post("marcus", "/api/accounts", Map.of("name", "Poached", "ownerId", id(OWN))))
                .isEqualTo(403);
    }

    // --- fixture work, each fresh, owned by OWN ---

    /** A complete account PUT (every field present, as the API asks), at a fresh account's version 0. */
    static Map<String, Object> accountDetails(String name) {
        Map<String, Object> details = new java.util.HashMap<>();
        details.put("name", name);
        details.put("segment", null);
        details.put("territory", null);
        details.put("renewalDate", null);
        details.put("version", 0);
        return details;
    }

    long account() {
        return created(as("ada")
                .postForEntity("/api/accounts", Map.of("name", "Matrix account", "ownerId", id(OWN)), Map.class));
    }

    long commitment() {
        return created(as("ada").postForEntity("/api/commitments", newCommitment(account(), OWN, null), Map.class));
    }

    /** A contact, the primary one, at a fresh account of OWN's. */
    long contact() {
        return created(as("ada")
                .postForEntity(
                        "/api/accounts/" + account() + "/contacts",
                        Map.of("fullName", "Matrix contact", "primary", true),
                        Map.class));
    }

    /** A complete contact PUT at the contact's current version. */
    Map<String, Object> contactDetails(long contact, String name) {
        Map<String, Object> details = new HashMap<>();
        details.put("fullName", name);
        details.put("title", null);
        details.put("email", null);
        details.put("phone", null);
        details.put("preferences", null);
        details.put("primary", true);
        details.put(
                "version",
                as("ada").getForObject("/api/contacts/" + contact, Map.class).get("version"));
        return details;
    }

    /** A sample review, claimed by OWN. */
    long claimedTask() {
        try {
            Task task = awaitTaskOf(startReview(null));
            assertThat(post(OWN, task, "claim").getStatusCode().value()).isEqualTo(200);
            return task.getId();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, Object> newCommitment(long account, String owner, Long deliveringTeam) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "accountId",
                account,
                "description",
                "Matrix promise",
                "ownerId",
                id(owner),
                "dueDate",
                LocalDate.now().plusDays(30).toString()));
        if (deliveringTeam != null) {
            body.put("deliveringTeamId", deliveringTeam);
        }
        return body;
    }

    Object id(String username) {
        return people.findByUsername(username).orElseThrow().getId();
    }

    int get(String actor, String path) {
        return as(actor).getForEntity(path, String.class).getStatusCode().value();
    }

    int post(String actor, String path, Object body) {
        return as(actor).postForEntity(path, body, String.class).getStatusCode().value();
    }

    int put(String actor, String path, Object body) {
        return as(actor)
                .exchange(path, HttpMethod.PUT, new HttpEntity<>(body), String.class)
                .getStatusCode()
                .value();
    }

    static long created(ResponseEntity<Map> response) {
        assertThat(response.getStatusCode().value())
                .as(String.valueOf(response.getBody()))
                .isEqualTo(201);
        return ((Number) response.getBody().get("id")).longValue();
    }

    private Person person(String username, Team team, Person manager, Role role) {
        return people.findByUsername(username).orElseGet(() -> {
            Person p = new Person(
                    username,
                    "Matrix " + username,
                    username + "@matrix.example",
                    passwords.encode("demo"),
                    Set.of(role));
            p.joinTeam(team);
            p.reportTo(manager);
            return people.save(p);
        });
    }
}
