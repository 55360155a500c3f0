package dev.baton.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doNothing;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.baton.notification.MailPreferenceService;
import dev.baton.notification.MailPreferenceService.Choices;
import dev.baton.notification.MailPreferences;
import dev.baton.people.People;
import dev.baton.people.Person;
import dev.baton.people.Role;
import dev.baton.people.TimeZones;
import dev.baton.support.Race;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Baton's own reminders, escalations and digest: sent once, to the right people, only when wanted. */
class TaskRemindersIntegrationTests extends InboxTest {

    @Autowired
    TaskReminders reminders;

    @Autowired
    TaskDigest digest;

    @Autowired
    MailPreferenceService preferences;

    @Autowired
    People people;

    @Autowired
    TimeZones zones;

    @Autowired
    MailPreferences mailPreferences;

    @Autowired
    InboxSettings settings;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    @Test
    void remindsRobBeforeTheDueDateAndEscalatesToMariaOnceOverdue() {
        Task soon = arrivingTask("rob", Instant.now().plus(Duration.ofHours(2)), false);
        Task late = arrivingTask("rob", Instant.now().minus(Duration.ofHours(2)), false);

        reminders.run();
        reminders.run();

        assertThat(mailsAbout(soon, "rob@baton.example"))
                .extracting(InboxTest::subject)
                .hasSize(2)
                .contains("New task: Follow up")
                .anyMatch(s -> s.startsWith("Reminder: Follow up is due"));
        assertThat(actions(soon)).containsExactly("task.assigned", "task.reminded");
        assertThat(actions(late)).containsExactly("task.assigned", "task.escalated");
        assertThat(mailsAbout(late, "maria@baton.example"))
                .extracting(InboxTest::subject)
                .containsExactly("Overdue: Rob Jansen's task Follow up");
    }

    @Test
    void aTaskBornOverdueIsNotRemindedOfItsPastDateButItsAssignmentMailSaysItIsOverdue() {
        Instant due = Instant.now().minus(Duration.ofDays(50));
        Task late = arrivingTask("rob", due, false);
        Task soon = arrivingTask("rob", Instant.now().plus(Duration.ofHours(2)), false);

        reminders.run();
        reminders.run();

        assertThat(actions(late)).containsExactly("task.assigned", "task.escalated");
        assertThat(tasks.findById(late.getId()).orElseThrow().getRemindedAt()).isNull();
        List<MimeMessage> robs = mailsAbout(late, "rob@baton.example");
        assertThat(robs).extracting(InboxTest::subject).containsExactly("New task: Follow up");
        assertThat(GreenMailUtil.getBody(robs.getFirst()))
                .contains("Due: "
                        + DAY.format(
                                due.atZone(zones.of(people.findByUsername("rob").orElseThrow()))))
                .contains("(already overdue)");
        assertThat(GreenMailUtil.getBody(mailsAbout(soon, "rob@baton.example").getFirst()))
                .doesNotContain("overdue");
    }

    @Test
    void aTaskWhoseAssigneeLeftIsNotRemindedButReleasedToTheAdminsQueueWithWhy() {
        Person leaver = people.save(new Person(
                "leaver" + System.nanoTime(),
                "Lee Leaver",
                "leaver" + System.nanoTime() + "@baton.example",
                "{noop}x",
                Set.of(Role.REP)));
        Task task = arrivingTask(leaver.getUsername(), Instant.now().minus(Duration.ofHours(2)), false);
        leaver.deactivate();
        people.save(leaver);

        reminders.run();

        Task released = tasks.findById(task.getId()).orElseThrow();
        assertThat(released.getRemindedAt()).isNull();
        assertThat(released.getEscalatedAt()).isNull();
        assertThat(released.getAssignee()).isNull();
        assertThat(released.getOriginalAssignee()).isEqualTo(leaver.getUsername());
        assertThat(released.getUnassignedReason())
                .isEqualTo("assignee " + leaver.getFullName() + " ('" + leaver.getUsername() + "') is inactive");
        assertThat(released.isUnheld()).isTrue();
        assertThat(actions(task)).containsExactly("task.assigned", "task.released");
    }

    @Test
    void leavesAStepWhoseBpmnHasItsOwnTimersAlone() {
        Task own = arrivingTask("rob", Instant.now().minus(Duration.ofHours(2)), true);

        reminders.run();

        assertThat(actions(own)).containsExactly("task.assigned");
        assertThat(tasks.findById(own.getId()).orElseThrow().getRemindedAt()).isNull();
    }

