package dev.baton.task;

import dev.baton.account.Account;
import dev.baton.account.Accounts;
import dev.baton.notification.MailComposer;
import dev.baton.notification.MailKind;
import dev.baton.notification.MailPreferenceService;
import dev.baton.notification.Outbox;
import dev.baton.people.Leavers;
import dev.baton.people.PeopleLookup;
import dev.baton.people.Person;
import dev.baton.people.TeamService;
import dev.baton.people.TimeZones;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The task mails, queued in the caller's transaction through the outbox. Each dedup key names one
 * business event (the audit event's id for hand-overs; assignment, hand-over and offer keys also name
 * the recipient, {@code task-assigned:<task>:<person id>:<event>}), so a job or run delivered twice
 * queues one mail. A person who switched a kind of mail off, or has no active account, gets none.
 */
@Component
class TaskMails {

    private final Outbox outbox;
    private final MailComposer composer;
    private final MailPreferenceService preferences;
    private final PeopleLookup people;
    private final Accounts accounts;
    private final TimeZones zones;
    private final TeamService teams;
    private final Clock clock;

    private final Leavers leavers;
    private final TaskContext context;

    TaskMails(
            Outbox outbox,
            MailComposer composer,
            MailPreferenceService preferences,
            PeopleLookup people,
            Accounts accounts,
            TimeZones zones,
            TeamService teams,
            Leavers leavers,
            TaskContext context,
            Clock clock) {
        this.leavers = leavers;
        this.context = context;
        this.clock = clock;
        this.teams = teams;
        this.outbox = outbox;
        this.composer = composer;
        this.preferences = preferences;
        this.people = people;
        this.accounts = accounts;
        this.zones = zones;
    }

    /**
     * To the new assignee; {@code event} names the assignment (task creation or an audit event id). A
     * task already past its due date says so: it gets no reminder, which would name a past date.
     */
    void assigned(Task task, String event) {
        assigned(task, event, null, null);
    }

    /**
     * As {@link #assigned(Task, String)}, for a new task that stays with an assignee who is away because
     * nobody covering them can take it today ({@link dev.baton.people.CoverToday#uncovered}): the mail says so
     * and why ({@code uncovered}, null when that is not the case), rather than reading as an ordinary new task.
     * A new task its feature gave to someone other than the away assignee's cover ({@link TaskCoverRule}) names
     * that cover ({@code notTheCover}, a user name, else null) rather than telling the holder they cover.
     */
    void assigned(Task task, String event, String uncovered, String notTheCover) {
        Person to = person(task.getAssignee());
        Map<String, Object> extra = new HashMap<>();
        extra.put("overdue", isOverdue(task));
        extra.put("uncovered", uncovered);
        extra.put("notTheCover", people.fullName(notTheCover));
        if (task.getAssignee() != null && task.getAssignee().equals(task.getOriginalAssignee())) {
            extra.put("originalAssignee", null); // back with the person it was for: "It was for you" says nothing
        }
        send(
                to,
                MailKind.ASSIGNMENT,
                "task-assigned",
                to == null ? null : key("task-assigned", task, to) + event,
                task,
                extra);
    }

    /**
     * To everyone who may claim a new step that nobody holds: the active members of its candidate teams
     * and its candidate users, each once, unless they switched {@link MailKind#TEAM_TASK} off. The
     * members and their choices are read in one query each, however big the team. Keys name the task
     * and the recipient ({@code task-offered:<task>:<person id>:created}), so a job delivered twice
     * queues one mail each; {@link #taken} withdraws those still queued once somebody holds the step.
     * Nobody being handed over or leaving is offered it ({@link Leavers}): they may not claim it.
     */
    void offered(Task task) {
        offered(task, "created");
    }

