package dev.baton.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.baton.audit.AuditEvents;
import dev.baton.notification.OutboxDispatcher;
import dev.baton.people.People;
import dev.baton.shared.Dates;
import dev.baton.support.Mails;
import dev.baton.support.SignedIn;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
                                // ended everywhere: refused with the other fields, before the owner is known
                                LocalDate.now().minusDays(2).toString()),
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
        assertThat((String) notDelivered.getBody().get("detail")).contains("is accepted and cannot be verified");
        assertThat(commitments.findById(id).orElseThrow().getStatus()).isEqualTo(CommitmentStatus.ACCEPTED);
        assertThat(audit.findByEntityTypeAndEntityIdOrderByAt("commitment", id))
                .extracting(e -> e.getAction())
                .containsExactly("commitment.created", "commitment.accepted");
    }

    @Test
    void theOwnerCustomerSuccessOrAManagerMovesTheDueDateWithAReasonAuditedAndToldOnTheTimeline() {
        long id = create(commitment());
        LocalDate first = LocalDate.now().plusDays(10);
        LocalDate agreed = first.plusDays(14);
        Map<String, Object> move = Map.of("dueDate", agreed.toString(), "reason", "kickoff moved", "version", 0);

        assertThat(post("rita", id, "reschedule", move).getStatusCode())
                .as("a teammate who neither owns nor made it")
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> moved = post("cora", id, "reschedule", move);

        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(moved.getBody())
                .containsEntry("dueDate", agreed.toString())
                .containsEntry("status", "PROPOSED")
                .containsEntry("version", 1);
        assertThat(moved.getBody().get("statusReason"))
                .as("the move's reason is the history's, not the status's")
                .isNull();
        assertThat(audit.findByEntityTypeAndEntityIdOrderByAt("commitment", id))
                .filteredOn(e -> e.getAction().equals("commitment.rescheduled"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.getActor()).isEqualTo("cora");
                    assertThat(e.getBeforeState()).containsEntry("dueDate", first.toString());
                    assertThat(e.getAfterState())
                            .containsEntry("dueDate", agreed.toString())
                            .containsEntry("reason", "kickoff moved");
                });
        Map timeline = as("rob").getForObject("/api/accounts/" + accountId + "/timeline", Map.class);
        assertThat(((List<Map<String, Object>>) timeline.get("content")).getFirst())
                .containsEntry(
                        "summary",
                        people.findByUsername("cora").orElseThrow().getFullName()
                                + " moved the promise \"Deliver the SSO guide\" from " + Dates.calendarDay(first)
                                + " to "
                                + Dates.calendarDay(agreed)
                                + ": kickoff moved");
        assertThat(post("maria", id, "reschedule", Map.of("dueDate", first.toString(), "reason", "back", "version", 1))
                        .getStatusCode())
                .as("the owner's manager")
                .isEqualTo(HttpStatus.OK);
        assertThat(post("rob", id, "reschedule", Map.of("dueDate", agreed.toString(), "reason", "again"))
                        .getStatusCode())
                .as("the owner")
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aBadRescheduleIsA400NamingTheFieldAndChangesNothing() {
        long id = create(commitment());
        LocalDate due = LocalDate.now().plusDays(10);
        Map<String, Object> valid = Map.of("dueDate", due.plusDays(1).toString(), "reason", "kickoff moved");

        assertThat(refusedAt(id, without(valid, "reason"))).containsOnlyKeys("reason");
        assertThat(refusedAt(id, with(valid, "reason", "  "))).containsOnlyKeys("reason");
        assertThat(refusedAt(id, with(valid, "reason", "x".repeat(Commitment.NOTE_MAX + 1))))
                .containsOnlyKeys("reason");
        assertThat(refusedAt(id, without(valid, "dueDate"))).containsOnlyKeys("dueDate");
        assertThat(refusedAt(id, with(valid, "dueDate", "next week"))).containsOnlyKeys("dueDate");
        assertThat(refusedAt(id, with(valid, "dueDate", "2999-01-01"))).containsOnlyKeys("dueDate");
        assertThat(refusedAt(
                        id, with(valid, "dueDate", LocalDate.now().minusDays(1).toString())))
                .containsEntry("dueDate", "must be today or later where the owner is");
        assertThat(refusedAt(id, with(valid, "dueDate", due.toString())))
                .containsEntry("dueDate", "is the due date already");

        Commitment unchanged = commitments.findById(id).orElseThrow();
        assertThat(unchanged.getDueDate()).isEqualTo(due);
        assertThat(unchanged.getVersion()).isZero();
        assertThat(audit.findByEntityTypeAndEntityIdOrderByAt("commitment", id))
                .extracting(e -> e.getAction())
                .doesNotContain("commitment.rescheduled");
    }

    @Test
    void aRescheduleAtAStaleVersionOrOfADeliveredCommitmentIsAConflict() {
        long id = create(commitment());
        post("rob", id, "accept", Map.of("version", 0));
        String later = LocalDate.now().plusDays(30).toString();

        assertThat(post("rob", id, "reschedule", Map.of("dueDate", later, "reason", "x", "version", 0))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        post("rob", id, "deliver", Map.of("evidence", "https://docs/sso"));
        assertThat(post("rob", id, "reschedule", Map.of("dueDate", later, "reason", "x"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(commitments.findById(id).orElseThrow().getDueDate()).isNotEqualTo(LocalDate.parse(later));
    }

    @Test
    void theCommitmentsPageMovesTheDueDateAndSaysAtTheDateWhyItDidNot() {
        long id = create(commitment());
        LocalDate due = LocalDate.now().plusDays(10);
        assertThat(SignedIn.as(http, "rita").getForObject("/commitments/" + id, String.class))
                .doesNotContain("Move the due date");

        String refused =
                submit("rob", id, "reschedule", "dueDate=" + LocalDate.now().minusDays(1) + "&text=moved");
        assertThat(refused)
                .contains("Nothing changed: the new due date must be today or later where the owner is")
                .contains("id=\"dueDate-reschedule-error\"");
        assertThat(refused)
                .as("the form comes back as sent: its reason and its date, not the due date it has")
                .containsPattern("id=\"text-reschedule\"[^>]*>moved</textarea>")
                .containsPattern("name=\"dueDate\" id=\"dueDate-reschedule\"[^>]*value=\""
                        + LocalDate.now().minusDays(1));
        assertThat(submit("rob", id, "reschedule", "dueDate=" + due.plusDays(5) + "&text="))
                .contains("Nothing changed: say why the date moves");
        // found by a probe: a date typed the local way was answered "choose the new due date"
        assertThat(submit("rob", id, "reschedule", "dueDate=18.12.2026&text=moved"))
                .contains("Nothing changed: the new due date &#39;18.12.2026&#39; is not a date like 2026-01-31");
        assertThat(submit("rob", id, "reschedule", "dueDate=&text=moved"))
                .contains("Nothing changed: choose the new due date");
        assertThat(commitments.findById(id).orElseThrow().getDueDate()).isEqualTo(due);

        String done = submit("rob", id, "reschedule", "dueDate=" + due.plusDays(5) + "&text=kickoff+moved");
        assertThat(done).contains("Done: the promise is due on its new date.", "Move the due date");
        assertThat(commitments.findById(id).orElseThrow().getDueDate()).isEqualTo(due.plusDays(5));
    }

    /**
     * Found by a probe: the commitment's page wrote "2026-11-23" where the register writes "Mon 23 Nov
     * 2026", and after a reschedule its status read "Accepted : Customer asked to move…", the move's reason
     * shown as the status's with a stray space. The reason now stays in the history, with its dates as
     * days.
     */
    @Test
    void theCommitmentsPageWritesDaysAsTheRegisterDoesAndKeepsAMovesReasonInItsHistory() {
        long id = create(commitment());
        LocalDate first = LocalDate.now().plusDays(10);
        LocalDate agreed = first.plusDays(3);
        post("rob", id, "accept", Map.of("version", 0));
        assertThat(post(
                                "rob",
                                id,
                                "reschedule",
                                Map.of("dueDate", agreed.toString(), "reason", "customer asked", "version", 1))
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);

        String page = SignedIn.as(http, "rob").getForObject("/commitments/" + id, String.class);

        assertThat(page)
                .contains("<strong>Accepted</strong></dd>")
                .containsPattern("<dt class=\"col-sm-3\">Due</dt>\\s*<dd class=\"col-sm-9\"><span>"
                        + Dates.calendarDay(agreed) + " · ")
                .contains("from " + Dates.calendarDay(first) + " to " + Dates.calendarDay(agreed) + ": customer asked");
    }

    @Test
    void thePagesActionsAreHeldToTheApisLimitsAndChangeNothingWhenRefused() {
        long id = create(commitment());
        String tooLong = "x".repeat(Commitment.NOTE_MAX + 1);
        assertThat(submit("rob", id, "cancel", "text=" + tooLong))
                .contains("Nothing changed: the reason must be at most 4,000 characters")
                .as("what was typed is in the refused form, to shorten rather than type again")
                .containsPattern("id=\"text-cancel\"[^>]*>" + tooLong + "</textarea>")
                .as("and only there")
                .containsPattern("id=\"text-reject\"[^>]*></textarea>");
        assertThat(submit("rob", id, "cancel", "text=no%07longer")).contains("Nothing changed: the reason ");
        assertThat(commitments.findById(id).orElseThrow().getStatus()).isEqualTo(CommitmentStatus.PROPOSED);
        assertThat(commitments.findById(id).orElseThrow().getStatusReason()).isNull();
    }

    /** Posts the commitment page's form for {@code action} as {@code user}; returns the page shown after it. */
    private String submit(String user, long id, String action, String fields) {
        // a browser of its own that shows the redirect, to follow it with the session
        TestRestTemplate browser = new TestRestTemplate(new RestTemplateBuilder()
                .rootUri(http.getRootUri())
                .redirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW)
                .defaultHeader(HttpHeaders.COOKIE, SignedIn.signIn(http.getRootUri(), user, "demo")));
        String page = browser.getForObject("/commitments/" + id, String.class);
        assertThat(page).contains("/commitments/" + id + "/" + action);
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
        assertThat(version.find()).isTrue();
        HttpHeaders form = new HttpHeaders();
        form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> posted = browser.exchange(
                "/commitments/" + id + "/" + action,
                HttpMethod.POST,
                new HttpEntity<>(fields + "&version=" + version.group(1) + "&_csrf=" + csrf.group(1), form),
                String.class);
        assertThat(posted.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(posted.getHeaders().getLocation()).hasPath("/commitments/" + id);
        return browser.getForObject("/commitments/" + id, String.class);
    }

    /** Reschedules as rob (the owner) and returns the fields the 400 names. */
    private Map<String, Object> refusedAt(long id, Map<String, Object> body) {
        ResponseEntity<Map> refused = post("rob", id, "reschedule", body);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        return (Map<String, Object>) refused.getBody().get("errors");
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(key, value);
        return changed;
    }

    private static Map<String, Object> without(Map<String, Object> body, String key) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.remove(key);
        return changed;
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
        assertThat(assignedMails(id, "rita@baton.example")).hasSize(1);
        assertThat(assignedMails(id, "rob@baton.example")).isEmpty();

        reassign(id, "rob");
        reassign(id, "rob");
        dispatcher.dispatch();

        // rita's went out before it moved on, so it stays sent; rob is told once
        assertThat(assignedMails(id, "rita@baton.example")).hasSize(1);
        assertThat(assignedMails(id, "rob@baton.example")).hasSize(1);
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

    /** The "Commitment assigned to you" mails to {@code address} about the commitment (they link to its page). */
    List<MimeMessage> assignedMails(long commitmentId, String address) {
        return Mails.to(greenMail, address).stream()
                .filter(m -> Mails.subject(m).startsWith("Commitment assigned to you")
                        && Pattern.compile("/commitments/" + commitmentId + "(?!\\d)")
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

    /**
     * Found by a probe: the register's rows, the commitment's page and the account's list of promises
     * named who made and who owns a promise by user name ("rob"). The export keeps its user-name
     * columns where they were and adds the names at the end; the API keeps its user names too.
     */
    @Test
    void thePagesNameWhoMadeAndWhoOwnsAPromiseByFullNameAndTheExportAddsTheNames() {
        long id = create(commitment("ownerId", id("rita")));
        TestRestTemplate cora = SignedIn.as(http, "cora");

        String register = cora.getForObject("/commitments?account=" + accountId, String.class);
        String detail = cora.getForObject("/commitments/" + id, String.class);
        String account = cora.getForObject("/accounts/" + accountId, String.class);
        String[] csv = as("cora")
                .getForObject("/api/commitments/export.csv?account=" + accountId, String.class)
                .split("\r\n");
        Map json = as("cora").getForObject("/api/commitments/" + id, Map.class);

        assertThat(register).containsPattern("(?s)<td>Rob Jansen</td>\\s*<td>Rita Okafor</td>");
        assertThat(detail)
                .contains("Promised by</dt><dd class=\"col-sm-9\">Rob Jansen</dd>")
                .contains("Owner</dt><dd class=\"col-sm-9\">Rita Okafor</dd>");
        assertThat(account).contains("<td>Rita Okafor</td>").doesNotContain("<td>rita</td>");
        assertThat(csv[0])
                .startsWith("\uFEFFid,account_id,account,description,made_by,owner,")
                .endsWith(",made_by_name,owner_name");
        assertThat(csv[1]).contains(",rob,rita,").endsWith(",Rob Jansen,Rita Okafor");
        assertThat(json)
                .containsEntry("madeByUsername", "rob")
                .containsEntry("ownerUsername", "rita")
                .containsEntry("madeByName", "Rob Jansen")
                .containsEntry("ownerName", "Rita Okafor");
    }

    /** Found by a probe: a due window from after its end showed an empty register, as if nothing were due. */
    @Test
    @SuppressWarnings("unchecked")
    void aDueWindowThatEndsBeforeItStartsIsA400AtDueFromInTheListCountsExportAndPage() {
        String query = "?dueFrom=2026-12-20&dueTo=2026-12-01";
        String message = "must be on or before dueTo (2026-12-01)";

        for (String path : List.of("/api/commitments", "/api/commitments/summary")) {
            ResponseEntity<Map> answer = as("cora").getForEntity(path + query, Map.class);
            assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat((Map<String, String>) answer.getBody().get("errors"))
                    .as(path)
                    .containsExactly(Map.entry("dueFrom", message));
        }
        ResponseEntity<String> csv = as("cora").getForEntity("/api/commitments/export.csv" + query, String.class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<String> page = SignedIn.as(http, "cora").getForEntity("/commitments" + query, String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(page.getBody()).contains("dueFrom", message);
        // one day is a window too
        assertThat(ids("?dueFrom=2026-12-01&dueTo=2026-12-01")).isNotNull();
    }

    /**
     * Found by a probe: a filter the register cannot use was a bare 400 error page, the user's other
     * filters lost. The page says it at the filter's field, keeps the rest and lists nothing.
     */
    @Test
    void aFilterTheRegisterPageCannotUseIsToldAtItsFieldWithTheOtherFiltersKeptAndNoRows() {
        create(commitment());
        TestRestTemplate cora = SignedIn.as(http, "cora");
        String account = "account=" + accountId;

        HttpHeaders browser = new HttpHeaders();
        browser.setAccept(List.of(MediaType.TEXT_HTML));
        Function<String, ResponseEntity<String>> page = query ->
                cora.exchange("/commitments?" + query, HttpMethod.GET, new HttpEntity<>(browser), String.class);

        ResponseEntity<String> window =
                page.apply("status=PROPOSED&" + account + "&dueFrom=2026-12-20&dueTo=2026-12-01");
        ResponseEntity<String> noDate = page.apply("open=true&" + account + "&dueTo=2026-02-30");
        ResponseEntity<String> nobody = page.apply(account + "&owner=999999999");

        for (ResponseEntity<String> answer : List.of(window, noDate, nobody)) {
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getBody())
                    .contains("Commitment register", "Nothing listed: see the message at the filter.")
                    .contains("id=\"account\" name=\"account\" type=\"number\" value=\"" + accountId + "\"")
                    .doesNotContain("Deliver the SSO guide", "This request could not be done");
        }
        assertThat(window.getBody())
                .contains("id=\"dueFrom-error\">must be on or before dueTo (2026-12-01)</div>")
                .containsPattern("value=\"PROPOSED\"[^>]*selected")
                .contains("value=\"2026-12-20\"", "value=\"2026-12-01\"");
        assertThat(noDate.getBody())
                .containsPattern("id=\"dueTo-error\">[^<]*2026-02-30[^<]* is not a date like 2026-01-31</div>")
                .contains("value=\"2026-02-30\"")
                .containsPattern("name=\"open\" value=\"true\" checked");
        assertThat(nobody.getBody()).contains("id=\"owner-error\">no person 999999999</div>");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOwnerTeamOrAccountIdThatNamesNothingIsA400NamingItInTheListCountsExportAndPage() {
        Map<String, String> unknown = Map.of(
                "owner", "no person 999999999",
                "team", "no team 999999999",
                "account", "no account 999999999");

        unknown.forEach((parameter, message) -> {
            String query = "?" + parameter + "=999999999";
            for (String path : List.of("/api/commitments", "/api/commitments/summary")) {
                ResponseEntity<Map> answer = as("cora").getForEntity(path + query, Map.class);
                assertThat(answer.getStatusCode()).as(path + query).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat((Map<String, String>) answer.getBody().get("errors"))
                        .as(path + query)
                        .containsExactly(Map.entry(parameter, message));
            }
            ResponseEntity<String> csv = as("cora").getForEntity("/api/commitments/export.csv" + query, String.class);
            ResponseEntity<String> page = SignedIn.as(http, "cora").getForEntity("/commitments" + query, String.class);
            assertThat(csv.getStatusCode()).as("export " + query).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(csv.getBody()).as("export " + query).contains(parameter, message);
            assertThat(page.getStatusCode()).as("page " + query).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(page.getBody()).as("page " + query).contains(message);
        });
        // beside a real id the unknown one is still told (the list checks ids when nothing matched)
        ResponseEntity<Map> mixed =
                as("cora").getForEntity("/api/commitments?account=" + accountId + "&owner=999999999", Map.class);
        assertThat(mixed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, String>) mixed.getBody().get("errors"))
                .containsExactly(Map.entry("owner", "no person 999999999"));
        // three unknown ids: each named in one answer
        ResponseEntity<Map> three =
                as("cora").getForEntity("/api/commitments?owner=999999999&team=999999999&account=999999999", Map.class);
        assertThat(three.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, String>) three.getBody().get("errors")).isEqualTo(unknown);
        // a real account with no commitments (made in @BeforeEach) is still an empty register, not a 400
        assertThat(ids("?account=" + accountId)).isEmpty();
        assertThat(as("cora").getForObject("/api/commitments/summary?account=" + accountId, Map.class))
                .containsEntry("open", 0);
        assertThat(SignedIn.as(http, "cora")
                        .getForEntity("/commitments?account=" + accountId + "&owner=" + id("rob"), String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }
}
