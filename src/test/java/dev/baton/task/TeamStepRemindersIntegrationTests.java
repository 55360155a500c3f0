package dev.baton.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.baton.audit.AuditEvent;
import dev.baton.notification.MailPreferenceService;
import dev.baton.notification.MailPreferenceService.Choices;
import dev.baton.people.People;
import dev.baton.people.Person;
import dev.baton.people.Role;
import dev.baton.people.Team;
import dev.baton.people.Teams;
import dev.baton.support.Race;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A step offered to a team and claimed by nobody, with a due date: before it, the members who get team task
 * mails are reminded; once it is overdue, whoever answers for the team is told. Through the outbox to
 * GreenMail, each once. Each test has a team of its own.
 */
class TeamStepRemindersIntegrationTests extends InboxTest {

    @Autowired
    TaskReminders reminders;

    @Autowired
    People people;

    @Autowired
    Teams teams;

    @Autowired
    MailPreferenceService preferences;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theMembersWhoGetTeamMailsAreRemindedOnceAndTheirManagerToldOnceWhenNobodyClaimedIt() {
        String tag = String.valueOf(System.nanoTime());
        Team team = teams.save(new Team("due-" + tag, "Due Desk " + tag));
        Person boss = person("boss" + tag, null, null, true);
        Person ann = person("ann" + tag, team, boss, true);
        Person ben = person("ben" + tag, team, boss, true);
        Person cal = person("cal" + tag, team, boss, false);
        Person dan = person("dan" + tag, team, boss, true);
        preferences.choose(ben.getId(), new Choices(true, false, true, true, false)); // no team task mails
        preferences.choose(dan.getId(), new Choices(true, true, false, true, false)); // no reminders

        Task soon = offeredTask(Set.of(team.getKey()), Instant.now().plus(Duration.ofHours(2)));
        Task late = offeredTask(Set.of(team.getKey()), Instant.now().minus(Duration.ofHours(2)));

        reminders.run();
        reminders.run();

        assertThat(mailsAbout(soon, ann.getEmail()))
                .extracting(InboxTest::subject)
                .hasSize(2)
                .contains("New task for Due Desk " + tag + ": Follow up")
                .anyMatch(s -> s.startsWith("Reminder: Follow up is due") && s.endsWith("nobody has claimed it"));
        assertThat(mailsAbout(soon, ann.getEmail()).getLast())
                .satisfies(m -> assertThat(GreenMailUtil.getBody(m))
                        .contains("offered to Due Desk " + tag, "Whoever claims it first holds it"));
        assertThat(mailsAbout(soon, ben.getEmail()))
                .as("switched team task mails off")
                .isEmpty();
        assertThat(mailsAbout(soon, cal.getEmail())).as("inactive").isEmpty();
        assertThat(mailsAbout(soon, dan.getEmail()))
                .as("switched reminders off")
                .extracting(InboxTest::subject)
                .containsExactly("New task for Due Desk " + tag + ": Follow up");
        assertThat(mailsAbout(soon, boss.getEmail())).as("not overdue yet").isEmpty();
        assertThat(actions(soon)).containsExactly("task.reminded");
        assertThat(how(soon)).isEqualTo("nobody has claimed it: to " + ann.getFullName());

        assertThat(mailsAbout(late, boss.getEmail())).singleElement().satisfies(m -> {
            assertThat(subject(m)).isEqualTo("Overdue and not claimed: Follow up for Due Desk " + tag);
            assertThat(GreenMailUtil.getBody(m))
                    .contains("nobody has claimed it", "as the manager of people it is offered to");
        });
        assertThat(mailsAbout(late, ann.getEmail()))
                .as("an overdue step is not 'due soon': the offer said it is overdue")
                .extracting(InboxTest::subject)
                .containsExactly("New task for Due Desk " + tag + ": Follow up");
        assertThat(tasks.findById(late.getId()).orElseThrow().getRemindedAt()).isNull();
        assertThat(actions(late)).containsExactly("task.escalated");
        assertThat(how(late))
                .isEqualTo("nobody has claimed it: to " + boss.getFullName()
                        + ", the managers of people it is offered to");
    }

    @Test
    void aLeadInTheTeamAnswersForItAndAnInactiveManagerIsPassedOverForTheNextOneUp() {
        String tag = String.valueOf(System.nanoTime());
        Team team = teams.save(new Team("lead-" + tag, "Lead Desk " + tag));
        Person vp = person("vp" + tag, null, null, true);
        Person lead = person("lead" + tag, team, vp, true);
        Person ann = person("ann" + tag, team, lead, true);
        Person director = person("dir" + tag, null, null, true);
        Person gone = person("gone" + tag, null, director, false);
        Person bea = person("bea" + tag, team, gone, true);

        Task late = offeredTask(Set.of(team.getKey()), Instant.now().minus(Duration.ofMinutes(3)));

        reminders.run();

        assertThat(mailsAbout(late, lead.getEmail()))
                .extracting(InboxTest::subject)
                .contains("Overdue and not claimed: Follow up for Lead Desk " + tag);
        assertThat(mailsAbout(late, director.getEmail()))
                .as("the next active manager above bea, whose own is deactivated")
                .extracting(InboxTest::subject)
                .containsExactly("Overdue and not claimed: Follow up for Lead Desk " + tag);
        assertThat(mailsAbout(late, vp.getEmail()))
                .as("above the team's own lead")
                .isEmpty();
        assertThat(mailsAbout(late, gone.getEmail())).as("deactivated").isEmpty();
        assertThat(mailsAbout(late, ann.getEmail()))
                .extracting(InboxTest::subject)
                .doesNotContain("Overdue and not claimed: Follow up for Lead Desk " + tag);
        assertThat(mailsAbout(late, bea.getEmail())).hasSize(1); // the offer alone
        assertThat(actions(late)).containsExactly("task.escalated");
    }

