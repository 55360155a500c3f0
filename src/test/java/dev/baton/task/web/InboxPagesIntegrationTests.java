package dev.baton.task.web;

import static dev.baton.task.web.HtmlForms.form;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.EngineIntegrationTest;
import dev.baton.notification.MailPreferenceService;
import dev.baton.people.AbsenceService;
import dev.baton.people.People;
import dev.baton.people.Person;
import dev.baton.people.TimeZones;
import dev.baton.support.SignedIn;
import dev.baton.task.Task;
import dev.baton.task.web.HtmlForms.Page;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The inbox's pages beyond claim and complete: filters, delegation, manager moves, history, absences, preferences. */
class InboxPagesIntegrationTests extends EngineIntegrationTest {

    @Autowired
    AbsenceService absences;

    @Autowired
    MailPreferenceService preferences;

    @Autowired
    People people;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TimeZones zones;

    @Test
    void robDelegatesFromTheTaskPageAfterAMistakeThatChangesNothing() throws Exception {
        Task task = awaitTaskOf(startReview(null));
        post("rob", task, "claim");
        Page page = HtmlForms.open(SignedIn.as(http, "rob"), "/tasks/" + task.getId());
        assertThat(page.html())
                .contains("Delegate to")
                .contains("History of this task")
                .contains("· Rob Jansen")
                .contains("claimed");

        HtmlForms.submit(SignedIn.as(http, "rob"), page, "/tasks/" + task.getId() + "/delegate", form("to", "rob"));
        assertThat(tasks.findById(task.getId()).orElseThrow().getAssignee()).isEqualTo("rob");

        HtmlForms.submit(SignedIn.as(http, "rob"), page, "/tasks/" + task.getId() + "/delegate", form("to", "rita"));
        assertThat(tasks.findById(task.getId()).orElseThrow().getAssignee()).isEqualTo("rita");
        assertThat(SignedIn.as(http, "rob").getForObject("/tasks?scope=delegated", String.class))
                .contains("/tasks/" + task.getId() + "\"");
        assertThat(SignedIn.as(http, "rita").getForObject("/tasks", String.class))
                .contains("Rita Okafor")
                .contains("(for Rob Jansen)")
                .doesNotContain("(for rob)");
    }

    /**
     * Found by a probe: the task page said "Assigned to rita (originally for rob, handed on by rob)" and
     * its history "system task.assigned → rob", "rob task.delegated → rita": user names and audit codes.
     */
    @Test
    void theTaskPageNamesItsPeopleByFullNameAndItsHistoryInWords() throws Exception {
        Task task = awaitTaskOf(startReview(null));
        post("rob", task, "claim");
        Page page = HtmlForms.open(SignedIn.as(http, "rob"), "/tasks/" + task.getId());
        HtmlForms.submit(SignedIn.as(http, "rob"), page, "/tasks/" + task.getId() + "/delegate", form("to", "rita"));

        String html = SignedIn.as(http, "rita").getForObject("/tasks/" + task.getId(), String.class);

        assertThat(html)
                .contains("<dd class=\"col-sm-9\"><span>Rita Okafor</span>")
                .contains("(originally for Rob Jansen, handed on by Rob Jansen)")
                .contains("delegated to Rita Okafor")
                .doesNotContain("task.delegated", "task.claimed", "task.assigned", "→");
        String history = html.substring(html.indexOf("id=\"history\""));
        assertThat(history).contains("· Rob Jansen").doesNotContain("· rob<", "· system");
    }

