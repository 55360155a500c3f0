package dev.baton.stewardship;

import static dev.baton.stewardship.engine.StewardshipBpmn.TASK_NAME_SUCCESSOR;
import static dev.baton.stewardship.engine.StewardshipBpmn.TASK_REVIEW_CONTACTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import dev.baton.notification.OutboxDispatcher;
import dev.baton.support.Race;
import dev.baton.task.Task;
import jakarta.mail.Message;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * The stewardship through the API with the real database, engine and mail server: the run, the
 * owner's mail and task, outcomes (and the bad ones refused at their field), the contact retired with
 * its history, the follow-up task and its answer refused until it names a usable successor.
 */
class StewardshipIntegrationTests extends StewardshipTest {

    @Autowired
    StewardshipService service;

    @Autowired
    StewardshipReviews reviews;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    GreenMail greenMail;

    @Test
    void aReviewIsOpenedOncePerOwnerAndPeriodAndItsOwnerIsToldByMail() throws Exception {
        long account = account();
        contact(account, "Una Unverified", true);

        List<Optional<Long>> both = Race.twiceAtOnce(() -> service.open(ownerId()));
        assertThat(both)
                .as("two instances at once open one review")
                .filteredOn(Optional::isPresent)
                .hasSize(1);
        long review = both.stream().flatMap(Optional::stream).findFirst().orElseThrow();
        assertThat(run.run(List.of(ownerId())))
                .as("a later run in the same period opens nothing")
                .isEmpty();

        awaitOpenTask("stewardship", review, TASK_REVIEW_CONTACTS);
        dispatcher.dispatch();
        assertThat(greenMail.getReceivedMessages())
                .anyMatch(m ->
                        to(m).contains(owner + "@baton.example") && subject(m).contains("Review contacts"));
        assertThat(reviews.findAll())
                .filteredOn(r -> r.getOwnerId() == ownerId())
                .hasSize(1);
    }

    @Test
    void outcomesAreCheckedTheContactWhoLeftIsRetiredAndTheFollowUpWantsAUsableSuccessor() {
        long account = account();
        long leaving = contact(account, "Lea Leaving", true);
        long other = contact(account, "Otto Other", false);
        long review = openReview();
        Task task = awaitOpenTask("stewardship", review, TASK_REVIEW_CONTACTS);

        Map<?, ?> unknown = outcome(review, leaving, Map.of("outcome", "moved"), HttpStatus.BAD_REQUEST);
        assertThat(errors(unknown)).containsKey("outcome");
        Map<?, ?> noDetails = outcome(review, other, Map.of("outcome", "changed"), HttpStatus.BAD_REQUEST);
        assertThat(errors(noDetails)).containsKey("details");
        Map<String, Object> badEmail = new HashMap<>(Map.of("fullName", "Otto Other", "email", "not-an-address"));
        Map<?, ?> invalid =
                outcome(review, other, Map.of("outcome", "changed", "details", badEmail), HttpStatus.BAD_REQUEST);
        assertThat(errors(invalid)).containsKey("details.email");
        assertThat(as("rob")
                        .postForEntity(
                                "/api/stewardship/" + review + "/contacts/" + leaving,
                                Map.of("outcome", "left"),
                                Map.class)
                        .getStatusCode())
                .as("only the owner (or an admin) records outcomes")
                .isEqualTo(HttpStatus.FORBIDDEN);

        outcome(review, leaving, Map.of("outcome", "left"), HttpStatus.OK);
        outcome(review, leaving, Map.of("outcome", "verified"), HttpStatus.CONFLICT);
        Map<?, ?> early = completeTask(task, Map.of("reviewed", true), HttpStatus.BAD_REQUEST);
        assertThat(errors(early)).containsKey("reviewed");
        outcome(review, other, Map.of("outcome", "verified"), HttpStatus.OK);
        completeTask(task, Map.of("reviewed", true), HttpStatus.OK);

        assertThat(contactView(leaving))
                .containsEntry("fullName", "Lea Leaving")
                .containsEntry("primary", false);
        assertThat(contactView(leaving).get("retiredAt")).isNotNull();
        Task followUp = awaitOpenTask("contact-left", leaving, TASK_NAME_SUCCESSOR);
        Map<?, ?> nobody = completeTask(followUp, Map.of("introductionPlan", "Call"), HttpStatus.BAD_REQUEST);
        assertThat(errors(nobody)).containsKey("successorContactId");
        Map<?, ?> retired = completeTask(
                followUp, Map.of("successorContactId", leaving, "introductionPlan", "Call"), HttpStatus.BAD_REQUEST);
        assertThat(errors(retired)).containsKey("successorContactId");
        Map<?, ?> badNew = completeTask(
                followUp,
                Map.of(
                        "successorFullName",
                        "Nora New",
                        "successorEmail",
                        "nora at customer",
                        "introductionPlan",
                        "Call"),
                HttpStatus.BAD_REQUEST);
        assertThat(errors(badNew)).containsKey("successorEmail");
        completeTask(followUp, Map.of("successorContactId", other, "introductionPlan", "Call"), HttpStatus.OK);

        sent.awaitEnded(followUp.getProcessInstanceKey());
        assertThat(contactView(other)).containsEntry("primary", true);
    }

    private static String to(jakarta.mail.internet.MimeMessage m) {
        try {
            return Arrays.toString(m.getRecipients(Message.RecipientType.TO));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(jakarta.mail.internet.MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