    @Test
    void aTeamWhoseMembersHaveNoActiveManagerIsAnsweredForByTheAdmins() {
        String tag = String.valueOf(System.nanoTime());
        Team team = teams.save(new Team("loose-" + tag, "Loose Desk " + tag));
        Person gone = person("gone" + tag, null, null, false);
        person("ann" + tag, team, gone, true);

        Task late = offeredTask(Set.of(team.getKey()), Instant.now().minus(Duration.ofMinutes(3)));

        reminders.run();

        assertThat(mailsAbout(late, "ada@baton.example"))
                .singleElement()
                .satisfies(m -> assertThat(GreenMailUtil.getBody(m))
                        .contains(
                                "as an admin: nobody it is offered to has an active manager", "assign it to someone"));
        assertThat(mailsAbout(late, gone.getEmail())).isEmpty();
        assertThat(actions(late)).containsExactly("task.escalated");
        assertThat(how(late)).contains("Ada Lovelace", "the admins (nobody it is offered to has an active manager)");
    }

    @Test
    void twoRunsAtOnceRemindEachMemberAndTellTheManagerOnce() throws Exception {
        String tag = String.valueOf(System.nanoTime());
        Team team = teams.save(new Team("race-" + tag, "Race Desk " + tag));
        Person boss = person("boss" + tag, null, null, true);
        Person ann = person("ann" + tag, team, boss, true);
        Person ben = person("ben" + tag, team, boss, true);
        List<Task> soon = List.of(
                offeredTask(Set.of(team.getKey()), Instant.now().plus(Duration.ofMinutes(30))),
                offeredTask(Set.of(team.getKey()), Instant.now().plus(Duration.ofMinutes(40))));
        List<Task> late = List.of(
                offeredTask(Set.of(team.getKey()), Instant.now().minus(Duration.ofMinutes(1))),
                offeredTask(Set.of(team.getKey()), Instant.now().minus(Duration.ofMinutes(2))));

        Race.twiceAtOnce(() -> reminders.run());
        reminders.run();

        for (Task t : soon) {
            assertThat(actions(t)).as("task " + t.getId()).containsExactly("task.reminded");
            for (Person member : List.of(ann, ben)) {
                assertThat(mailsAbout(t, member.getEmail()))
                        .extracting(InboxTest::subject)
                        .filteredOn(s -> s.startsWith("Reminder:"))
                        .hasSize(1);
            }
        }
        for (Task t : late) {
            assertThat(actions(t)).as("task " + t.getId()).containsExactly("task.escalated");
            assertThat(mailsAbout(t, boss.getEmail())).hasSize(1);
        }
    }

    @Test
    void claimingTheStepWithdrawsTheTeamsReminderAndTheOverdueNoticeStillWaitingToGoOut() {
        String tag = String.valueOf(System.nanoTime());
        Team team = teams.save(new Team("claim-" + tag, "Claim Desk " + tag));
        Person boss = person("boss" + tag, null, null, true);
        Person ann = person("ann" + tag, team, boss, true);
        Task soon = offeredTask(Set.of(team.getKey()), Instant.now().plus(Duration.ofHours(2)));
        Task late = offeredTask(Set.of(team.getKey()), Instant.now().minus(Duration.ofHours(2)));
        reminders.run();

        assertThat(post(ann.getUsername(), soon, "claim").getStatusCode().value())
                .isEqualTo(200);
        assertThat(post(ann.getUsername(), late, "claim").getStatusCode().value())
                .isEqualTo(200);

        assertThat(teamMailStatuses(soon, "task-reminder")).containsExactly("WITHDRAWN");
        assertThat(teamMailStatuses(late, "task-escalation")).containsExactly("WITHDRAWN");
        assertThat(mailsAbout(soon, ann.getEmail()))
                .extracting(InboxTest::subject)
                .noneMatch(s -> s.startsWith("Reminder:"));
        assertThat(mailsAbout(late, boss.getEmail())).isEmpty();
    }

    private List<String> teamMailStatuses(Task task, String template) {
        return jdbc.queryForList(
                "select status from outbox_message where dedup_key like (? || ':' || ? || ':%') order by id",
                String.class, template, task.getId());
    }

    /** The history note of the task's last audit event. */
    private String how(Task task) {
        List<AuditEvent> events = auditEvents.findByEntityTypeAndEntityIdOrderByAt("task", task.getId());
        return String.valueOf(events.getLast().getAfterState().get("how"));
    }

    private Person person(String username, Team team, Person manager, boolean active) {
        Person p =
                new Person(username, "Name " + username, username + "@baton.example", "{noop}demo", Set.of(Role.REP));
        if (team != null) {
            p.joinTeam(team);
        }
        if (manager != null) {
            p.reportTo(manager);
        }
        if (!active) {
            p.deactivate();
        }
        return people.save(p);
    }
}
