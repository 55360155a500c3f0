package dev.baton.stewardship;

import static dev.baton.stewardship.engine.StewardshipBpmn.TASK_NAME_SUCCESSOR;
import static dev.baton.stewardship.engine.StewardshipBpmn.TASK_REVIEW_CONTACTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import dev.baton.notification.OutboxDispatcher;
import dev.baton.support.Mails;
import dev.baton.support.Race;
import dev.baton.support.SignedIn;
import dev.baton.task.Task;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

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
        long una = contact(account, "Una Unverified", true);

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
        assertThat(Mails.to(greenMail, owner + "@baton.example"))
                .anyMatch(m -> Mails.subject(m).contains("Review contacts"));
        assertThat(reviews.findAll())
                .filteredOn(r -> r.getOwnerId() == ownerId())
                .hasSize(1);

        // the task's subject links to the review's page, where the owner records outcomes
        HttpHeaders session = new HttpHeaders();
        session.add(HttpHeaders.COOKIE, SignedIn.signIn(http.getRootUri(), owner, PASSWORD));
        String page = http.exchange("/stewardship/" + review, HttpMethod.GET, new HttpEntity<>(session), String.class)
                .getBody();
        assertThat(page).contains("Una Unverified", "Left the company");
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        session.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        // found by a probe: the page answered "No enum constant dev.baton.stewardship..."
        var bogus = http.exchange(
                "/stewardship/" + review + "/contacts/" + una,
                HttpMethod.POST,
                new HttpEntity<>("outcome=bogus&_csrf=" + csrf.group(1), session),
                String.class);
        assertThat(bogus.getStatusCode().isError()).isFalse(); // redirected back to the page, which says why
        assertThat(http.exchange("/stewardship/" + review, HttpMethod.GET, new HttpEntity<>(session), String.class)
                        .getBody())
                .contains("Nothing recorded: &#39;bogus&#39; is not verified, changed or left.")
                .doesNotContain("enum", "dev.baton");
        assertThat(service.view(review).contacts())
                .singleElement()
                .satisfies(c -> assertThat(c.outcome()).isNull());
        var posted = http.exchange(
                "/stewardship/" + review + "/contacts/" + una,
                HttpMethod.POST,
                new HttpEntity<>("outcome=verified&_csrf=" + csrf.group(1), session),
                String.class);
        assertThat(posted.getStatusCode().isError()).isFalse(); // redirected back to the page
        assertThat(service.view(review).contacts())
                .singleElement()
                .satisfies(c -> assertThat(c.outcome()).isEqualTo(StewardshipContact.Outcome.VERIFIED));
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
        long stranger = contact(account(), "Sam Stranger", false);
        assertThat(outcome(review, stranger, Map.of("outcome", "verified"), HttpStatus.NOT_FOUND))
                .containsEntry("detail", "contact " + stranger + " is not part of stewardship review " + review);

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
}
