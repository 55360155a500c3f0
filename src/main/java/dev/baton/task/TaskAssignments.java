package dev.baton.task;

import dev.baton.audit.AuditEvent;
import dev.baton.audit.AuditLog;
import dev.baton.people.AbsenceService;
import dev.baton.people.AbsenceView;
import dev.baton.people.CoverToday;
import dev.baton.people.PeopleLookup;
import dev.baton.people.Person;
import dev.baton.people.ReportingLines;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.NotFoundException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Handing open tasks on: a person delegates one of theirs, a manager moves a report's tasks, a
 * person about to be away moves theirs to their cover. The first person a task was for stays on
 * record; each move is audited and mailed to both sides. A bad request changes nothing.
 */
@Service
public class TaskAssignments {

    private final TaskService inbox;
    private final Tasks tasks;
    private final PeopleLookup people;
    private final AbsenceService absences;
    private final TaskMails mails;
    private final ReportingLines lines;
    private final TransactionTemplate transactions;

    TaskAssignments(
            TaskService inbox,
            Tasks tasks,
            PeopleLookup people,
            AbsenceService absences,
            TaskMails mails,
            ReportingLines lines,
            TransactionTemplate transactions) {
        this.lines = lines;
        this.transactions = transactions;
        this.inbox = inbox;
        this.tasks = tasks;
        this.people = people;
        this.absences = absences;
        this.mails = mails;
    }

    /**
     * The assignee hands the task to an active colleague. Like every change a person makes to a task,
     * it runs again on the fresh row when Baton's own bookkeeping changed the row meanwhile ({@link
     * ClashRetry}).
     */
    public Task delegate(long id, String to) {
        return ClashRetry.inFreshTransaction(transactions, s -> {
            Viewer me = inbox.viewer();
            Task task = inbox.visible(id, me);
            inbox.requireAssignee(task, me);
            Person colleague = colleague(to, me.username());
            hand(task, colleague.getUsername(), me.username(), "task.delegated");
            return task;
        });
    }

    /**
     * An admin gives any open task to an active person: one waiting in the unassigned queue, or one
     * held or offered elsewhere. A manager who answers for a step nobody has claimed ({@link
     * UnclaimedStepAnswerers#answers}: told when it is overdue, though in none of its teams) gives it to one
     * of its active candidates, to get the team's work done. Throws {@link BadRequestException} at {@code
     * to} for an unknown or inactive person, one away today, or (a manager) one it is not offered to; {@link
     * TaskConflict} when the task is not open or already theirs; {@link AccessDeniedException} for anyone
     * else, and for a manager once somebody holds the step.
     */
    public Task assign(long id, String to) {
        return ClashRetry.inFreshTransaction(transactions, s -> {
            Viewer me = inbox.viewer();
            Task task = tasks.findById(id).orElseThrow(() -> new NotFoundException("task", id));
            if (me.admin()) {
                moveFor(task, colleague(to, task.getAssignee()).getUsername(), me.username());
                return task;
            }
            if (!UnclaimedStepAnswerers.answers(task, me.username(), people)) {
                throw new AccessDeniedException("only an admin, or a manager who answers for task " + id
                        + " while nobody has claimed it, may assign it");
            }
            Person candidate = colleague(to, task.getAssignee());
            if (people.activeInTeamsOrNamed(task.getCandidateGroups(), task.getCandidateUsers()).stream()
                    .noneMatch(p -> p.getId().equals(candidate.getId()))) {
                throw new BadRequestException(
                        "to", candidate.getFullName() + " is not offered this step: choose one of its candidates");
            }
            moveFor(task, candidate.getUsername(), me.username());
            return task;
        });
    }

    /**
     * Whom the signed-in manager may give {@code task} to ({@link #assign}): its active candidates, by name,
     * when they answer for it while nobody has claimed it; else nobody (an admin picks anyone instead).
     */
    @Transactional(readOnly = true)
    public List<Person> candidatesToAssign(Task task) {
        if (!UnclaimedStepAnswerers.answers(task, inbox.viewer().username(), people)) {
            return List.of();
        }
        return people.activeInTeamsOrNamed(task.getCandidateGroups(), task.getCandidateUsers()).stream()
                .sorted(Comparator.comparing(Person::getFullName))
                .toList();
    }