    /**
     * As {@link #offered(Task)}, for a step offered again ({@code event} names the offer, an audit event id: {@code
     * task-offered:<task>:<person id>:<event>}), e.g. out of unassigned work once its team has an active member.
     */
    void offered(Task task, String event) {
        List<Person> wanting = claimantsWanting(task, MailKind.TEAM_TASK);
        if (wanting.isEmpty()) {
            return;
        }
        Map<String, Object> model = model(task); // the account read once, not once per member
        model.put("teams", teamNames(task));
        model.put("overdue", isOverdue(task));
        for (Person to : wanting) {
            model.put("byName", byName(task, to));
            enqueue(to, "task-offered", key("task-offered", task, to) + event, model);
        }
    }

    /**
     * Before the due date of a step nobody has claimed: a reminder to the people {@link #offered} mails (its
     * active candidates, none leaving, who get {@link MailKind#TEAM_TASK} mails) who also get reminders, each
     * once ({@code task-reminder:<task>:<person id>:team}); {@link #taken} withdraws those still queued once
     * somebody holds the step. Nobody's cover is asked: the offer went to the team, not to one person.
     *
     * @return the people reminded, in no particular order
     */
    List<Person> teamReminder(Task task) {
        List<Person> wanting = claimantsWanting(task, MailKind.TEAM_TASK, MailKind.REMINDER);
        if (wanting.isEmpty()) {
            return wanting;
        }
        Map<String, Object> model = model(task);
        model.put("teams", teamNames(task));
        for (Person to : wanting) {
            model.put("byName", byName(task, to));
            enqueue(to, "task-team-reminder", key("task-reminder", task, to) + "team", model);
        }
        return wanting;
    }

    /**
     * Once a step nobody has claimed is overdue: to whoever answers for it ({@link UnclaimedStepAnswerers}: the
     * managers of the people it is offered to, else the admins), each once ({@code
     * task-escalation:<task>:<person id>:unclaimed}), unless they switched escalations off.
     *
     * @return who answers for it (told, or not mailed by their own choice); no one when nobody is there
     */
    UnclaimedStepAnswerers.Answerers teamEscalation(Task task) {
        UnclaimedStepAnswerers.Answerers answerers = UnclaimedStepAnswerers.of(task, people);
        for (Person to : answerers.people()) {
            send(
                    to,
                    MailKind.ESCALATION,
                    "task-team-escalation",
                    key("task-escalation", task, to) + "unclaimed",
                    task,
                    Map.of("offeredTo", offeredTo(task), "admins", answerers.admins()));
        }
        return answerers;
    }

    /**
     * Who may claim {@code task} and wants every one of {@code kinds} of mail: its candidate teams' active members
     * and its active candidate users, each once, but nobody being handed over or leaving ({@link Leavers}: they
     * may not claim it). The members and their choices are read in one query each, however big the team.
     */
    private List<Person> claimantsWanting(Task task, MailKind... kinds) {
        List<Person> candidates = people.activeInTeamsOrNamed(task.getCandidateGroups(), task.getCandidateUsers());
        if (candidates.isEmpty()) {
            return candidates;
        }
        Set<Long> leaving = leavers.leavingAmong(candidates);
        candidates =
                candidates.stream().filter(p -> !leaving.contains(p.getId())).toList();
        for (MailKind kind : kinds) {
            if (candidates.isEmpty()) {
                break;
            }
            Set<Long> wanting =
                    preferences.wanting(candidates.stream().map(Person::getId).toList(), kind);
            candidates =
                    candidates.stream().filter(p -> wanting.contains(p.getId())).toList();
        }
        return candidates;
    }

    /** Whether {@code to} is offered {@code task} by name only, not through a team of theirs. */
    private static boolean byName(Task task, Person to) {
        return to.getTeam() == null || !task.isCandidate(Set.of(to.getTeam().getKey()));
    }