    /** Found by a probe: the message named the new assignee by user name ("is now with rita."). */
    @Test
    void theMessageAfterADelegationNamesTheNewAssigneeByFullName() throws Exception {
        Task task = awaitTaskOf(startReview(null));
        post("rob", task, "claim");
        TestRestTemplate rob = SignedIn.as(http, "rob");
        Page page = HtmlForms.open(rob, "/tasks/" + task.getId());

        HtmlForms.submit(rob, page, "/tasks/" + task.getId() + "/delegate", form("to", "rita"));

        // the redirect is followed without the session: the message waits for rob's next page, the inbox
        assertThat(rob.getForObject("/tasks", String.class))
                .contains("is now with Rita Okafor.")
                .doesNotContain("is now with rita");
    }

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void theTaskPageShowsTheAccountsContactsCommitmentsAndTimelineBesideTheForm() throws Exception {
        Map account = (Map) ((java.util.List) as("ada")
                        .getForObject("/api/accounts?size=1", Map.class)
                        .get("content"))
                .get(0);
        String contact = "Ida Contact " + System.nanoTime();
        as("ada")
                .postForEntity(
                        "/api/accounts/" + account.get("id") + "/contacts", Map.of("fullName", contact), Map.class);
        Task task = awaitTaskOf(startReview(((Number) account.get("id")).longValue()));
        post("rob", task, "claim");

        String page = SignedIn.as(http, "rob").getForObject("/tasks/" + task.getId(), String.class);

        assertThat(page)
                .contains("id=\"contacts\"", "id=\"commitments\"", "id=\"timeline\"", "name=\"healthScore\"")
                .contains(contact)
                // a contact's id means nothing to a form that asks for none (found by a probe: "id 91")
                .doesNotContain("contact-id")
                .contains(org.springframework.web.util.HtmlUtils.htmlEscape(String.valueOf(account.get("name"))));
        assertThat(SignedIn.as(http, "rob").getForObject("/tasks?accountId=" + account.get("id"), String.class))
                .contains("/tasks/" + task.getId() + "\"");
    }

