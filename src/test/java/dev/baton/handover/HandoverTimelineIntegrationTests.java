package dev.baton.handover;

import static dev.baton.handover.engine.HandoverBpmn.Account.TASK_ACKNOWLEDGE;
import static dev.baton.handover.engine.HandoverBpmn.Account.TASK_INTRO_CALL;
import static dev.baton.handover.engine.HandoverBpmn.Account.TASK_WRITE_NOTE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.handover.HandoverFixture.Book;
import dev.baton.notification.OutboxDispatcher;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

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