    /**
     * A manager moves open tasks of someone in their line (an admin: anyone's) to another person:
     * the given ones, or all when {@code taskIds} is null (left out); an empty list or a duplicate id is a 400
     * at {@code taskIds} ({@link #requireChosen}). Every id must be an open task of {@code from} (else 400 at
     * {@code taskIds}). Each holder gets one mail listing the tasks moved ({@link TaskMails#receivedTogether},
     * {@link TaskMails#movedTogether}; a move of one task, its per-task mails). The line is {@link ReportingLines}', the same that decides which
     * tasks a manager sees. The move is one transaction, run again on the rows read anew when one of
     * them changed meanwhile ({@link ClashRetry}: a lock extension, or a task its process ended; the
     * open tasks read again are still what the manager asked to move, and named ones are checked again).
     *
     * @throws BadRequestException at {@code from} when it is missing or names nobody
     *     ("no person 'bob'"), at {@code to} or {@code taskIds} as above
     * @throws ObjectOptimisticLockingFailureException when tasks changed meanwhile on every try
     */
    public List<Task> reassign(String from, String to, Collection<Long> taskIds) {
        Set<Long> chosen = requireChosen(taskIds);
        return ClashRetry.inFreshTransaction(transactions, s -> reassignOnce(from, to, chosen));
    }

    private List<Task> reassignOnce(String from, String to, Collection<Long> taskIds) {
        if (from == null || from.isBlank()) {
            throw new BadRequestException("from", "is required: name the person whose tasks move");
        }
        Viewer me = inbox.viewer();
        Person owner = people.byUsername(from).orElseThrow(() -> BadRequestException.noSuch("from", "person", from));
        Person manager = people.byUsername(me.username()).orElseThrow();
        lines.requireMayActFor(manager, owner, "reassign " + owner.getFullName() + "'s tasks");
        Person successor = colleague(to, from);
        List<Task> open = tasks.findByAssigneeAndStatusOrderByDueAtAsc(from, TaskStatus.OPEN);
        List<Task> chosen = taskIds == null
                ? open
                : open.stream().filter(t -> taskIds.contains(t.getId())).toList();
        if (taskIds != null && chosen.size() != taskIds.size()) {
            throw new BadRequestException("taskIds", "every task must be an open task of " + owner.getFullName());
        }
        List<TaskMails.Move> toNew = new ArrayList<>();
        List<TaskMails.Move> toPrevious = new ArrayList<>();
        for (Task t : chosen) {
            TaskMails.Move move = new TaskMails.Move(
                    t, movedBy(t, successor.getUsername(), me.username()).getId());
            TaskMails.Told told = mails.movedUntold(t, from, me.username());
            if (told.newHolder()) {
                toNew.add(move);
            }
            if (told.previousHolder()) {
                toPrevious.add(move);
            }
        }
        mails.receivedTogether(toNew, from, me.username());
        mails.movedTogether(toPrevious, from);
        return chosen;
    }

    /**
     * The task ids a bulk move names, checked before anything moves: an empty list is refused, as a client
     * sending its user's empty selection would move the whole inbox (probe 46: {@code "taskIds": []} moved all
     * nine of a rep's tasks); leaving the field out moves them all. A duplicate is named ("task 6 is given
     * twice"), not taken for a task of someone else's.
     *
     * @param taskIds as sent; null when the field was left out
     * @return the ids, or null for all
     * @throws BadRequestException at {@code taskIds} for an empty list, a null id or a duplicate
     */
    static Set<Long> requireChosen(Collection<Long> taskIds) {
        if (taskIds == null) {
            return null;
        }
        if (taskIds.isEmpty()) {
            throw new BadRequestException(
                    "taskIds", "is empty: name the tasks to move, or leave the field out to move all open tasks");
        }
        Set<Long> ids = new java.util.LinkedHashSet<>();
        for (Long id : taskIds) {
            if (id == null) {
                throw new BadRequestException("taskIds", "has an empty entry: name each task by its id");
            }
            if (!ids.add(id)) {
                throw new BadRequestException("taskIds", "task " + id + " is given twice");
            }
        }
        return ids;
    }

