package dev.baton.handover;

import static dev.baton.handover.engine.HandoverBpmn.Account.TASK_ACKNOWLEDGE;
import static dev.baton.handover.engine.HandoverBpmn.Account.TASK_INTRO_CALL;
import static dev.baton.handover.engine.HandoverBpmn.Account.TASK_WRITE_NOTE;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import dev.baton.handover.HandoverFixture.Book;
import dev.baton.notification.OutboxDispatcher;
import dev.baton.support.Mails;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The handover's part of the account's timeline tells what happened (found by the session 40 probe): the
 * introduction mail's entry said "queued for sending" after it went out; an opted-out customer's account
 * said nothing of the introduction it did not get; and the acknowledgement stood under Baton, not the
 * person who acknowledged.
 */
@SuppressWarnings({"rawtypes", "unchecked"}) // TestRestTemplate answers with raw Map bodies
class HandoverTimelineIntegrationTests extends HandoverBookTest {

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    HandoverSteps steps;

    @Autowired
    HandoverItems items;

    @Autowired
    HandoverMails mails;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    GreenMail greenMail;

    @Test
    void theIntroductionEntrySaysTheMailWentOutAndTheAcknowledgementIsTheSuccessors() {
        Book launched = fixture.launch(book, true, this::as);
        complete(book.departing(), TASK_WRITE_NOTE, HandoverFixture.NOTE);
        complete(book.successor(), TASK_ACKNOWLEDGE, Map.of("acknowledgement", "acknowledge"));
        fixture.awaitOpen(launched, TASK_INTRO_CALL);

        assertThat(summaries()).contains("The introduction mail to the customer was queued for sending");
        dispatcher.dispatch();

        assertThat(entries())
                .as("the outbox's word, not the moment it was queued")
                .anySatisfy(
                        e -> assertThat(e.get("summary")).isEqualTo("The introduction mail went out to the customer"))
                .noneSatisfy(e -> assertThat((String) e.get("summary")).contains("queued"))
                .anySatisfy(e -> assertThat(e)
                        .containsEntry("summary", book.successor().getFullName() + " acknowledged the handover note")
                        .as("recorded on behalf of who completed the step, as a question is")
                        .containsEntry("who", book.successor().getFullName()));
    }