    @Test
    void aStepWhoseBpmnChasesItItselfIsRemindedButNotEscalated() {
        Task soon = arrivingTask("rob", Instant.now().plus(Duration.ofHours(2)), false, false, true);
        Task late = arrivingTask("rob", Instant.now().minus(Duration.ofHours(2)), false, false, true);

        reminders.run();

        assertThat(actions(soon)).containsExactly("task.assigned", "task.reminded");
        assertThat(actions(late)).containsExactly("task.assigned");
        assertThat(tasks.findById(late.getId()).orElseThrow().getEscalatedAt()).isNull();
        assertThat(mailsAbout(late, "maria@baton.example")).isEmpty();
    }

    @Test
    void ravisSwitchedOffRemindersAreRecordedButNotMailed() {
        long ravi = people.findByUsername("ravi").orElseThrow().getId();
        preferences.choose(ravi, new Choices(true, true, false, true, false));
        try {
            Task task = arrivingTask("ravi", Instant.now().plus(Duration.ofHours(1)), false);

            reminders.run();

            assertThat(actions(task)).contains("task.reminded");
            assertThat(mailsAbout(task, "ravi@baton.example"))
                    .extracting(InboxTest::subject)
                    .containsExactly("New task: Follow up");
        } finally {
            preferences.choose(ravi, new Choices(true, true, true, true, false));
        }
    }

    @Test
    void twoReminderRunsAtOnceRemindAndEscalateEachTaskOnce() throws Exception {
        doNothing().when(taskEngine).extendLock(anyLong(), any());
        List<Task> soon = new ArrayList<>();
        List<Task> late = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String assignee = i % 2 == 0 ? "rob" : "rita";
            soon.add(arrivingTask(assignee, Instant.now().plus(Duration.ofMinutes(i + 30)), false));
            late.add(arrivingTask(assignee, Instant.now().minus(Duration.ofMinutes(i + 1)), false));
        }

        int handled = runTwiceAtOnce();