    /**
     * A handover moves {@code from}'s open tasks about one account to {@code to}, in the caller's
     * transaction, like any reassignment: the original assignee stays on record, both are mailed, and
     * it is audited. A second call finds nothing left with {@code from}, except steps it left to their
     * process that the process has not yet re-routed: a repeated handover job moves those like any task.
     *
     * @param reroutedByTheirProcess process instance key to the subject that process is about: an open
     *     task of that instance about that subject stays where it is, because its process was told of
     *     the change (a commitment's process withdraws its waiting step when the commitment changes
     *     owner and opens it again for the new owner), so moving the row as well would mail the new
     *     owner twice about one step and audit a move the engine undoes at once. Both must match, so a
     *     key the engine gave again after losing its data does not keep another process's task back.
     * @param mailedByTheirFeature subjects whose steps move without the inbox's mails: their feature
     *     tells the new holder itself (a commitment's "assigned" mail for its owner's step), so the step
     *     moving would only mail the same news twice
     * @param toldOfTheBook whether both know already, so no task's move is mailed to either: the new
     *     holder had one mail for the whole book (a handover's "You are taking over", which says the
     *     accounts' open tasks come with them) and the previous one is handing their book over. The mails
     *     about a moved task that are still waiting to go out and that the move made moot are withdrawn
     *     all the same (the previous holder's "New task", the new holder's "Task moved")
     * @return the subjects of the tasks that moved (one each; a task about no subject adds nothing)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Set<TaskSubject> handOverOpen(
            String from,
            String to,
            Long accountId,
            Map<Long, TaskSubject> reroutedByTheirProcess,
            Set<TaskSubject> mailedByTheirFeature,
            boolean toldOfTheBook) {
        Set<TaskSubject> moved = new HashSet<>();
        for (Task t : tasks.findByAssigneeAndStatusAndAccountId(from, TaskStatus.OPEN, accountId)) {
            if (!leftToItsProcess(t, reroutedByTheirProcess)) {
                boolean byTheirFeature = t.getSubject() != null && mailedByTheirFeature.contains(t.getSubject());
                String previous = t.getAssignee();
                String by = AuditLog.currentActor();
                AuditEvent event = move(t, to, delegatedBy(by, previous), "task.reassigned");
                if (toldOfTheBook && !byTheirFeature) {
                    mails.movedQuietly(t, previous);
                } else if (!byTheirFeature) {
                    mails.reassigned(t, previous, event.getId(), by);
                } // else their feature withdraws and sends what it must
                if (t.getSubject() != null) {
                    moved.add(t.getSubject());
                }
            }
        }
        return moved;
    }

    private static boolean leftToItsProcess(Task task, Map<Long, TaskSubject> reroutedByTheirProcess) {
        TaskSubject rerouted = reroutedByTheirProcess.get(task.getProcessInstanceKey());
        return rerouted != null && rerouted.equals(task.getSubject());
    }

    /**
     * Moves {@code from}'s open tasks about one subject (e.g. a lead) to {@code to}, in the caller's
     * transaction, like {@link #handOverOpen}: audited, a second call finds nothing left.
     *
     * @param replacedByTheirProcess whether the caller told the subject's process to replace these steps
     *     with new ones for {@code to} (an untouched lead's first touch starts again for its new owner):
     *     then nobody is mailed about the move, as the new step's own "New task" is the one mail the new
     *     holder gets, and a "Task moved" would tell the previous holder of a step about to be cancelled
     *     (found by the session 37 probe: the new holder had two "New task" mails per lead whenever the
     *     outbox went out before the process replaced the step). The mails the move made moot that are
     *     still waiting are withdrawn all the same, as for {@link #handOverOpen}'s quiet moves. The task
     *     still moves at once, so it is in the new holder's inbox, and out of the previous one's (and of
     *     a handover's orphan check), until its replacement arrives. Otherwise the new holder is mailed.
     * @param fromHandsOverTheirBook whether {@code from} is handing their book over (a handover, not a
     *     give-back after a leave): then they get no "Task moved" for a step that stays, as for the accounts'
     *     tasks a handover moves ({@link #handOverOpen}'s {@code toldOfTheBook}; found by the session 38 review:
     *     a worked lead's step still mailed one); the new holder is mailed all the same, as no book's mail
     *     tells them of the subject. Otherwise both holders are mailed
     * @return how many tasks moved
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int handOverOpenAbout(
            String from,
            String to,
            TaskSubject subject,
            boolean replacedByTheirProcess,
            boolean fromHandsOverTheirBook) {
        List<Task> open = tasks.findByAssigneeAndStatusAndSubjectTypeAndSubjectId(
                from, TaskStatus.OPEN, subject.type(), subject.id());
        String by = AuditLog.currentActor();
        for (Task t : open) {
            String previous = t.getAssignee();
            if (replacedByTheirProcess) {
                move(t, to, delegatedBy(by, previous), "task.reassigned");
                mails.movedQuietly(t, previous);
            } else if (fromHandsOverTheirBook) {
                AuditEvent event = move(t, to, delegatedBy(by, previous), "task.reassigned");
                mails.movedFromTheirBook(t, previous, event.getId(), by);
            } else {
                moveFor(t, to, by); // a manager's move, not a delegation, unless the holder moves it
            }
        }
        return open.size();
    }

    /**
     * A feature's waiting steps follow their subject to whoever answers for it now (a renewal's stage to the
     * account's new owner, its chase to their manager, when the account changes owner outside a handover):
     * {@code from}'s open tasks about {@code subject} at the given elements move to {@code to}, in the
     * caller's transaction, as a manager's move does ({@link #reassign}): audited as a move, with no
     * delegation mark unless the actor is {@code from}, and both holders mailed. The subject's other steps
     * stay where they are, and so does a step someone else holds now (delegated on); a second call finds
     * nothing left with {@code from} and moves nothing.
     *
     * @param elementIds the steps' element ids in their BPMN: a renewal's stage and its chase go to different
     *     people, so moving every step of {@code from}'s about the subject could move one to the wrong one
     *     when one person is both the previous owner and the new manager
     * @return how many tasks moved (none when {@code from} and {@code to} are the same person)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int moveOpenSteps(String from, String to, TaskSubject subject, Collection<String> elementIds) {
        if (from == null || to == null || from.equals(to)) {
            return 0;
        }
        List<Task> open = tasks
                .findByAssigneeAndStatusAndSubjectTypeAndSubjectId(from, TaskStatus.OPEN, subject.type(), subject.id())
                .stream()
                .filter(t -> elementIds.contains(t.getElementId()))
                .toList();
        String by = AuditLog.currentActor();
        open.forEach(t -> moveFor(t, to, by));
        return open.size();
    }

    /**
     * Moves all my open tasks to whoever covers my current or next absence today: its cover, or down the cover
     * chain when the cover is away, leaving or inactive today ({@link AbsenceService#coverOf}, the inbox's own
     * rule), so the button never promises someone who cannot take them ({@link ClashRetry} as above). A step
     * the cover may not hold goes to whom its feature names instead, as a new step would ({@link
     * TaskCoverRule}: a handover note or question of an account the cover takes over goes to the manager who
     * launched the handover), or stays when that is me.
     *
     * @return the tasks moved, each with its new assignee
     * @throws BadRequestException at {@code absence} when I have none, and at {@code delegate} (the absence's
     *     field I can change) when nobody in the chain can take work today, saying why each cannot
     */
    public List<Task> handToCover() {
        return ClashRetry.inFreshTransaction(transactions, s -> {
            String me = inbox.viewer().username();
            AbsenceView absence = absences.upcoming(me).stream()
                    .findFirst()
                    .orElseThrow(() -> new BadRequestException("absence", "record an absence with who covers first"));
            CoverToday cover = absences.coverOf(absence.id());
            String to = cover.holder()
                    .orElseThrow(() -> new BadRequestException(
                            "delegate",
                            cover.why() + ": nobody covering your absence can take your tasks today; change its"
                                    + " cover on /absences (PUT /api/absences/" + absence.id() + "/delegate)"));
            List<Task> open = tasks.findByAssigneeAndStatusOrderByDueAtAsc(me, TaskStatus.OPEN);
            // a step the cover may not hold goes where its feature says, as a new one would (a handover note)
            List<Task> moved = new ArrayList<>();
            for (Task t : open) {
                String holder = inbox.holderInsteadOf(t, to);
                if (!holder.equals(me)) {
                    hand(t, holder, me, "task.delegated");
                    moved.add(t);
                }
            }
            return moved;
        });
    }