    /** The candidate teams by name, then the candidate users by full name: "Customer Success and Rob Jansen". */
    private String offeredTo(Task task) {
        List<String> names = new ArrayList<>();
        String teams = teamNames(task);
        if (teams != null) {
            names.add(teams);
        }
        task.getCandidateUsers().stream().sorted().map(people::fullName).forEach(names::add);
        return names.size() <= 1
                ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    }

    /**
     * Somebody holds the step now (claimed, assigned, completed): the offers, team reminders and "nobody has
     * claimed it" escalations still waiting to go out are withdrawn, as nobody should be sent to a step
     * somebody already took. One already
     * sent stays. A step with no candidate teams or users had no offers: no statement is run (every
     * completion comes here).
     */
    void taken(Task task) {
        if (task.getCandidateGroups().isEmpty() && task.getCandidateUsers().isEmpty()) {
            return;
        }
        // the team's reminders and the "nobody has claimed it" escalations too: the assignee's have no such keys
        outbox.withdraw(
                List.of(), List.of(offers(task), teamMails("task-reminder", task), teamMails("task-escalation", task)));
    }

    /**
     * The candidate teams by name, sorted ("Customer Success and Sales EMEA"), read in one query however
     * many there are; a key no team has by itself; null for none.
     */
    private String teamNames(Task task) {
        Map<String, String> byKey = teams.namesByKey(task.getCandidateGroups());
        List<String> names = task.getCandidateGroups().stream()
                .map(key -> byKey.getOrDefault(key, key))
                .sorted()
                .toList();
        return names.isEmpty()
                ? null
                : names.size() == 1
                        ? names.getFirst()
                        : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    }

    /**
     * To both: the new assignee gets the task, the previous one learns where it went; but a mail that
     * would only correct one still waiting to go out is not sent, and that one is withdrawn instead
     * (a task moved on within seconds: A to B to A). The previous holder's queued "New task" is
     * withdrawn, and then they are not told it moved: they never learned they had it. The new holder's
     * queued "Task moved" is withdrawn, and then they are not told about the task again: as far as
     * they know, they still hold it. A mail already sent (or being sent) stays, and is followed by
     * the mail that corrects it. Keys name the recipient, so each person's mails are withdrawn alone.
     * A step offered to teams is held now: the offers still queued are withdrawn ({@link #taken}).
     * Whoever moved it ({@code by}) is not mailed about their own move (found by a probe: delegating your
     * own task mailed you that it had moved), nor about a task they gave themselves.
     */
    void reassigned(Task task, String previous, long auditEventId, String by) {
        reassigned(task, previous, auditEventId, by, null);
    }

    /**
     * {@link #reassigned(Task, String, long, String)} for a step moved by its feature's cover rule ({@link
     * TaskAssignments#followCoverRule}): the new holder's mail names the cover who may not hold it ({@code
     * notTheCover}, a user name, else null), as for a new step ({@link #assigned(Task, String, String, String)}).
     */
    void reassigned(Task task, String previous, long auditEventId, String by, String notTheCover) {
        Told told = movedUntold(task, previous, by);
        if (told.newHolder()) {
            assigned(task, String.valueOf(auditEventId), null, notTheCover);
        }
        if (told.previousHolder()) {
            Person from = person(previous);
            send(
                    from,
                    MailKind.ASSIGNMENT,
                    "task-reassigned",
                    from == null ? null : key("task-reassigned", task, from) + auditEventId,
                    task,
                    Map.of("newAssignee", people.fullName(task.getAssignee())));
        }
    }

    /**
     * {@link #reassigned}'s withdrawals of the mails {@code task}'s move from {@code previous} made moot, and its
     * rule for whom the move is to be told, sending nothing: for a bulk move, which tells each holder once
     * ({@link #receivedTogether}, {@link #movedTogether}).
     *
     * @param by who moved it (never mailed about their own move)
     * @return whether the new holder and the previous one are to be told ({@link #reassigned}'s rule)
     */
    Told movedUntold(Task task, String previous, String by) {
        Moot moot = withdrawMoot(task, previous);
        return new Told(
                !moot.toNeverLostIt() && !task.getAssignee().equals(by),
                !moot.fromNeverTold() && !Objects.equals(previous, by));
    }