    @Test
    void anOptedOutCustomerHasTheMissingIntroductionOnTheTimelineOnce() {
        Map<String, Object> request = HandoverFixture.launchRequest(
                book,
                "LEAVING",
                Map.of("mode", "ONE", "successorId", book.successor().getId()));
        request.put("introOptOut", List.of(book.account().getId()));
        ResponseEntity<Map> started = as("maria").postForEntity("/api/handovers", request, Map.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = ((Number) ((Map) started.getBody().get("handover")).get("id")).longValue();
        Book launched = new Book(book.departing(), book.successor(), book.account(), id);
        complete(book.departing(), TASK_WRITE_NOTE, HandoverFixture.NOTE);
        complete(book.successor(), TASK_ACKNOWLEDGE, Map.of("acknowledgement", "acknowledge"));
        fixture.awaitOpen(launched, TASK_INTRO_CALL);
        // the engine delivers the recording job again (at least once): nothing is recorded twice
        long item = items.findByHandoverIdAndAccountId(id, book.account().getId())
                .orElseThrow()
                .getId();
        steps.acknowledge(item, false, null, book.successor().getUsername());

        List<String> said = summaries();
        assertThat(said)
                .filteredOn(s -> s.startsWith("No introduction mail was sent"))
                .containsExactly(
                        "No introduction mail was sent: the customer is not to get one (chosen at the handover's launch)");
        assertThat(said)
                .filteredOn(s -> s.contains("acknowledged the handover note"))
                .hasSize(1);
        assertThat(said).noneMatch(s -> s.contains("introduction mail to the customer was queued"));
    }

    /**
     * Found by probe 47: the handover's {@code introSentAt} and the timeline's "went out" gave the moment the
     * introduction was queued, also after an admin sent a failed one again minutes later.
     */
    @Test
    void aSentIntroductionIsDatedByWhenTheMailWentOutAlsoAfterAnAdminSentItAgain() {
        Book launched = fixture.launch(book, true, this::as);
        complete(book.departing(), TASK_WRITE_NOTE, HandoverFixture.NOTE);
        complete(book.successor(), TASK_ACKNOWLEDGE, Map.of("acknowledgement", "acknowledge"));
        fixture.awaitOpen(launched, TASK_INTRO_CALL);
        long itemId = ((Number) item(launched).get("itemId")).longValue();
        assertThat(item(launched)).containsEntry("introMail", "WAITING").containsEntry("introSentAt", null);

        dispatcher.dispatch();

        Instant sent = sentAt(itemId);
        assertThat(item(launched)).containsEntry("introMail", "SENT");
        assertThat(Instant.parse((String) item(launched).get("introSentAt"))).isEqualTo(sent);
        assertThat(wentOut()).isEqualTo(sent);

        // as probe 47 did: the mail marked failed (no failure event), then sent again by an admin
        long mailId = jdbc.queryForObject(
                "update outbox_message set status = 'FAILED', sent_at = null where dedup_key = 'handover-intro:' || ?"
                        + " returning id",
                Long.class,
                itemId);
        assertThat(as("ada")
                        .postForEntity("/api/admin/mail/" + mailId + "/retry", null, Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        dispatcher.dispatch();

        Instant again = sentAt(itemId);
        assertThat(again).isAfter(sent);
        assertThat(Instant.parse((String) item(launched).get("introSentAt"))).isEqualTo(again);
        assertThat(wentOut()).isEqualTo(again);
    }

    /**
     * Found by probe 47: a primary contact without an address, or none marked primary, was "the account has no
     * contact to write to" on the timeline alone, with a send time on the handover, and the successor never knew.
     */
    @Test
    void anIntroductionWithNobodyToGoToSaysWhatIsMissingTellsTheSuccessorAndHasNoSendTime() {
        Map<String, Object> contact = jdbc.queryForMap(
                "select id, full_name, version from contact where account_id = ? and primary_contact",
                book.account().getId());
        Map<String, Object> blank = new java.util.HashMap<>(Map.of(
                "fullName", contact.get("full_name"), "email", "", "primary", true, "version", contact.get("version")));
        blank.put("title", null);
        blank.put("phone", null);
        blank.put("preferences", null);
        assertThat(as(book.departing().getUsername())
                        .exchange(
                                "/api/contacts/" + contact.get("id"),
                                org.springframework.http.HttpMethod.PUT,
                                new org.springframework.http.HttpEntity<>(blank),
                                Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForObject("select email from contact where id = ?", String.class, contact.get("id")))
                .as("a blank address is none")
                .isNull();
        Book launched = fixture.launch(book, true, this::as);
        complete(book.departing(), TASK_WRITE_NOTE, HandoverFixture.NOTE);
        complete(book.successor(), TASK_ACKNOWLEDGE, Map.of("acknowledgement", "acknowledge"));
        fixture.awaitOpen(launched, TASK_INTRO_CALL);
        String missing = "the primary contact " + contact.get("full_name") + " has no e-mail address";

        assertThat(item(launched)).containsEntry("introMail", "NO_CONTACT").containsEntry("introSentAt", null);
        assertThat(summaries()).contains("No introduction mail went out: " + missing);
        dispatcher.dispatch();
        assertThat(Mails.to(greenMail, book.successor().getEmail()))
                .filteredOn(m -> Mails.subject(m)
                        .equals("No introduction mail went to " + book.account().getName()))
                .singleElement()
                .satisfies(m -> assertThat(Mails.text(m))
                        .contains(missing, "/accounts/" + book.account().getId()));

        jdbc.update("update contact set primary_contact = false where id = ?", contact.get("id"));
        assertThat(mails.nobodyToIntroduce(book.account().getId())).contains("no contact is marked primary");
        jdbc.update("delete from contact where id = ?", contact.get("id"));
        assertThat(mails.nobodyToIntroduce(book.account().getId())).contains("the account has no contacts");
    }

    private Map item(Book launched) {
        Map page = (Map) as("maria")
                .getForObject("/api/handovers/" + launched.id(), Map.class)
                .get("items");
        return (Map) ((List) page.get("content")).get(0);
    }

    private Instant sentAt(long itemId) {
        return jdbc.queryForObject(
                        "select sent_at from outbox_message where dedup_key = 'handover-intro:' || ?",
                        java.sql.Timestamp.class,
                        itemId)
                .toInstant();
    }

    /** When the timeline says the introduction mail went out. */
    private Instant wentOut() {
        return entries().stream()
                .filter(e -> "The introduction mail went out to the customer".equals(e.get("summary")))
                .map(e -> Instant.parse((String) e.get("when")))
                .findFirst()
                .orElseThrow();
    }

    private List<Map> entries() {
        return (List<Map>) as("maria")
                .getForObject("/api/accounts/" + book.account().getId() + "/timeline", Map.class)
                .get("content");
    }

    private List<String> summaries() {
        return entries().stream().map(e -> (String) e.get("summary")).toList();
    }

    private void complete(dev.baton.people.Person who, String elementId, Map<String, Object> values) {
        HandoverFixture.complete(tasks, as(who.getUsername()), who, elementId, values);
    }
}
