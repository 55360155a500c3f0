package dev.baton.stewardship;

import static dev.baton.stewardship.engine.StewardshipBpmn.TASK_NAME_SUCCESSOR;
import static dev.baton.stewardship.engine.StewardshipBpmn.TASK_REVIEW_CONTACTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import dev.baton.notification.OutboxDispatcher;
import dev.baton.support.Mails;
import dev.baton.support.Race;
import dev.baton.support.SignedIn;
import dev.baton.task.Task;
import dev.baton.task.TaskStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

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

    @Autowired
    JdbcTemplate jdbc;

    /** The owner's browser: signed in through the form, redirects followed as a browser does. */
    private TestRestTemplate browser() {
        return new TestRestTemplate(new RestTemplateBuilder()
                .rootUri(http.getRootUri())
                .defaultHeader(HttpHeaders.COOKIE, SignedIn.signIn(http.getRootUri(), owner, PASSWORD)));
    }

    /**
     * Posts one contact's form from {@code page}; the redirect back is followed without the session, so
     * the page is read again with it: what it says next.
     */
    private String press(TestRestTemplate browser, long review, long contact, String form, String page) {
        var pressed = browser.postForEntity(
                "/stewardship/" + review + "/contacts/" + contact,
                new HttpEntity<>(form, SignedIn.formOf(page)),
                String.class);
        assertThat(pressed.getStatusCode().isError()).as("%s", pressed).isFalse();
        return browser.getForObject("/stewardship/" + review, String.class);
    }

    /** Records an outcome through the API as {@code user}, not the owner: the answer's status. */
    private org.springframework.http.HttpStatusCode recordAs(String user, long review, long contact, String outcome) {
        return as(user).postForEntity(
                        "/api/stewardship/" + review + "/contacts/" + contact, Map.of("outcome", outcome), Map.class)
                .getStatusCode();
    }

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
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aContactWhoLeftIsNoLongerStaleInDataQualityTheTrustReportOrTheAccountsContacts() {
        long account = account();
        long leaving = contact(account, "Lea Leaving", true);
        long other = contact(account, "Otto Other", false);
        long review = openReview();

        outcome(review, leaving, Map.of("outcome", "left"), HttpStatus.OK);

        Map page =
                as("ada").getForObject("/api/data-quality/findings?kind=STALE_CONTACT&owner={o}", Map.class, ownerId());
        assertThat((List<Map>) page.get("content"))
                .as("only the contact still at the customer is stale")
                .extracting(f -> ((Number) f.get("subjectId")).longValue())
                .containsExactly(other);
        Map summary = as("ada").getForObject("/api/data-quality", Map.class);
        assertThat((List<Map>) summary.get("owners"))
                .filteredOn(o -> o.get("ownerId") != null && ((Number) o.get("ownerId")).longValue() == ownerId())
                .singleElement()
                .satisfies(o -> assertThat((Map) o.get("counts")).containsEntry("STALE_CONTACT", 1));
        assertThat(SignedIn.as(http, "ada")
                        .getForObject("/data-quality?kind=STALE_CONTACT&owner={o}", String.class, ownerId()))
                .contains("Otto Other")
                .doesNotContain("Lea Leaving");
        assertThat(as("ada").getForObject("/api/accounts/" + account + "/contacts?stale=true", List.class))
                .extracting(c -> ((Map) c).get("fullName"))
                .containsExactly("Otto Other");
        Map trust = as("ada").getForObject("/api/reports/trust", Map.class);
        assertThat((List<Map>) trust.get("reps"))
                .filteredOn(r -> owner.equals(r.get("key")))
                .singleElement()
                .satisfies(r -> assertThat((Map) r.get("figures"))
                        .as("the trust report counts the contacts still there, none fresh")
                        .containsEntry("contacts", 1)
                        .containsEntry("contactsFreshPct", 0.0));
    }

    @Test
    void theReviewPageSpeaksTheOwnersLanguageAndTheTaskCompletesWithTheLastOutcome() {
        asOwner().put("/api/people/me/time-zone", Map.of("timeZone", "America/Los_Angeles"));
        long account = account();
        long otto = contact(account, "Otto Other", false);
        long vera = contact(account, "Vera Verified", false);
        // verified once, long ago: in Los Angeles still the evening of Sunday 9 March
        jdbc.update(
                "update contact set last_verified_at = ?::timestamptz where id = ?",
                "2025-03-10T05:50:00.257435Z",
                otto);
        long review = openReview();
        Task task = awaitOpenTask("stewardship", review, TASK_REVIEW_CONTACTS);
        TestRestTemplate browser = browser();

        String page = browser.getForObject("/stewardship/" + review, String.class);
        assertThat(page).contains("for Sam Steward.", "Sun 9 Mar 2025").doesNotContain("2025-03-10T", "for " + owner);

        String form = "outcome=changed&fullName=+&email=otto+at+customer&version=0";
        page = press(browser, review, otto, form, page);
        assertThat(page)
                .as("refused at the form's fields, by their labels, with what was typed")
                .contains(
                        "id=\"change-" + otto + "-fullName-error\"",
                        "id=\"change-" + otto + "-email-error\"",
                        "otto at customer",
                        "Nothing recorded for Otto Other")
                .doesNotContain("fullName must", "email must");
        assertThat(service.view(review).contacts())
                .allSatisfy(c -> assertThat(c.outcome()).isNull());

        outcome(review, otto, Map.of("outcome", "verified"), HttpStatus.OK);
        page = press(browser, review, otto, "outcome=left", page);
        assertThat(page).contains("Otto Other already has an outcome: verified").doesNotContain("VERIFIED");
        assertThat(openTask("stewardship", review, TASK_REVIEW_CONTACTS))
                .as("one contact still waits: the task stays open")
                .isNotNull();

        press(browser, review, vera, "outcome=verified", page);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(
                                tasks.findById(task.getId()).orElseThrow().getStatus())
                        .as("the last outcome completes the review task: nothing is left to do")
                        .isEqualTo(TaskStatus.COMPLETED));
        assertThat(browser.getForObject("/stewardship/" + review, String.class)).contains("This review is closed");
    }

    @Test
    void anAdminsLastOutcomeLeavesTheOwnersTaskOpenAndTheReviewPageAsksThemToCompleteIt() {
        long account = account();
        long otto = contact(account, "Otto Other", false);
        long review = openReview();
        Task task = awaitOpenTask("stewardship", review, TASK_REVIEW_CONTACTS);
        TestRestTemplate browser = browser();
        assertThat(browser.getForObject("/stewardship/" + review, String.class))
                .contains("done with the last one")
                .doesNotContain("/tasks/" + task.getId());

        assertThat(recordAs("ada", review, otto, "verified")).isEqualTo(HttpStatus.OK);
        assertThat(tasks.findById(task.getId()).orElseThrow().getStatus())
                .as("an admin's outcome does not complete the owner's task")
                .isEqualTo(TaskStatus.OPEN);
        assertThat(browser.getForObject("/stewardship/" + review, String.class))
                .as("the owner is asked to complete the task, with a link to it")
                .contains("the review task is still open", "href=\"/tasks/" + task.getId() + "\"", "in your inbox")
                .doesNotContain("done with the last one");

        completeTask(task, Map.of(), HttpStatus.OK);
        assertThat(browser.getForObject("/stewardship/" + review, String.class))
                .doesNotContain("the review task is still open");
    }

    /**
     * Found by session 41's probe: no page listed the contact reviews, so a manager could not see whose were
     * going on, at which step, since when, nor which had ended. The list (page and API) shows them to the
     * owner's line and admins: the owner, the accounts, the outcomes so far, each step the run waits on, the end.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theContactReviewsListShowsWhoseReviewItsAccountsStepAndEndToTheOwnersLine() {
        long account = account();
        String accountName = (String)
                as("ada").getForObject("/api/accounts/" + account, Map.class).get("name");
        long leaving = contact(account, "Lea Leaving", true);
        long other = contact(account, "Otto Other", false);
        long review = openReview();
        awaitOpenTask("stewardship", review, TASK_REVIEW_CONTACTS);

        assertThat(listed("maria", review))
                .containsEntry("ownerName", "Sam Steward")
                .containsEntry("accountNames", List.of(accountName))
                .containsEntry("contacts", 2)
                .containsEntry("answered", 0)
                .containsEntry("running", true)
                .containsEntry("closedAt", null);
        assertThat((List<Map<String, Object>>) listed("maria", review).get("steps"))
                .singleElement()
                .satisfies(step -> assertThat(step)
                        .containsEntry("name", "Review contacts")
                        .containsEntry("assigneeName", "Sam Steward")
                        .containsEntry("late", false)
                        .containsKey("since"));
        assertThat(listed("ada", review)).as("an admin sees everyone's").isNotNull();
        assertThat(listed("marcus", review)).as("not in marcus's line").isNull();
        assertThat(asOwner().getForEntity("/api/stewardship", String.class).getStatusCode())
                .as("a rep has their reviews in their inbox")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(pageShowing("maria", accountName))
                .contains("Contact reviews", "Sam Steward", accountName, "0 of 2", "Review contacts");

        outcome(review, leaving, Map.of("outcome", "left"), HttpStatus.OK);
        outcome(review, other, Map.of("outcome", "verified"), HttpStatus.OK);
        Task followUp = awaitOpenTask("contact-left", leaving, TASK_NAME_SUCCESSOR);
        Map<String, Object> closed = listed("maria", review);
        assertThat(closed).containsEntry("answered", 2).containsEntry("running", true);
        assertThat(closed.get("closedAt")).isNotNull();
        assertThat((List<Map<String, Object>>) closed.get("steps"))
                .singleElement()
                .satisfies(step -> assertThat(step)
                        .containsEntry("name", "Name successor and plan introduction")
                        .containsEntry("accountName", accountName));

        completeTask(followUp, Map.of("successorContactId", other, "introductionPlan", "Call"), HttpStatus.OK);
        sent.awaitEnded(followUp.getProcessInstanceKey());
        assertThat(listed("maria", review)).containsEntry("running", false).containsEntry("steps", List.of());
        assertThat(pageShowing("maria", accountName)).contains("Ended: every contact had an outcome on");
    }

    /** The first page of the list ({@code /stewardship}) that shows {@code text} (other tests' runs share the list), else the last. */
    private String pageShowing(String user, String text) {
        String html = "";
        for (int page = 0; page < 100; page++) {
            html = dev.baton.support.SignedIn.as(http, user).getForObject("/stewardship?page=" + page, String.class);
            if (html.contains(text) || !html.contains(">Next</a>")) {
                return html;
            }
        }
        return html;
    }

    /** The review's row in {@code user}'s list of contact reviews, or null when it is not listed to them. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> listed(String user, long review) {
        var answer = as(user).getForEntity("/api/stewardship?size=2000", Map.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return ((List<Map<String, Object>>) answer.getBody().get("content"))
                .stream()
                        .filter(r -> ((Number) r.get("id")).longValue() == review)
                        .findFirst()
                        .orElse(null);
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
        Map<?, ?> unusedDetails = outcome(
                review,
                other,
                Map.of("outcome", "verified", "details", Map.of("fullName", "Otto Renamed")),
                HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(errors(unusedDetails).get("details")))
                .as("details typed with another outcome are refused, not dropped without a word (probe 45, F9)")
                .startsWith("only for the outcome changed");
        Map<String, Object> badEmail = new HashMap<>(Map.of("fullName", "Otto Other", "email", "not-an-address"));
        Map<?, ?> invalid =
                outcome(review, other, Map.of("outcome", "changed", "details", badEmail), HttpStatus.BAD_REQUEST);
        assertThat(errors(invalid)).containsKey("details.email");
        assertThat(recordAs("rob", review, leaving, "left"))
                .as("only the owner (or an admin) records outcomes")
                .isEqualTo(HttpStatus.FORBIDDEN);
        long stranger = contact(account(), "Sam Stranger", false);
        assertThat(outcome(review, stranger, Map.of("outcome", "verified"), HttpStatus.NOT_FOUND))
                .containsEntry("detail", "contact " + stranger + " is not part of stewardship review " + review);

        outcome(review, leaving, Map.of("outcome", "left"), HttpStatus.OK);
        outcome(review, leaving, Map.of("outcome", "verified"), HttpStatus.CONFLICT);
        Map<?, ?> early = completeTask(task, Map.of(), HttpStatus.BAD_REQUEST);
        assertThat(errors(early)).containsKey("reviewed");
        outcome(review, other, Map.of("outcome", "verified"), HttpStatus.OK);
        assertThat(tasks.findById(task.getId()).orElseThrow().getStatus())
                .as("the API's last outcome completes the owner's task too")
                .isEqualTo(TaskStatus.COMPLETED);

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
        Map<?, ?> both = completeTask(
                followUp,
                Map.of("successorContactId", other, "successorFullName", "New Person", "introductionPlan", "Call"),
                HttpStatus.BAD_REQUEST);
        assertThat(errors(both))
                .containsEntry("successorContactId", "choose an existing contact or enter a new one, not both");
        Map<?, ?> past = completeTask(
                followUp,
                Map.of("successorContactId", other, "introductionPlan", "Call", "introductionOn", "2020-01-01"),
                HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(errors(past).get("introductionOn")))
                .as("an introduction planned for a day gone by is refused at its field")
                .startsWith("is in the past");
        Map<?, ?> farAhead = completeTask(
                followUp,
                Map.of("successorContactId", other, "introductionPlan", "Call", "introductionOn", "2199-12-31"),
                HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(errors(farAhead).get("introductionOn")))
                .as("as a handover's effective date: at most 50 years ahead (probe 45, F10)")
                .startsWith("must be at most 50 years from today");
        assertThat(contactView(other)).as("nothing changed: not made primary").containsEntry("primary", false);
        Map<?, ?> notANumber = completeTask(
                followUp, Map.of("successorContactId", "abc", "introductionPlan", "Call"), HttpStatus.BAD_REQUEST);
        assertThat(errors(notANumber))
                .as("the words the other forms use")
                .containsEntry("successorContactId", "'abc' is not a whole number");
        assertThat(as("ada").getForObject("/api/accounts/" + account + "/contacts", List.class))
                .as("nothing changed: no new contact")
                .hasSize(2);
        String taskPage = browser().getForObject("/tasks/" + followUp.getId(), String.class);
        assertThat(taskPage)
                .as("the contacts beside the form say the id the form asks for, and who left")
                .contains("id " + other, "left the company");
        completeTask(followUp, Map.of("successorContactId", other, "introductionPlan", "Call"), HttpStatus.OK);

        sent.awaitEnded(followUp.getProcessInstanceKey());
        assertThat(contactView(other)).containsEntry("primary", true);
    }
}
