package dev.baton.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.baton.audit.AuditEvents;
import dev.baton.notification.OutboxDispatcher;
import dev.baton.people.People;
import dev.baton.support.Mails;
import dev.baton.support.SignedIn;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommitmentApiIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    People people;

    @Autowired
    Commitments commitments;

    @Autowired
    AuditEvents audit;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    GreenMail greenMail;

    long accountId;

    TestRestTemplate as(String username) {
        return http.withBasicAuth(username, "demo");
    }

    long id(String username) {
        return people.findByUsername(username).orElseThrow().getId();
    }

    @BeforeEach
    void anAccountOwnedByRob() {
        Map account = as("maria")
                .postForObject("/api/accounts", Map.of("name", "Promise Co", "ownerId", id("rob")), Map.class);
        accountId = ((Number) account.get("id")).longValue();
    }

    Map<String, Object> commitment(Object... overrides) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "accountId",
                accountId,
                "description",
                "Deliver the SSO guide",
                "ownerId",
                id("rob"),
                "dueDate",
                LocalDate.now().plusDays(10).toString()));
        for (int i = 0; i < overrides.length; i += 2) {
            body.put((String) overrides[i], overrides[i + 1]);
        }
        return body;
    }

    long create(Map<String, Object> body) {
        return ((Number) as("rob")
                        .postForObject("/api/commitments", body, Map.class)
                        .get("id"))
                .longValue();
    }

    ResponseEntity<Map> post(String user, long id, String action, Map<String, Object> body) {
        return as(user).postForEntity("/api/commitments/" + id + "/" + action, body, Map.class);
    }

    @Test
    void namesEveryBadFieldAndWritesNothing() {
        long before = commitments.count();

        ResponseEntity<Map> bad = as("rob")
                .postForEntity(
                        "/api/commitments",
                        Map.of(
                                "description",
                                "",
                                "dueDate",
                                LocalDate.now().minusDays(1).toString()),
                        Map.class);

        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, Object>) bad.getBody().get("errors"))
                .containsOnlyKeys("accountId", "description", "dueDate");
        assertThat(commitments.count()).isEqualTo(before);
    }

    @Test
    void refusesUnknownOrInactiveReferencesNamingTheField() {
        long otherAccount = ((Number) as("maria")
                        .postForObject("/api/accounts", Map.of("name", "Other"), Map.class)
                        .get("id"))
                .longValue();
        Map contact = as("rob")
                .postForObject("/api/accounts/" + otherAccount + "/contacts", Map.of("fullName", "Olga"), Map.class);
        Map inactive = http.withBasicAuth("ada", "demo")
                .postForObject(
                        "/api/people",
                        Map.of(
                                "username",
                                "gone",
                                "fullName",
                                "Gone",
                                "email",
                                "gone@example.com",
                                "password",
                                "secret-123",
                                "roles",
                                List.of("REP")),
                        Map.class);
        http.withBasicAuth("ada", "demo")
                .postForObject("/api/people/" + inactive.get("id") + "/deactivate", null, Map.class);
        long before = commitments.count();

        assertThat(errors(commitment("accountId", 999999))).containsOnlyKeys("accountId");
        assertThat(errors(commitment("ownerId", 999999))).containsOnlyKeys("ownerId");
        assertThat(errors(commitment("ownerId", inactive.get("id")))).containsOnlyKeys("ownerId");
        assertThat(errors(commitment("deliveringTeamId", 999999))).containsOnlyKeys("deliveringTeamId");
        assertThat(errors(commitment("contactId", contact.get("id")))).containsOnlyKeys("contactId");
        assertThat(commitments.count()).isEqualTo(before);
    }

    Map<String, Object> errors(Map<String, Object> body) {
        ResponseEntity<Map> response = as("rob").postForEntity("/api/commitments", body, Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        return (Map<String, Object>) response.getBody().get("errors");
    }

    @Test
    void ownerAcceptsAndDeliversThenCustomerSuccessVerifiesEachStepAudited() {
        long id = create(commitment());

        assertThat(post("rob", id, "accept", null).getBody()).containsEntry("status", "ACCEPTED");
        assertThat(post("rob", id, "deliver", Map.of("evidence", "sent on the 3rd"))
                        .getBody())
                .containsEntry("status", "DELIVERED")
                .containsEntry("deliveryEvidence", "sent on the 3rd");
        assertThat(post("cora", id, "verify", null).getBody()).containsEntry("status", "VERIFIED");

        assertThat(audit.findByEntityTypeAndEntityIdOrderByAt("commitment", id))
                .extracting(e -> e.getAction())
                .containsExactly(
                        "commitment.created", "commitment.accepted", "commitment.delivered", "commitment.verified");
    }

    @Test
    void onlyTheOwnerOrALeadAcceptsAndOnlyCustomerSuccessOrALeadVerifies() {
        long id = create(commitment());

        assertThat(post("rita", id, "accept", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("maria", id, "accept", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        post("rob", id, "deliver", Map.of("evidence", "done"));
        assertThat(post("rob", id, "verify", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(commitments.findById(id).orElseThrow().getStatus()).isEqualTo(CommitmentStatus.DELIVERED);
    }

    @Test
    void answersConflictForAStaleVersionOrAForbiddenTransition() {
        long id = create(commitment());
        long read = ((Number) as("rob")
                        .getForObject("/api/commitments/" + id, Map.class)
                        .get("version"))
                .longValue();
        post("rob", id, "accept", Map.of("version", read));

        ResponseEntity<Map> stale = post("rob", id, "cancel", Map.of("reason", "customer withdrew", "version", read));
        ResponseEntity<Map> notDelivered = post("cora", id, "verify", null);

        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(notDelivered.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) notDelivered.getBody().get("detail")).contains("is ACCEPTED and cannot be verified");
        assertThat(commitments.findById(id).orElseThrow().getStatus()).isEqualTo(CommitmentStatus.ACCEPTED);
        assertThat(audit.findByEntityTypeAndEntityIdOrderByAt("commitment", id))
                .extracting(e -> e.getAction())
                .containsExactly("commitment.created", "commitment.accepted");
    }

    @Test
    void rejectingNeedsAReason() {
        long id = create(commitment());

        ResponseEntity<Map> noReason = post("rob", id, "reject", Map.of("reason", ""));

        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, Object>) noReason.getBody().get("errors")).containsOnlyKeys("reason");
        assertThat(post("rob", id, "reject", Map.of("reason", "not in scope")).getBody())
                .containsEntry("status", "REJECTED")
                .containsEntry("statusReason", "not in scope");
    }

    @Test
    void robsManagerReassignsAndTheRegisterFiltersByOwnerStatusAndUnowned() {
        long robs = create(commitment());
        long unowned = create(commitment("ownerId", null));

        ResponseEntity<Map> repReassigns = as("rita")
                .exchange(
                        "/api/commitments/" + robs + "/owner",
                        HttpMethod.PUT,
                        new HttpEntity<>(Map.of("ownerId", id("rita"), "version", 0)),
                        Map.class);
        // customer success moves only its own commitments (or unowned ones); rob's is his manager's to move
        ResponseEntity<Map> csReassigns = as("cora")
                .exchange(
                        "/api/commitments/" + robs + "/owner",
                        HttpMethod.PUT,
                        new HttpEntity<>(Map.of("ownerId", id("rita"), "version", 0)),
                        Map.class);
        as("maria")
                .put(
                        "/api/commitments/" + robs + "/owner",
                        Map.of(
                                "ownerId",
                                id("rita"),
                                "version",
                                commitments.findById(robs).orElseThrow().getVersion()));

        assertThat(repReassigns.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(csReassigns.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(ids("?account=" + accountId + "&owner=" + id("rita") + "&status=PROPOSED"))
                .containsExactly(robs);
        assertThat(ids("?account=" + accountId + "&unowned=true")).containsExactly(unowned);
        assertThat(audit.findByEntityTypeAndEntityIdOrderByAt("commitment", robs))
                .last()
                .satisfies(e -> assertThat(e.getAfterState()).containsEntry("owner", "rita"))
                .satisfies(e -> assertThat(e.getActor()).isEqualTo("maria"));
    }

    List<Long> ids(String query) {
        Map page = as("cora").getForObject("/api/commitments" + query, Map.class);
        return ((List<Map<String, Object>>) page.get("content"))
                .stream().map(c -> ((Number) c.get("id")).longValue()).toList();
    }

    @Test
    void movedBackAndForthWithinSecondsOnlyTheLastOwnerIsToldAndOnlyOnce() {
        long id = create(commitment()); // rob made it for himself: nobody is mailed

        for (String owner : List.of("rita", "rob", "rita", "rob", "rita", "rita")) {
            reassign(id, owner);
        }
        dispatcher.dispatch();

        // each reassignment withdrew the queued "assigned" mails to earlier owners; the repeated one to
        // rita replaced hers rather than adding a second
        assertThat(assignedMails("rita@baton.example")).hasSize(1);
        assertThat(assignedMails("rob@baton.example")).isEmpty();

        reassign(id, "rob");
        reassign(id, "rob");
        dispatcher.dispatch();

        // rita's went out before it moved on, so it stays sent; rob is told once
        assertThat(assignedMails("rita@baton.example")).hasSize(1);
        assertThat(assignedMails("rob@baton.example")).hasSize(1);
    }

    void reassign(long id, String owner) {
        as("maria")
                .put(
                        "/api/commitments/" + id + "/owner",
                        Map.of(
                                "ownerId",
                                id(owner),
                                "version",
                                commitments.findById(id).orElseThrow().getVersion()));
        assertThat(commitments.findById(id).orElseThrow().getOwner().getId())
                .as("owner")
                .isEqualTo(id(owner));
    }

    /** The "Commitment assigned to you" mails to {@code address} about this test's account. */
    List<MimeMessage> assignedMails(String address) {
        return Mails.to(greenMail, address).stream()
                .filter(m -> Mails.subject(m).startsWith("Commitment assigned to you")
                        && Pattern.compile("/accounts/" + accountId + "(?!\\d)")
                                .matcher(GreenMailUtil.getBody(m))
                                .find())
                .toList();
    }

    @Test
    void refusesToAcceptWhatIsNotProposedOrToDeliverWhatWasRejectedOrCancelled() {
        long accepted = create(commitment());
        post("rob", accepted, "accept", null);
        long rejected = create(commitment());
        post("rob", rejected, "reject", Map.of("reason", "not in scope"));
        long cancelled = create(commitment());
        post("rob", cancelled, "cancel", Map.of("reason", "customer withdrew"));

        assertThat(post("rob", accepted, "accept", null).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(post("rob", rejected, "deliver", Map.of("evidence", "x")).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(post("maria", cancelled, "deliver", Map.of("evidence", "x")).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(commitments.findById(rejected).orElseThrow().getStatus()).isEqualTo(CommitmentStatus.REJECTED);
        assertThat(commitments.findById(cancelled).orElseThrow().getStatus()).isEqualTo(CommitmentStatus.CANCELLED);
    }

    @Test
    void registerCountsExportsAndShowsHistoryWithinTheFilteredScope() {
        long late = create(commitment("description", "Ship it, \"now\"\nplease"));
        long unowned = create(commitment("ownerId", null));
        long rejected = create(commitment());
        post("rob", rejected, "reject", Map.of("reason", "no"));

        Map summary = as("cora").getForObject("/api/commitments/summary?account=" + accountId, Map.class);
        ResponseEntity<String> csv =
                as("cora").getForEntity("/api/commitments/export.csv?account=" + accountId, String.class);
        List<Map> history = as("cora").getForObject("/api/commitments/" + rejected + "/history", List.class);

        // a rejected promise is still open (awaiting renegotiation): all three count
        assertThat(summary)
                .containsEntry("open", 3)
                .containsEntry("unowned", 1)
                .containsEntry("rejected", 1)
                .containsEntry("overdue", 0)
                .containsEntry("awaitingVerification", 0);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody())
                .startsWith("\uFEFFid,account_id,account,")
                .contains("\"Ship it, \"\"now\"\"\nplease\"")
                .contains(late + ",")
                .contains(unowned + ",");
        assertThat(csv.getBody().split("\r\n")).hasSize(4);
        assertThat(history)
                .extracting(e -> e.get("action"))
                .containsExactly("commitment.created", "commitment.rejected");
        assertThat(ids("?account=" + accountId + "&rejected=true")).containsExactly(rejected);
        assertThat(ids("?account=" + accountId + "&dueFrom=" + LocalDate.now().plusDays(11)))
                .isEmpty();
        assertThat(SignedIn.as(http, "cora")
                        .getForEntity("/commitments?account=" + accountId, String.class)
                        .getBody())
                .contains("/accounts/" + accountId)
                .contains("Commitment register");
    }
}