    /**
     * Probe 46: {@code /tasks?status=NOPE} showed the open tasks without a word while the API refused it. It
     * comes back to the inbox with the message, as {@code /tasks?sort=bogus} does.
     */
    @Test
    void aStatusOtherThanOpenShowsTheInboxWithAMessageSayingWhatThePageLists() {
        for (String status : List.of("NOPE", "COMPLETED")) {
            ResponseEntity<String> page =
                    SignedIn.as(http, "rob").getForEntity("/tasks?status=" + status, String.class);

            assertThat(page.getBody())
                    .as(status)
                    .contains("must be OPEN or left out: this page lists open tasks; those you completed are under"
                            + " History (/tasks/history)");
        }
        assertThat(SignedIn.as(http, "rob")
                        .getForEntity("/tasks?status=open", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void anAccountIdThatNamesNoAccountIsA400OnTheApiAndThePageWhileAnAccountWithoutTasksIsAnEmptyInbox() {
        long quiet = ((Number) as("maria")
                        .postForObject(
                                "/api/accounts",
                                Map.of("name", "Quiet Co " + System.nanoTime(), "ownerId", robId()),
                                Map.class)
                        .get("id"))
                .longValue();

        ResponseEntity<Map> api = as("rob").getForEntity("/api/tasks?accountId=999999999", Map.class);
        ResponseEntity<String> page = SignedIn.as(http, "rob").getForEntity("/tasks?accountId=999999999", String.class);

        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, String>) api.getBody().get("errors"))
                .containsExactly(Map.entry("accountId", "no account 999999999"));
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(page.getBody()).contains("no account 999999999");
        ResponseEntity<Map> none = as("rob").getForEntity("/api/tasks?accountId=" + quiet, Map.class);
        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((java.util.List) none.getBody().get("content")).isEmpty();
        assertThat(SignedIn.as(http, "rob")
                        .getForEntity("/tasks?accountId=" + quiet, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    private long robId() {
        return people.findByUsername("rob").orElseThrow().getId();
    }

    @Test
    void mariaMovesAllOfRobsOpenTasksToRitaFromTheInbox() throws Exception {
        Task task = awaitTaskOf(startReview(null));
        post("rob", task, "claim");
        Page inbox = HtmlForms.open(SignedIn.as(http, "maria"), "/tasks?scope=all-visible&sort=created&overdue=false");
        assertThat(inbox.html()).contains("Move a person's open tasks").contains("name=\"taskIds\"");

        HtmlForms.submit(SignedIn.as(http, "maria"), inbox, "/tasks/reassign", form("from", "rob", "to", "rita"));

        assertThat(tasks.findById(task.getId()).orElseThrow().getAssignee()).isEqualTo("rita");
        assertThat(SignedIn.as(http, "rob").getForObject("/tasks", String.class))
                .doesNotContain("Move a person's open tasks");
    }

    /** Session 43's probe: the page's refusal read "Nothing moved: to: ...", the API's field name leaking. */
    @Test
    void aMoveToNobodyIsRefusedOnThePageInPlainWords() {
        Page inbox = HtmlForms.open(SignedIn.as(http, "maria"), "/tasks?scope=all-visible");

        HtmlForms.submit(SignedIn.as(http, "maria"), inbox, "/tasks/reassign", form("from", "rob", "to", "nobody-x"));

        assertThat(SignedIn.as(http, "maria").getForObject("/tasks?scope=all-visible", String.class))
                .contains("Nothing moved: ")
                .doesNotContain("Nothing moved: to:")
                .doesNotContain("Nothing moved: from:");
    }

    @Test
    void completedTasksShowMineOnlyWithWhenAndTheValues() throws Exception {
        Task task = awaitTaskOf(startReview(null));
        post("rob", task, "claim");
        as("rob")
                .postForEntity(
                        "/api/tasks/" + task.getId() + "/complete",
                        Map.of("reviewSummary", "All good", "healthScore", 8, "renewalRisk", "low"),
                        Map.class);

        String history = SignedIn.as(http, "rob").getForObject("/tasks/history", String.class);

        assertThat(history).contains("/tasks/" + task.getId() + "\"").contains("healthScore: 8");
        assertThat(SignedIn.as(http, "maria").getForObject("/tasks/history", String.class))
                .as("only what I completed, not my team's")
                .doesNotContain("/tasks/" + task.getId() + "\"");
    }

    @Test
    void theHistoryShowsATaskWithAHundredKilobyteAnswerCutShort() throws Exception {
        Task task = awaitTaskOf(startReview(null));
        post("rob", task, "claim");
        as("rob")
                .postForEntity(
                        "/api/tasks/" + task.getId() + "/complete",
                        Map.of("reviewSummary", "short for now", "healthScore", 8, "renewalRisk", "low"),
                        Map.class);
        // as an answer stored before answers had a default cap
        jdbc.update(
                "update task set outcome = jsonb_set(outcome, '{reviewSummary}', to_jsonb(?::text)) where id = ?",
                "z".repeat(100_000),
                task.getId());

        ResponseEntity<String> history = SignedIn.as(http, "rob").getForEntity("/tasks/history", String.class);

        assertThat(history.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(history.getBody())
                .contains("/tasks/" + task.getId() + "\"")
                .contains("healthScore: 8")
                .doesNotContain("z".repeat(1_000));
    }

    /**
     * Found by a probe: a date the page cannot read (2026-02-30, 03.12.2026) answered with the API's
     * problem+json, not the form. The form comes back as typed, the date marked in words.
     */
    @Test
    void anAbsenceWithADateThatIsNoDateIsMarkedAtItsFieldOnTheFormAndNotRecorded() {
        TestRestTemplate ravi = raviInOneSession();
        Page page = HtmlForms.open(ravi, "/absences");

        ResponseEntity<String> posted = HtmlForms.submit(
                ravi,
                page,
                "/absences",
                form("startsOn", "2026-02-30", "endsOn", "03.12.2026", "delegate", "marcus", "note", "Leave"));

        assertThat(posted.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(ravi.getForObject("/absences", String.class))
                .contains("Nothing recorded: please correct the marked fields.")
                .contains("id=\"startsOn-error\">&#39;2026-02-30&#39; is not a date like 2026-01-31</div>")
                .contains("id=\"endsOn-error\">&#39;03.12.2026&#39; is not a date like 2026-01-31</div>")
                .contains("value=\"2026-02-30\"", "value=\"Leave\"");
        assertThat(absences.upcoming("ravi")).isEmpty();
    }

    /** Ravi signed in, his redirects not followed: a flashed message waits for his next page. */
    private TestRestTemplate raviInOneSession() {
        return new TestRestTemplate(new RestTemplateBuilder()
                .rootUri(http.getRootUri())
                .redirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW)
                .defaultHeader(HttpHeaders.COOKIE, SignedIn.signIn(http.getRootUri(), "ravi", "demo")));
    }

    /**
     * Found by a probe: the absence page said "must not be before the first day (2026-12-10)", "Absence
     * recorded: marcus covers from 2026-12-03 to 2026-12-04" and "You are away today; marcus covers for
     * you": dates and people as Baton writes them elsewhere ("Thu 10 Dec 2026", full names).
     */
    @Test
    void theAbsencePageWritesDatesAndTheCoverInWords() {
        LocalDate today = LocalDate.now();
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
        String marcus = people.findByUsername("marcus").orElseThrow().getFullName();
        TestRestTemplate ravi = raviInOneSession();
        Page page = HtmlForms.open(ravi, "/absences");

        HtmlForms.submit(
                ravi,
                page,
                "/absences",
                form("startsOn", today.plusDays(3).toString(), "endsOn", today.toString(), "delegate", "marcus"));
        assertThat(ravi.getForObject("/absences", String.class))
                .contains("must not be before the first day (" + day.format(today.plusDays(3)) + ")");

        HtmlForms.submit(
                ravi,
                page,
                "/absences",
                form("startsOn", today.toString(), "endsOn", today.plusDays(1).toString(), "delegate", "marcus"));
        try {
            assertThat(ravi.getForObject("/absences", String.class))
                    .contains("Absence recorded: " + marcus + " covers from " + day.format(today) + " to "
                            + day.format(today.plusDays(1)) + ".")
                    .contains("You are away today; " + marcus + " covers for you.");
        } finally {
            absences.upcoming("ravi").forEach(a -> absences.withdraw(a.id(), "ravi"));
        }
    }

    @Test
    void raviRecordsAnAbsenceOnHisPageButNotOneEndingBeforeItStarts() {
        LocalDate today = LocalDate.now();
        Page page = HtmlForms.open(SignedIn.as(http, "ravi"), "/absences");

        HtmlForms.submit(
                SignedIn.as(http, "ravi"),
                page,
                "/absences",
                form("startsOn", today.plusDays(3).toString(), "endsOn", today.toString(), "delegate", "marcus"));
        assertThat(absences.upcoming("ravi")).isEmpty();

        HtmlForms.submit(
                SignedIn.as(http, "ravi"),
                page,
                "/absences",
                form("startsOn", today.toString(), "endsOn", today.plusDays(1).toString(), "delegate", "marcus"));
        try {
            assertThat(absences.upcoming("ravi"))
                    .singleElement()
                    .extracting(a -> a.delegate())
                    .isEqualTo("marcus");
            assertThat(SignedIn.as(http, "ravi").getForObject("/absences", String.class))
                    .contains("Move my open tasks to Marcus");
            assertThat(SignedIn.as(http, "marcus").getForObject("/absences/today", String.class))
                    .contains("Ravi");
        } finally {
            absences.upcoming("ravi").forEach(a -> absences.withdraw(a.id(), "ravi"));
        }
    }

    /**
     * The note's 300 characters are counted as PostgreSQL's varchar(300) counts them (code points): the
     * page's maxlength counted UTF-16 units and stopped at 150 emoji, and the page checked no length at all.
     */
    @Test
    void anAbsenceNoteIsCountedInCharactersAndOneTooLongIsRefusedAtItsField() {
        Page page = HtmlForms.open(SignedIn.as(http, "ravi"), "/absences");
        assertThat(page.html()).doesNotContain("maxlength");

        ResponseEntity<String> refused = recordAbsenceFromToday(page, "x".repeat(301));
        assertThat(absences.upcoming("ravi")).isEmpty();
        // the redirect back to the page is followed without the session: the message waits for the next page
        assertThat(refused.getBody() + SignedIn.as(http, "ravi").getForObject("/absences", String.class))
                .as("back on the page, the message at the note")
                .contains("Nothing recorded", "id=\"note-error\"", "must be at most 300 characters");

        String emoji = "\uD83D\uDE00";
        recordAbsenceFromToday(page, emoji.repeat(300));
        try {
            assertThat(absences.upcoming("ravi"))
                    .singleElement()
                    .extracting(a -> a.note())
                    .isEqualTo(emoji.repeat(300));
        } finally {
            absences.upcoming("ravi").forEach(a -> absences.withdraw(a.id(), "ravi"));
        }
    }

    private ResponseEntity<String> recordAbsenceFromToday(Page page, String note) {
        LocalDate today = LocalDate.now();
        return HtmlForms.submit(
                SignedIn.as(http, "ravi"),
                page,
                "/absences",
                form(
                        "startsOn",
                        today.toString(),
                        "endsOn",
                        today.plusDays(1).toString(),
                        "delegate",
                        "marcus",
                        "note",
                        note));
    }

    @Test
    void raviSwitchesOnTheDigestAndOffTheRemindersOnHisPreferencesPage() {
        long ravi = people.findByUsername("ravi").orElseThrow().getId();
        Page page = HtmlForms.open(SignedIn.as(http, "ravi"), "/preferences");
        assertThat(page.html()).contains("name=\"dailyDigest\"", "name=\"onTeamTask\" value=\"true\" checked");
        try {
            HtmlForms.submit(
                    SignedIn.as(http, "ravi"),
                    page,
                    "/preferences",
                    form("onAssignment", "true", "onEscalation", "true", "dailyDigest", "true"));

            assertThat(preferences.of(ravi))
                    .as("the team-task box left unticked switches those mails off")
                    .isEqualTo(new MailPreferenceService.Choices(true, false, false, true, true));
            assertThat(as("ravi").getForObject("/api/preferences/mail", Map.class))
                    .containsEntry("dailyDigest", true);
        } finally {
            preferences.choose(ravi, new MailPreferenceService.Choices(true, true, true, true, false));
        }
    }

    @Test
    void raviChoosesHisTimeZoneOnHisPreferencesPageAndAnUnknownOneIsRefusedAtTheFieldChangingNothing() {
        Person ravi = people.findByUsername("ravi").orElseThrow();
        String before = ravi.getTimeZone();
        MailPreferenceService.Choices choicesBefore = preferences.of(ravi.getId());
        Page page = HtmlForms.open(SignedIn.as(http, "ravi"), "/preferences");
        assertThat(page.html())
                .contains("<label class=\"form-label\" for=\"timeZone\">Time zone</label>")
                .contains(
                        "<option value=\"\">Company default (" + zones.company().getId() + ")</option>")
                .contains("<optgroup label=\"America\">")
                .contains("<option value=\"America/Los_Angeles\">Los Angeles</option>")
                .doesNotContain("value=\"US/Pacific\"");
        try {
            HtmlForms.submit(
                    SignedIn.as(http, "ravi"),
                    page,
                    "/preferences",
                    form("timeZone", "Mars/Olympus", "onAssignment", "true", "dailyDigest", "true"));

            String refused = SignedIn.as(http, "ravi").getForObject("/preferences", String.class);
            assertThat(refused)
                    .contains("Nothing saved: please correct the marked field.")
                    .contains("aria-invalid=\"true\" aria-describedby=\"timeZone-error\"")
                    .containsPattern("id=\"timeZone-error\">&#39;Mars/Olympus&#39; is not a time zone: use a region");
            assertThat(people.findByUsername("ravi").orElseThrow().getTimeZone())
                    .isEqualTo(before);
            assertThat(preferences.of(ravi.getId()))
                    .as("the mail choices sent with it are not saved either")
                    .isEqualTo(choicesBefore);

            HtmlForms.submit(
                    SignedIn.as(http, "ravi"),
                    page,
                    "/preferences",
                    form("timeZone", "America/Los_Angeles", "onAssignment", "true", "onReminder", "true"));

            assertThat(people.findByUsername("ravi").orElseThrow().getTimeZone())
                    .isEqualTo("America/Los_Angeles");
            assertThat(SignedIn.as(http, "ravi").getForObject("/preferences", String.class))
                    .contains("Your preferences are saved.")
                    .contains("<option value=\"America/Los_Angeles\" selected=\"selected\">Los Angeles</option>");
            assertThat(as("ravi").getForObject("/api/people/me", Map.class))
                    .containsEntry("timeZone", "America/Los_Angeles");

            HtmlForms.submit(
                    SignedIn.as(http, "ravi"), page, "/preferences", form("timeZone", "", "onAssignment", "true"));

            assertThat(people.findByUsername("ravi").orElseThrow().getTimeZone())
                    .as("the company's default")
                    .isNull();
        } finally {
            people.findByUsername("ravi").ifPresent(p -> {
                p.moveToTimeZone(before);
                people.save(p);
            });
            preferences.choose(ravi.getId(), choicesBefore);
        }
    }
}