    /** Whom a task's move is to be told: its new holder, its previous one ({@link #movedUntold}). */
    record Told(boolean newHolder, boolean previousHolder) {}

    /** One task of a bulk move and the audit event of its move, which names the move in dedup keys. */
    record Move(Task task, long auditEventId) {}

    /**
     * A bulk move told to the new holder once: one mail listing the tasks they received from {@code previous}
     * (each as {@link #assigned}'s "New task" shows it: the task, its account, its due date, its link), not one
     * per task (session 46: moving nine tasks mailed the new holder nine "New task"). One task is {@link
     * #assigned}'s mail, under its key. The list's key names the recipient and the move's last audit event
     * ({@code tasks-assigned:<person id>:<event>}), so the move queued again (a retried transaction) queues it
     * once. A later move of one of its tasks does not withdraw it, as no key names the task: it tells of a move
     * that happened, like a mail already sent, and the later move's mails follow it.
     *
     * @param moves moved from {@code previous} to one new holder, each to be told ({@link #movedUntold})
     * @param by who moved them, named in the mail
     */
    void receivedTogether(List<Move> moves, String previous, String by) {
        if (moves.size() == 1) {
            assigned(moves.getFirst().task(), String.valueOf(moves.getFirst().auditEventId()));
            return;
        }
        Person to = moves.isEmpty() ? null : person(moves.getFirst().task().getAssignee());
        if (to == null || !to.isActive() || !preferences.wants(to.getId(), MailKind.ASSIGNMENT)) {
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("tasks", moves.stream().map(m -> listed(m.task())).toList());
        model.put("previousAssignee", people.fullName(previous));
        model.put("movedBy", people.fullName(by));
        enqueue(
                to,
                "tasks-assigned",
                "tasks-assigned:" + to.getId() + ":" + moves.getLast().auditEventId(),
                model);
    }

    /** {@code task} as a list of new tasks shows it: {@link #model}, and whether it is overdue. */
    private Map<String, Object> listed(Task task) {
        Map<String, Object> model = model(task);
        model.put("overdue", isOverdue(task));
        return model;
    }

    /**
     * A bulk move told to the previous holder once: one mail listing the tasks now with {@code moves}' new holder
     * (each as {@link #reassigned}'s "Task moved" says it: the task, its account, its link), not one per task
     * (probe 46: moving nine tasks mailed nine "Task moved to Olga Reyes"). One task is {@link #reassigned}'s mail.
     * Keyed and never withdrawn as {@link #receivedTogether}'s list ({@code tasks-reassigned:<person id>:<event>}).
     *
     * @param moves moved from {@code previous} to one new holder, each to be told ({@link #movedUntold})
     */
    void movedTogether(List<Move> moves, String previous) {
        Person from = person(previous);
        if (moves.isEmpty() || from == null) {
            return;
        }
        if (moves.size() == 1) {
            Task task = moves.getFirst().task();
            send(
                    from,
                    MailKind.ASSIGNMENT,
                    "task-reassigned",
                    key("task-reassigned", task, from) + moves.getFirst().auditEventId(),
                    task,
                    Map.of("newAssignee", people.fullName(task.getAssignee())));
            return;
        }
        if (!from.isActive() || !preferences.wants(from.getId(), MailKind.ASSIGNMENT)) {
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("tasks", moves.stream().map(m -> model(m.task())).toList());
        model.put("newAssignee", people.fullName(moves.getFirst().task().getAssignee()));
        enqueue(
                from,
                "tasks-reassigned",
                "tasks-reassigned:" + from.getId() + ":" + moves.getLast().auditEventId(),
                model);
    }

    /**
     * The task changed hands where the previous holder knows already (they are handing their book over,
     * see {@link TaskAssignments#handOverOpenAbout}) and the new one does not: the new holder is mailed as
     * by {@link #reassigned}, the previous one gets no "Task moved"; the mails the move made moot are
     * withdrawn as there.
     */
    void movedFromTheirBook(Task task, String previous, long auditEventId, String by) {
        if (movedUntold(task, previous, by).newHolder()) {
            assigned(task, String.valueOf(auditEventId));
        }
    }

    /**
     * The task changed hands where both holders know already (see {@link TaskAssignments#handOverOpen}):
     * nobody is mailed, and the mails {@link #reassigned} would withdraw are withdrawn: the previous
     * holder's "New task" and the new holder's "Task moved" still waiting to go out, and offers to teams.
     */
    void movedQuietly(Task task, String previous) {
        withdrawMoot(task, previous);
    }

    /**
     * What a move of {@code task} from {@code previous} to its assignee made moot, withdrawn: offers to
     * teams, the previous holder's "New task" and the new holder's "Task moved" still waiting to go out.
     */
    private Moot withdrawMoot(Task task, String previous) {
        taken(task);
        Person from = person(previous);
        Person to = person(task.getAssignee());
        boolean fromNeverTold = from != null && withdraw("task-assigned", task, from) > 0;
        boolean toNeverLostIt = to != null && withdraw("task-reassigned", task, to) > 0;
        return new Moot(from, fromNeverTold, toNeverLostIt);
    }

    /**
     * @param from the previous holder ({@code null} if nobody or unknown)
     * @param fromNeverTold whether their "New task" was still waiting and withdrawn: they never learned they had it
     * @param toNeverLostIt whether the new holder's "Task moved" was still waiting and withdrawn: as far as they
     *     know, they still hold it
     */
    private record Moot(Person from, boolean fromNeverTold, boolean toNeverLostIt) {}

    void reminder(Task task) {
        send(
                person(task.getAssignee()),
                MailKind.REMINDER,
                "task-reminder",
                "task-reminder:" + task.getId(),
                task,
                Map.of());
    }

    /**
     * A new step stays with its away assignee because nobody in their cover chain can take it today ({@link
     * dev.baton.people.CoverToday#uncovered}, {@code why}: each cover and why not): their nearest active manager is
     * told which step, whose, why, and where to move it (the step's page), once per step ({@code
     * task-uncovered:<task>:<person id>:created}: a job delivered again finds its row and queues nothing, a retried
     * transaction queues it once), unless they switched escalations off.
     *
     * @return the manager told (or not mailed by their own choice); empty when the assignee has no active manager
     */
    Optional<Person> uncovered(Task task, String why) {
        Optional<Person> manager = people.byUsername(task.getAssignee()).flatMap(people::activeManagerAbove);
        manager.ifPresent(m -> send(
                m,
                MailKind.ESCALATION,
                "task-uncovered",
                key("task-uncovered", task, m) + "created",
                task,
                Map.of("assignee", people.fullName(task.getAssignee()), "why", why)));
        return manager;
    }

    /** To the assignee's manager; empty when there is no one to escalate to. */
    Optional<Person> escalation(Task task) {
        Optional<Person> manager = people.byUsername(task.getAssignee()).map(Person::getManager);
        manager.ifPresent(m -> send(
                m,
                MailKind.ESCALATION,
                "task-escalation",
                "task-escalation:" + task.getId(),
                task,
                Map.of("assignee", people.fullName(task.getAssignee()))));
        return manager;
    }

    /**
     * The task's mails still waiting to go out (offer, assignment, hand-over, reminder, escalation) are
     * withdrawn: the task was withdrawn before they went out, and nobody should be sent to a step that
     * is gone.
     */
    void withdrawn(Task task) {
        long id = task.getId();
        outbox.withdraw(
                List.of("task-reminder:" + id, "task-escalation:" + id),
                List.of(
                        "task-assigned:" + id + ":",
                        "task-reassigned:" + id + ":",
                        "task-uncovered:" + id + ":",
                        offers(task),
                        teamMails("task-reminder", task),
                        teamMails("task-escalation", task)));
    }

    void digest(Person person, List<Task> open, java.time.LocalDate day) {
        List<Map<String, Object>> items = open.stream().map(this::model).toList();
        outbox.enqueue(
                "digest:" + person.getUsername() + ":" + day,
                person.getEmail(),
                null,
                composer.compose(
                        "digest",
                        Map.of("recipientName", person.getFullName(), "tasks", items, "day", day),
                        zones.of(person)));
    }

    /**
     * The start of the dedup keys of {@code template}'s mails about {@code task} to {@code to} (the
     * person's id, not their name, so one person's prefix never matches another's keys); {@link
     * #withdrawn}'s prefix of the task's mails of that template still covers them.
     */
    private static String key(String template, Task task, Person to) {
        return template + ":" + task.getId() + ":" + to.getId() + ":";
    }

    /**
     * The start of the dedup keys of {@code template}'s mails about {@code task} while nobody held it (the team's
     * reminders, the escalations of it unclaimed), whoever they went to; the assignee's own reminder and
     * escalation keys ({@code task-reminder:<task>}) have no colon after the task.
     */
    private static String teamMails(String template, Task task) {
        return template + ":" + task.getId() + ":";
    }

    /** The start of the dedup keys of every offer of {@code task}, whoever it went to. */
    private static String offers(Task task) {
        return "task-offered:" + task.getId() + ":";
    }

    private boolean isOverdue(Task task) {
        return task.getDueAt() != null && task.getDueAt().isBefore(clock.instant());
    }

    /** Withdraws the mails of {@code template} about {@code task} to {@code to} still waiting to go out. */
    private int withdraw(String template, Task task, Person to) {
        return outbox.withdraw(List.of(), List.of(key(template, task, to)));
    }

    private Person person(String username) {
        return username == null ? null : people.byUsername(username).orElse(null);
    }

    private void send(Person to, MailKind kind, String template, String key, Task task, Map<String, Object> extra) {
        if (to == null || !to.isActive() || !preferences.wants(to.getId(), kind)) {
            return;
        }
        Map<String, Object> model = model(task);
        model.putAll(extra);
        enqueue(to, template, key, model);
    }

    /** Queues {@code template} to {@code to}, written with their name and in their zone; adds their name to {@code model}. */
    private void enqueue(Person to, String template, String key, Map<String, Object> model) {
        model.put("recipientName", to.getFullName());
        outbox.enqueue(key, to.getEmail(), null, composer.compose(template, model, zones.of(to)));
    }

    private Map<String, Object> model(Task task) {
        Map<String, Object> model = new HashMap<>();
        model.put("taskId", task.getId());
        model.put("taskName", task.getName());
        // people by their names, as everywhere a mail names someone ("It was for Rob Jansen"); no read when none
        model.put("originalAssignee", people.fullName(task.getOriginalAssignee()));
        model.put("delegatedBy", people.fullName(task.getDelegatedBy()));
        if (task.getDueAt() != null) {
            model.put("dueAt", task.getDueAt()); // printed in the recipient's zone
        }
        // what the task is about, by name: its account's, else its subject's where that has one (a lead has no
        // account yet: "First touch · Pat Lead at Acme", so a rep with several leads can tell their mails apart)
        if (task.getAccountId() != null) {
            accounts.findById(task.getAccountId()).map(Account::getName).ifPresent(n -> model.put("accountName", n));
        } else if (task.getSubject() != null) {
            context.mailName(task).ifPresent(n -> model.put("accountName", n));
        }
        if (task.getSubject() != null) { // which of the account's records: "Assign owner · \"Price hold\" · Acme"
            context.mailWords(task).ifPresent(w -> model.put("subjectWords", w));
        }
        return model;
    }
}