    /**
     * An open step held in place of the person it was for follows the inbox's cover rule again after its feature
     * changed what its {@link TaskCoverRule} reads (a handover amend that makes the note's holder the account's
     * successor: session 46's second probe, the cover kept writing the note of the account he now takes over).
     * It goes to whom the inbox gives it today ({@link TaskService#holderToday}) when the rule had placed it
     * with its holder ({@code ruleHolderBefore}: that method's answer before the change), or when the rule no
     * longer lets its holder hold it in that person's place (a note handed by hand to the new successor). Else
     * it stays: a step someone moved by hand to a person the rule allows is theirs. Audited as a move ({@code
     * how} in its history), by the current actor and delegated by nobody; the new holder is mailed as for a new
     * step held in the away person's place (naming the cover who may not hold it, {@link TaskMails#assigned}),
     * the previous one that it moved, whoever changed the rule's input (the move is the rule's, not theirs).
     * Called again, it finds the step where the rule wants it and moves nothing.
     *
     * @param how why the rule moves it, for the step's history ("the handover's note rule: Rita Okafor now takes Acme over")
     * @return whether it moved
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean followCoverRule(Task task, String ruleHolderBefore, String how) {
        String holder = task.getAssignee();
        String forWhom = task.getOriginalAssignee();
        if (task.getStatus() != TaskStatus.OPEN || holder == null || forWhom == null || holder.equals(forWhom)) {
            return false; // with the person it was for, or with nobody: no cover rule placed it
        }
        String now = inbox.holderToday(task);
        if (now.equals(holder)
                || !(holder.equals(ruleHolderBefore)
                        || !inbox.holderInsteadOf(task, holder).equals(holder))) {
            return false;
        }
        Map<String, Object> before = TaskService.state(task);
        task.handOver(now, null);
        AuditEvent event = inbox.record("task.reassigned", task, before, how);
        String cover = absences.coverFor(forWhom).filter(c -> !c.equals(now)).orElse(null);
        mails.reassigned(task, holder, event.getId(), null, cover);
        return true;
    }

    /** Moves the task and mails both holders ({@link TaskMails#reassigned}). */
    private void hand(Task task, String to, String by, String action) {
        String previous = task.getAssignee();
        AuditEvent event = move(task, to, by, action);
        mails.reassigned(task, previous, event.getId(), by);
    }

