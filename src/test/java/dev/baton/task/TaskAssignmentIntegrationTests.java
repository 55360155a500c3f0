package dev.baton.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.people.People;
import dev.baton.people.Person;
import dev.baton.people.Role;
import dev.baton.support.SignedIn;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Claiming, delegating and bulk reassignment over the API: who may, what stays on record, who is told. */
@SuppressWarnings({"rawtypes", "unchecked"}) // TestRestTemplate answers with raw Map bodies
class TaskAssignmentIntegrationTests extends InboxTest {

    @Autowired
    People people;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void robDelegatesAClaimedReviewToRitaAndStaysOnRecordWhileOnlyRitaIsMailed() throws Exception {
        Task task = claimedByRob();

        ResponseEntity<Map> delegated = delegate("rob", task, "rita");

        assertThat(delegated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(delegated.getBody())
                .containsEntry("assignee", "rita")
                .containsEntry("originalAssignee", "rob")
                .containsEntry("delegatedBy", "rob");
        assertThat(ids(as("rob").getForEntity("/api/tasks?scope=delegated", Map.class)))
                .contains(task.getId().intValue());
        assertThat(ids(as("rita").getForEntity("/api/tasks?scope=mine", Map.class)))
                .contains(task.getId().intValue());
        assertThat(actions(task)).containsExactly("task.claimed", "task.delegated");
        assertThat(mailsAbout(task, "rita@baton.example"))
                .extracting(InboxTest::subject)
                .singleElement()
                .asString()
                .startsWith("New task: Review account");
        // found by a probe: rob was mailed "Task moved to Rita Okafor" about the move he had just made
        assertThat(mailsAbout(task, "rob@baton.example")).isEmpty();
    }

    /**
     * Probe 46: after rob handed a team's task to rita and she gave it back to the team, it still said "handed
     * on by Rob Jansen" and stayed in rob's "Delegated by me" with no holder; and while rita held it, rob was
     * told "claim task 5 first", which he could not. He is told what he can do; the given-back task is the
     * team's again, as it arrived.
     */
    @Test
    void aDelegatorIsToldWhoHoldsTheTaskAndATaskGivenBackLeavesTheirDelegatedList() throws Exception {
        Task task = claimedByRob();
        delegate("rob", task, "rita");

        ResponseEntity<Map> again = delegate("rob", task, "maria");

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) again.getBody().get("detail"))
                .isEqualTo("only the assignee may do this; you handed task " + task.getId() + " on to Rita Okafor,"
                        + " who holds it now: ask them to hand it back to you, or to give it back to its team so that"
                        + " you can claim it");

        assertThat(post("rita", task, "unclaim").getStatusCode()).isEqualTo(HttpStatus.OK);