        System.out.printf("two reminder runs at once handled %d reminders/escalations%n", handled);
        for (Task t : soon) {
            assertThat(actions(t)).as("task " + t.getId()).containsExactly("task.assigned", "task.reminded");
        }
        for (Task t : late) {
            assertThat(actions(t)).as("task " + t.getId()).containsExactly("task.assigned", "task.escalated");
        }
    }

    @Test
    void aSubscriberWithoutAZoneGetsOneDigestADayAtSevenInTheCompanysZone() {
        Person dee = subscriber(null);
        try {
            Task task = arrivingTask(dee.getUsername(), null, false);
            Instant seven = LocalDate.of(2026, 6, 2)
                    .atTime(7, 0)
                    .atZone(zones.company())
                    .toInstant();

            digest.run(seven.minus(Duration.ofMinutes(1)));
            digest.run(seven);
            digest.run(seven.plus(Duration.ofHours(8)));

            assertThat(digests(task, dee))
                    .extracting(InboxTest::subject)
                    .containsExactly("Your open tasks on Tue 2 Jun 2026");
        } finally {
            preferences.choose(dee.getId(), new Choices(true, true, true, true, false));
        }
    }

    /**
     * Each subscriber's digest at 07:00 where they are, on the day before and the day of their zone's
     * 2026 daylight-saving change (Los Angeles 8 March, Berlin 29 March, Sydney 5 April), with the runs
     * of all three in one timeline: none at 06:59, one at 07:00, none from a second run that day.
     */
    @Test
    void subscribersInLosAngelesBerlinAndSydneyEachGetOneDigestAtSevenTheirTimeAcrossTheChange() {
        Map<String, LocalDate> changes = Map.of(
                "America/Los_Angeles", LocalDate.of(2026, 3, 8),
                "Europe/Berlin", LocalDate.of(2026, 3, 29),
                "Australia/Sydney", LocalDate.of(2026, 4, 5));
        Map<String, Person> subscribers = new HashMap<>();
        Map<String, Task> taskOf = new HashMap<>();
        record Step(Instant at, String zone, boolean sends, LocalDate day) {}
        List<Step> steps = new ArrayList<>();
        changes.forEach((zone, change) -> {
            Person p = subscriber(zone);
            subscribers.put(zone, p);
            // due at 17:00 on the change day where the subscriber is: printed with that day's offset
            taskOf.put(zone, arrivingTask(p.getUsername(), at(change, 17, 0, zone), false));
            for (LocalDate day : List.of(change.minusDays(1), change)) {
                steps.add(new Step(at(day, 6, 59, zone), zone, false, day));
                steps.add(new Step(at(day, 7, 0, zone), zone, true, day));
                steps.add(new Step(at(day, 23, 59, zone), zone, false, day));
            }
        });
        steps.sort(Comparator.comparing(Step::at));
        try {
            for (Step step : steps) {
                Person p = subscribers.get(step.zone());
                Task task = taskOf.get(step.zone());
                int before = digests(task, p).size();

                digest.run(step.at());
                assertThat(digest.run(step.at()))
                        .as("a second run at " + step.at())
                        .isZero();

                List<MimeMessage> mails = digests(task, p);
                String when = step.zone() + " at " + step.at().atZone(ZoneId.of(step.zone()));
                if (step.sends()) {
                    assertThat(mails).as(when).hasSize(before + 1);
                    assertThat(subject(mails.getLast())).isEqualTo("Your open tasks on " + DAY.format(step.day()));
                } else {
                    assertThat(mails).as(when).hasSize(before);
                }
            }
            assertThat(lastBody(taskOf.get("America/Los_Angeles"), subscribers.get("America/Los_Angeles")))
                    .contains("due Sun 8 Mar 2026, 17:00 PDT");
            assertThat(lastBody(taskOf.get("Europe/Berlin"), subscribers.get("Europe/Berlin")))
                    .contains("due Sun 29 Mar 2026, 17:00 CEST");
            assertThat(lastBody(taskOf.get("Australia/Sydney"), subscribers.get("Australia/Sydney")))
                    .contains("due Sun 5 Apr 2026, 17:00 AEST");
        } finally {
            subscribers
                    .values()
                    .forEach(p -> preferences.choose(p.getId(), new Choices(true, true, true, true, false)));
        }
    }

    @Test
    void aRunGetsPastMoreThanABatchOfSubscribersStillAsleepInSydneyToTheOneDueInBerlin() {
        List<Person> asleep = new ArrayList<>();
        for (int i = 0; i <= settings.batchSize(); i++) {
            asleep.add(subscriber("Australia/Sydney"));
        }
        Person awake = subscriber("Europe/Berlin");
        Task task = arrivingTask(awake.getUsername(), null, false);
        LocalDate sydneyDay = LocalDate.of(2026, 6, 4);
        try {
            digest.run(at(sydneyDay, 6, 0, "Australia/Sydney")); // 22:00 the day before in Berlin

            assertThat(digests(task, awake))
                    .extracting(InboxTest::subject)
                    .containsExactly("Your open tasks on Wed 3 Jun 2026");
            assertThat(asleep).allMatch(p -> owedOn(p, sydneyDay));

            digest.run(at(sydneyDay, 7, 0, "Australia/Sydney"));

            assertThat(asleep).noneMatch(p -> owedOn(p, sydneyDay));
        } finally {
            asleep.add(awake);
            asleep.forEach(p -> preferences.choose(p.getId(), new Choices(true, true, true, true, false)));
        }
    }

    @Test
    void twoDigestRunsAtOnceSendEachSubscriberOneDigest() throws Exception {
        Map<Person, Task> subscribers = new HashMap<>();
        for (String zone : List.of("America/Los_Angeles", "Europe/Berlin", "Australia/Sydney", "Europe/Berlin")) {
            Person p = subscriber(zone);
            subscribers.put(p, arrivingTask(p.getUsername(), null, false));
        }
        try {
            // 14:30 in Los Angeles, 23:30 in Berlin, 07:30 the next day in Sydney: due in all three
            Instant now = Instant.parse("2026-07-01T21:30:00Z");

            Race.twiceAtOnce(() -> digest.run(now));

            subscribers.forEach((p, task) ->
                    assertThat(digests(task, p)).as(p.getFullName()).hasSize(1));
        } finally {
            subscribers
                    .keySet()
                    .forEach(p -> preferences.choose(p.getId(), new Choices(true, true, true, true, false)));
        }
    }

    private boolean owedOn(Person p, LocalDate day) {
        return mailPreferences.findById(p.getId()).orElseThrow().digestDueOn(day);
    }

    private Person subscriber(String zone) {
        String name = "dig" + System.nanoTime();
        Person p = new Person(name, "Dee " + zone, name + "@baton.example", "{noop}x", Set.of(Role.REP));
        p.moveToTimeZone(zone); // null: the company's
        p = people.save(p);
        preferences.choose(p.getId(), new Choices(true, true, true, true, true));
        return p;
    }

    private static Instant at(LocalDate day, int hour, int minute, String zone) {
        return day.atTime(hour, minute).atZone(ZoneId.of(zone)).toInstant();
    }

    private String lastBody(Task task, Person to) {
        return GreenMailUtil.getBody(digests(task, to).getLast());
    }

    /** The digests sent to {@code to} so far that list {@code task}. */
    private List<MimeMessage> digests(Task task, Person to) {
        return mailsAbout(task, to.getEmail()).stream()
                .filter(m -> subject(m).startsWith("Your open tasks on "))
                .toList();
    }

    private int runTwiceAtOnce() throws Exception {
        return Race.twiceAtOnce(() -> reminders.run()).stream()
                .mapToInt(Integer::intValue)
                .sum();
    }
}