    /**
     * {@link #assign}'s and {@link #reassign}'s move, by {@code by} who may act for the holder: only the holder
     * handing on their own task delegates it ({@link Task#handOver}'s {@code by}, their "Delegated by me").
     * Anyone else (a manager moving a report's task, an admin) moves it: recorded as by nobody, so it is in
     * neither their nor the holder's "Delegated by me", and its history says who moved it from whom (session
     * 44's probe: a manager's bulk move sat in the manager's delegated list, and the task's page said "handed on
     * by" the manager). A step nobody has held yet (a team's unclaimed step, one in the unassigned queue) is
     * audited as assigned ({@code task.assigned}, "assigned to ..." in its history, session 43's and 44's
     * probes); a held one as reassigned. The audit and the mails name {@code by} all the same.
     */
    private void moveFor(Task task, String to, String by) {
        String previous = task.getAssignee();
        AuditEvent event = movedBy(task, to, by);
        mails.reassigned(task, previous, event.getId(), by);
    }

    /** {@link #moveFor}'s move and audit, without its mails (a bulk move tells the previous holder once). */
    private AuditEvent movedBy(Task task, String to, String by) {
        String previous = task.getAssignee();
        boolean neverHeld = previous == null && task.getOriginalAssignee() == null;
        return move(task, to, delegatedBy(by, previous), neverHeld ? "task.assigned" : "task.reassigned");
    }

    /**
     * Who a move by {@code by} records as handing the task on ({@link Task#handOver}): only its holder
     * ({@code previous}) delegates; a manager's, an admin's or a handover's move is by nobody, so it is in no one's
     * "Delegated by me" (session 44's probe for a manager's move; the same for the tasks a handover moves, whose
     * launcher had them all in their delegated list).
     */
    private static String delegatedBy(String by, String previous) {
        return by != null && by.equals(previous) ? by : null;
    }

    /** Moves the task to {@code to} (the first holder stays on record) and audits it as {@code action}, by {@code by}. */
    private AuditEvent move(Task task, String to, String by, String action) {
        Map<String, Object> before = TaskService.state(task);
        task.handOver(to, by);
        return inbox.record(action, task, before);
    }

    /**
     * Whom a task may go to: an existing person other than its current holder who can take work today:
     * active, not being handed over, not away (else 400 at {@code to}).
     */
    private Person colleague(String username, String holder) {
        if (username == null || username.isBlank()) {
            throw new BadRequestException("to", "name the person who takes over");
        }
        Person p = people.byUsernameOrEmail(username.trim())
                .orElseThrow(() -> BadRequestException.noSuch("to", "person", username));
        if (p.getUsername().equals(holder)) {
            throw new BadRequestException("to", p.getFullName() + " already has it: choose someone else");
        }
        absences.unavailableToday(p).ifPresent(reason -> {
            throw new BadRequestException("to", reason + ": choose someone else");
        });
        return p;
    }
}