        Task back = tasks.findById(task.getId()).orElseThrow();
        assertThat(back.getAssignee()).isNull();
        assertThat(back.getDelegatedBy()).isNull();
        assertThat(ids(as("rob").getForEntity("/api/tasks?scope=delegated", Map.class)))
                .doesNotContain(task.getId().intValue());
        assertThat(SignedIn.as(http, "rob").getForObject("/tasks/" + task.getId(), String.class))
                .doesNotContain("handed on by", "originally for");
        assertThat(post("rob", task, "claim").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void refusesToDelegateToOneselfAnInactivePersonOrNobodyAndChangesNothing() throws Exception {
        Task task = claimedByRob();
        Person gone = people.save(new Person(
                "gone-" + UUID.randomUUID().toString().substring(0, 8),
                "Gone Person",
                "gone@baton.example",
                "x",
                Set.of(Role.REP)));
        gone.deactivate();
        people.save(gone);

        for (String to : List.of("rob", gone.getUsername(), "nobody-here")) {
            ResponseEntity<Map> refused = delegate("rob", task, to);
            assertThat(refused.getStatusCode()).as(to).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat((Map<String, Object>) refused.getBody().get("errors"))
                    .as(to)
                    .containsKey("to");
        }
        // by full name, not user name (found by a probe: "rob already has it")
        assertThat((Map<String, Object>) delegate("rob", task, "rob").getBody().get("errors"))
                .containsEntry("to", "Rob Jansen already has it: choose someone else");
        assertThat(tasks.findById(task.getId()).orElseThrow().getAssignee()).isEqualTo("rob");
        assertThat(actions(task)).containsExactly("task.claimed");
    }

    @Test
    void claimingATaskSomeoneElseHoldsIsAConflictAndOnlyTheAssigneeDelegates() throws Exception {
        Task task = claimedByRob();

        assertThat(post("rita", task, "claim").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(delegate("rita", task, "rita").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(tasks.findById(task.getId()).orElseThrow().getAssignee()).isEqualTo("rob");
    }

    @Test
    void mariaMovesRobsChosenTaskToRitaButOtherManagersAndRepsMayNot() throws Exception {
        Task task = claimedByRob();
        Map<String, Object> move = Map.of("from", "rob", "to", "rita", "taskIds", List.of(task.getId()));

        assertThat(as("marcus")
                        .postForEntity("/api/tasks/reassign", move, Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("rob")
                        .postForEntity("/api/tasks/reassign", move, Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> notRobs = as("maria")
                .postForEntity(
                        "/api/tasks/reassign", Map.of("from", "rob", "to", "rita", "taskIds", List.of(-1)), Map.class);
        assertThat(notRobs.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, Object>) notRobs.getBody().get("errors"))
                .containsEntry("taskIds", "every task must be an open task of Rob Jansen");
        assertThat(tasks.findById(task.getId()).orElseThrow().getAssignee()).isEqualTo("rob");

        ResponseEntity<List> moved = as("maria").postForEntity("/api/tasks/reassign", move, List.class);

        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        Task after = tasks.findById(task.getId()).orElseThrow();
        assertThat(after.getAssignee()).isEqualTo("rita");
        assertThat(after.getOriginalAssignee()).isEqualTo("rob");
        assertThat(actions(task)).containsExactly("task.claimed", "task.reassigned");
        assertThat(mailsAbout(task, "rob@baton.example")).hasSize(1);
        // maria moved it, nobody delegated it: in neither her nor rob's "Delegated by me", and its page says so
        // (session 44's probe: it was recorded as handed on by maria)
        assertThat(after.getDelegatedBy()).isNull();
        for (String who : List.of("maria", "rob")) {
            assertThat(ids(as(who).getForEntity("/api/tasks?scope=delegated", Map.class)))
                    .as(who)
                    .doesNotContain(task.getId().intValue());
        }
        String page = SignedIn.as(http, "rita").getForObject("/tasks/" + task.getId(), String.class);
        assertThat(page)
                .contains("(originally for Rob Jansen, moved by " + fullName("maria") + ")")
                .contains("moved it from Rob Jansen to Rita Okafor")
                .doesNotContain("handed on by", "reassigned to");
    }

    /**
     * Probe 46: {@code "taskIds": []} moved every open task of the person (a client sending its user's empty
     * selection moves a whole inbox), a duplicate id was called "not an open task of Rob Jansen", and a bulk
     * move mailed rob one "Task moved" per task. An empty list and a duplicate are refused, nothing moved; a
     * move of several mails rob once, listing each task as its own mail did.
     */
    @Test
    void aBulkMoveRefusesAnEmptyListOrADuplicateAndMailsThePreviousHolderOnce() throws Exception {
        Task first = arrivingTask("rob", null, false);
        Task second = arrivingTask("rob", null, false);
        mailsAbout(first, "rob@baton.example"); // rob's "New task" mails go out first: he knows he has them

        ResponseEntity<Map> empty = as("maria")
                .postForEntity(
                        "/api/tasks/reassign", Map.of("from", "rob", "to", "rita", "taskIds", List.of()), Map.class);
        ResponseEntity<Map> twice = as("maria")
                .postForEntity(
                        "/api/tasks/reassign",
                        Map.of("from", "rob", "to", "rita", "taskIds", List.of(first.getId(), first.getId())),
                        Map.class);

        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, Object>) empty.getBody().get("errors"))
                .containsEntry(
                        "taskIds", "is empty: name the tasks to move, or leave the field out to move all open tasks");
        assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, Object>) twice.getBody().get("errors"))
                .containsEntry("taskIds", "task " + first.getId() + " is given twice");
        assertThat(tasks.findById(first.getId()).orElseThrow().getAssignee()).isEqualTo("rob");
        assertThat(tasks.findById(second.getId()).orElseThrow().getAssignee()).isEqualTo("rob");

        ResponseEntity<List> moved = as("maria")
                .postForEntity(
                        "/api/tasks/reassign",
                        Map.of("from", "rob", "to", "rita", "taskIds", List.of(first.getId(), second.getId())),
                        List.class);

        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<jakarta.mail.internet.MimeMessage> toRob = mailsAbout(first, "rob@baton.example").stream()
                .filter(m -> !subject(m).startsWith("New task"))
                .toList();
        assertThat(toRob).extracting(InboxTest::subject).containsExactly("2 tasks moved to Rita Okafor");
        String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(toRob.getFirst());
        assertThat(body)
                .contains("These 2 tasks of yours are now with Rita Okafor. You need not do anything.")
                .contains("- Follow up: ")
                .contains("/tasks/" + first.getId(), "/tasks/" + second.getId());
        // rita is told once of the tasks she now has
        assertThat(mailsAbout(first, "rita@baton.example"))
                .extracting(InboxTest::subject)
                .containsExactly("2 tasks moved to you from Rob Jansen");
    }

    /**
     * Session 46: a bulk move mailed the new holder one "New task" per task (nine for nine). Rita gets one mail
     * listing the tasks she received, each with its due date and link, and the request sent again adds none; a
     * move of one task keeps its own "New task".
     */
    @Test
    void aBulkMoveMailsTheNewHolderOnceListingTheTasksAndARetryAddsNone() throws Exception {
        Task first = arrivingTask("rob", java.time.Instant.parse("2030-01-04T16:00:00Z"), false);
        Task second = arrivingTask("rob", null, false);
        Task alone = arrivingTask("rob", null, false);
        mailsAbout(first, "rob@baton.example"); // rob's "New task" mails go out first
        Map<String, Object> both =
                Map.of("from", "rob", "to", "rita", "taskIds", List.of(first.getId(), second.getId()));

        ResponseEntity<List> moved = as("maria").postForEntity("/api/tasks/reassign", both, List.class);
        ResponseEntity<Map> again = as("maria").postForEntity("/api/tasks/reassign", both, Map.class);
        ResponseEntity<List> one = as("maria")
                .postForEntity(
                        "/api/tasks/reassign",
                        Map.of("from", "rob", "to", "rita", "taskIds", List.of(alone.getId())),
                        List.class);

        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST); // nothing of rob's left to move
        assertThat(one.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<jakarta.mail.internet.MimeMessage> toRita = mailsAbout(first, "rita@baton.example");
        assertThat(toRita).extracting(InboxTest::subject).containsExactly("2 tasks moved to you from Rob Jansen");
        assertThat(mailsAbout(second, "rita@baton.example")).isEqualTo(toRita);
        String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(toRita.getFirst());
        assertThat(body)
                .contains("These 2 tasks of Rob Jansen's are now yours")
                .contains("(moved by Maria Rossi)")
                .contains("- Follow up, due ", "2030")
                .contains("/tasks/" + first.getId(), "/tasks/" + second.getId());
        assertThat(mailsAbout(alone, "rita@baton.example"))
                .extracting(InboxTest::subject)
                .singleElement()
                .asString()
                .startsWith("New task: Follow up");
    }

    /**
     * The list mails are not withdrawn when one of their tasks moves back before they go out (no dedup key names
     * the task, as a "New task" or "Task moved" key does): they tell of a move that happened, and the move back
     * is told as after a mail already sent.
     */
    @Test
    void aTaskOfABulkMoveMovedBackBeforeTheMailsGoOutIsToldAfterTheLists() throws Exception {
        Task first = arrivingTask("rob", null, false);
        Task second = arrivingTask("rob", null, false);
        mailsAbout(first, "rob@baton.example");

        as("maria")
                .postForEntity(
                        "/api/tasks/reassign",
                        Map.of("from", "rob", "to", "rita", "taskIds", List.of(first.getId(), second.getId())),
                        List.class);
        ResponseEntity<List> back = as("maria")
                .postForEntity(
                        "/api/tasks/reassign",
                        Map.of("from", "rita", "to", "rob", "taskIds", List.of(first.getId())),
                        List.class);

        assertThat(back.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(mailsAbout(first, "rita@baton.example"))
                .extracting(InboxTest::subject)
                .containsExactlyInAnyOrder(
                        "2 tasks moved to you from Rob Jansen", "Task moved to Rob Jansen: Follow up");
        assertThat(mailsAbout(first, "rob@baton.example"))
                .extracting(InboxTest::subject)
                .containsExactlyInAnyOrder(
                        "New task: Follow up", "2 tasks moved to Rita Okafor", "New task: Follow up");
    }

    @Test
    void listsFilterByPlaybookAccountAndOverdue() throws Exception {
        Task task = claimedByRob(); // due in 2030, no account

        assertThat(ids(as("rob").getForEntity("/api/tasks?scope=mine&playbook=sample-review", Map.class)))
                .contains(task.getId().intValue());
        assertThat(ids(as("rob").getForEntity("/api/tasks?scope=mine&playbook=other", Map.class)))
                .doesNotContain(task.getId().intValue());
        long otherAccount = jdbc.queryForObject("select min(id) from account", Long.class);
        assertThat(ids(as("rob").getForEntity("/api/tasks?scope=mine&accountId=" + otherAccount, Map.class)))
                .doesNotContain(task.getId().intValue());
        assertThat(ids(as("rob").getForEntity("/api/tasks?scope=mine&overdue=true", Map.class)))
                .doesNotContain(task.getId().intValue());
        assertThat(ids(as("rob").getForEntity("/api/tasks?scope=mine&sort=followUp", Map.class)))
                .contains(task.getId().intValue());
    }

    @Test
    void theTaskComesWithItsAccountsTimelineContactsCommitmentsAndHistoryInOneCall() throws Exception {
        Map account = (Map) ((List) as("ada")
                        .getForObject("/api/accounts?size=1", Map.class)
                        .get("content"))
                .get(0);
        long accountId = ((Number) account.get("id")).longValue();
        // the shared database's first account may be one another test made without a story: give it one
        assertThat(as("ada")
                        .postForEntity(
                                "/api/accounts/" + accountId + "/interactions",
                                Map.of("kind", "CALL", "summary", "Walked through the renewal terms"),
                                Map.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        Task task = awaitTaskOf(startReview(accountId));
        post("rob", task, "claim");

        Map<String, Object> details = as("rob").getForObject("/api/tasks/" + task.getId(), Map.class);

        assertThat((Map<String, Object>) details.get("account")).containsEntry("id", (int) accountId);
        assertThat((List) details.get("contacts")).isNotEmpty();
        assertThat((List<Map<String, Object>>) details.get("timeline"))
                .extracting(i -> i.get("summary"))
                .anySatisfy(summary -> assertThat((String) summary).contains("Walked through the renewal terms"));
        assertThat(details).containsKey("commitments");
        assertThat((List<Map<String, Object>>) details.get("history"))
                .extracting(h -> h.get("action"))
                .containsExactly("task.claimed");
        // a task's steps are its own history, not the customer's story
        assertThat(as("ada").getForObject("/api/accounts/" + accountId + "/timeline", String.class))
                .doesNotContain("task " + task.getId())
                .doesNotContain("claimed");
    }

    @Test
    void aTaskMovedRobRitaRobBeforeAnyMailWentOutMailsRobOnceAndRitaNothing() throws Exception {
        Task task = awaitTaskOf(startReview(null)); // offered to sales-emea: its members' offers are queued

        assertThat(assign(task, "rob").getStatusCode()).isEqualTo(HttpStatus.OK);
        // the team's step was nobody's: ada assigned it, she did not hand it on (session 43's probe), and its
        // history says so (session 44's probe: "reassigned to Rob Jansen")
        assertThat(tasks.findById(task.getId()).orElseThrow().getDelegatedBy()).isNull();
        assertThat(actions(task)).containsExactly("task.assigned");
        String history = SignedIn.as(http, "rob").getForObject("/tasks/" + task.getId(), String.class);
        assertThat(history.substring(history.indexOf("id=\"history\"")))
                .contains("assigned to Rob Jansen")
                .doesNotContain("reassigned");
        for (String to : List.of("rita", "rob")) {
            assertThat(assign(task, to).getStatusCode()).as(to).isEqualTo(HttpStatus.OK);
        }
        // then it was somebody's: ada moved it, as a manager moves a report's task; she did not delegate it
        assertThat(tasks.findById(task.getId()).orElseThrow().getDelegatedBy()).isNull();
        assertThat(actions(task)).containsExactly("task.assigned", "task.reassigned", "task.reassigned");

        // rita's "New task" was withdrawn before it went out, so she is not told it moved on; rob's first
        // "New task" too, and he is told once that he holds it
        assertThat(mailsAbout(task, "rob@baton.example"))
                .extracting(InboxTest::subject)
                .singleElement()
                .asString()
                .startsWith("New task: Review account");
        assertThat(mailsAbout(task, "rita@baton.example")).isEmpty();
        assertThat(jdbc.queryForList(
                        // the task's id right after the template: keys go on with the recipient's id
                        "select status from outbox_message where dedup_key ~ ('^task-(re)?assigned:' || ? || ':')"
                                + " order by id",
                        String.class,
                        task.getId()))
                .containsExactly("WITHDRAWN", "WITHDRAWN", "SENT");
        assertThat(jdbc.queryForList(
                        "select status from outbox_message where dedup_key like ('task-offered:' || ? || ':%')",
                        String.class, task.getId()))
                .as("the team's offers were withdrawn when the admin gave it to rob")
                .containsOnly("WITHDRAWN");
    }

    @Test
    void aMailThatWentOutIsCorrectedAndOneStillQueuedIsWithdrawnInstead() throws Exception {
        Task task = awaitTaskOf(startReview(null));
        assign(task, "rob");
        assertThat(mailsAbout(task, "rob@baton.example")).hasSize(1); // rob was told he has it

        assign(task, "rita");
        assign(task, "rob");

        // back with rob before anything went out: his "Task moved" and rita's "New task" are withdrawn, and
        // rob, who never learned it left, is not told about it again
        assertThat(mailsAbout(task, "rob@baton.example"))
                .extracting(InboxTest::subject)
                .singleElement()
                .asString()
                .startsWith("New task: Review account");
        assertThat(mailsAbout(task, "rita@baton.example")).isEmpty();

        assign(task, "rita");

        assertThat(mailsAbout(task, "rob@baton.example"))
                .extracting(InboxTest::subject)
                .satisfiesExactly(
                        first -> assertThat(first).startsWith("New task: Review account"),
                        second -> assertThat(second).isEqualTo("Task moved to Rita Okafor: Review account"));
        assertThat(mailsAbout(task, "rita@baton.example"))
                .extracting(InboxTest::subject)
                .singleElement()
                .asString()
                .startsWith("New task: Review account");
    }

    private String fullName(String username) {
        return people.findByUsername(username).orElseThrow().getFullName();
    }

    private ResponseEntity<Map> assign(Task task, String to) {
        return as("ada").postForEntity("/api/tasks/" + task.getId() + "/assign", Map.of("to", to), Map.class);
    }

    private ResponseEntity<Map> delegate(String who, Task task, String to) {
        return as(who).postForEntity("/api/tasks/" + task.getId() + "/delegate", Map.of("to", to), Map.class);
    }
}
