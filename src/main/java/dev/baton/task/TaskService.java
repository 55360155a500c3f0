package dev.baton.task;

import dev.baton.account.Accounts;
import dev.baton.audit.AuditEvent;
import dev.baton.audit.AuditLog;
import dev.baton.people.AbsenceService;
import dev.baton.people.CoverToday;
import dev.baton.people.Leavers;
import dev.baton.people.PeopleLookup;
import dev.baton.people.Person;
import dev.baton.people.ReportingLines;
import dev.baton.people.Role;
import dev.baton.people.SignedInNow;
import dev.baton.shared.AdvisoryLocks;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.ConflictException;
import dev.baton.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inbox: who sees which task, and the person's side of a task's life (claim, unclaim,
 * complete; hand-overs are in {@link TaskAssignments}). A completion is committed first (COMPLETING, with the values) and handed to the engine
 * afterwards by {@link TaskEngineSync}, so an engine outage never loses what the person entered.
 */
@Service
public class TaskService {

    private static final Logger log = LoggerFactory.getLogger(TaskService.class);

    private final Tasks tasks;
    private final PeopleLookup people;
    private final AbsenceService absences;
    private final TaskContext context;
    private final TaskMails mails;
    private final Forms forms;
    private final AuditLog audit;
    private final TaskEngineSync engineSync;
    private final TaskSettings settings;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TaskPeople taskPeople;
    private final Accounts accounts;
    private final TaskCompletionHandlers handlers;

    /** Looked up on first use, as the handlers. */
    private final ObjectProvider<TaskFormDefaults> formDefaults;

    private final ObjectProvider<TaskCoverRule> coverRules;

    private final AccountAnswers accountAnswers;

    private final ReportingLines lines;
    private final InboxQuery inbox;
    private final Leavers leavers;
    private final AdvisoryLocks locks;

    TaskService(
            Tasks tasks,
            PeopleLookup people,
            AbsenceService absences,
            TaskContext context,
            TaskMails mails,
            Forms forms,
            AuditLog audit,
            TaskEngineSync engineSync,
            TaskSettings settings,
            Clock clock,
            TransactionTemplate tx,
            TaskCompletionHandlers handlers,
            ObjectProvider<TaskFormDefaults> formDefaults,
            ObjectProvider<TaskCoverRule> coverRules,
            ReportingLines lines,
            TaskPeople taskPeople,
            Accounts accounts,
            InboxQuery inbox,
            AccountAnswers accountAnswers,
            Leavers leavers,
            AdvisoryLocks locks) {
        this.leavers = leavers;
        this.locks = locks;
        this.accountAnswers = accountAnswers;
        this.lines = lines;
        this.inbox = inbox;
        this.taskPeople = taskPeople;
        this.accounts = accounts;
        this.tasks = tasks;
        this.people = people;
        this.absences = absences;
        this.context = context;
        this.mails = mails;
        this.forms = forms;
        this.audit = audit;
        this.engineSync = engineSync;
        this.settings = settings;
        this.clock = clock;
        this.tx = tx;
        this.handlers = handlers;
        this.formDefaults = formDefaults;
        this.coverRules = coverRules;
    }

    /**
     * The work a field of the task's answer gives a new owner, as the answer's check judges whom
     * ({@link TaskCompletionHandler#givenWork}); empty when its form has no handler, or the handler does not
     * judge the field so.
     */
    public Optional<TaskCompletionHandler.GivenWork> givenWork(Task task, String field) {
        return handlers.of(task.getFormKey()).flatMap(h -> h.givenWork(task, field));
    }

    private TaskCompletionHandler handlerFor(String formKey) {
        return handlers.of(formKey).orElse(null);
    }

    /**
     * The row for a user-task job; a job delivered again (at-least-once delivery, or after its
     * activation timeout) finds its row and changes nothing. A new task for someone who is away goes
     * to their cover, or down the cover chain ({@link AbsenceService#coverToday}), or to whom the step's
     * feature names instead ({@link TaskCoverRule}); the person it was for stays on record. When nobody in
     * the chain can take work today it stays with them, their mail says why (session 46's probe: it
     * stayed silently), and their manager is told ({@link TaskMails#uncovered}). Its assignee is told by mail, or, when it
     * has none, everyone who may claim it ({@link TaskMails#offered}); not when its playbook mails
     * itself ({@code baton:ownAssignmentMail}). People are
     * resolved by user name or e-mail ({@link TaskPeople}); an account id that is no Baton account is
     * kept as text ({@link Task#getAccountRef()}) so the task still arrives.
     */
    @Transactional
    public Task upsert(TaskSpec spec) {
        return upsert(spec, Map.of());
    }

    /**
     * {@link #upsert(TaskSpec)}, keeping with a new task the variables its form reads (those its
     * schema names) from the job's variables (name to JSON value), for its data and checks.
     */
    @Transactional
    public Task upsert(TaskSpec spec, Map<String, Object> variables) {
        List<Task> sameKey = tasks.findByJobKey(spec.jobKey());
        return sameKey.stream()
                .filter(t -> t.getElementInstanceKey() == spec.elementInstanceKey())
                .findFirst()
                .orElseGet(() -> {
                    retireStale(sameKey, spec);
                    return create(spec, variables);
                });
    }

    /**
     * A row with this job key but another element instance is from a broker's earlier life (its data
     * lost, its keys handed out again): that job no longer exists, and completing the row would
     * complete the new one. Such rows still open are canceled.
     */
    private void retireStale(List<Task> sameKey, TaskSpec spec) {
        for (Task stale : sameKey) {
            if (stale.getStatus() == TaskStatus.OPEN || stale.getStatus() == TaskStatus.COMPLETING) {
                Map<String, Object> before = state(stale);
                stale.cancel();
                record("task.canceled", stale, before);
                mails.withdrawn(stale);
                log.warn(
                        "task {} canceled: its job key {} now belongs to another step (the engine's data was reset?)",
                        stale.getId(),
                        spec.jobKey());
            }
        }
    }

    private Task create(TaskSpec spec, Map<String, Object> variables) {
        boolean knownAccount = spec.accountId() == null || accounts.existsById(spec.accountId());
        Task task = new Task(
                spec, taskPeople.resolve(spec), knownAccount, clock.instant().plus(settings.activationTimeout()));
        task.keepFormVariables(forms.of(task).referenced(variables));
        CoverToday cover = task.getAssignee() == null ? null : absences.coverToday(task.getAssignee());
        if (cover != null) {
            String holder = holderToday(task, task.getAssignee(), cover);
            if (!holder.equals(task.getAssignee())) {
                task.coveredBy(holder);
            }
        }
        tasks.save(task);
        if (task.getUnassignedReason() != null) {
            log.warn(
                    "task {} ({} in {}): {}",
                    task.getId(),
                    task.getElementId(),
                    task.getBpmnProcessId(),
                    task.getUnassignedReason());
            record("task.unassigned", task, null);
        }
        if (task.getAssignee() != null) {
            record("task.assigned", task, null);
            boolean toldByPlaybook = spec.ownAssignmentMail() && task.getOriginalAssignee() == null;
            if (!toldByPlaybook) {
                mails.assigned(
                        task,
                        "created",
                        cover != null && cover.uncovered() ? cover.why() : null,
                        notTheCover(task, cover));
            }
            if (cover != null && cover.uncovered()) {
                mails.uncovered(task, cover.why()); // their manager can move it (session 46 left them untold)
            }
        } else if (!spec.ownAssignmentMail()) {
            mails.offered(task); // nobody holds it: everyone who may claim it is told (nobody when unheld)
        }
        return task;
    }

    /** The cover of a new task's assignee when the step's feature gave it to someone else instead, else null. */
    private static String notTheCover(Task task, CoverToday cover) {
        if (cover == null || task.getOriginalAssignee() == null) {
            return null;
        }
        return cover.holder().filter(c -> !c.equals(task.getAssignee())).orElse(null);
    }

    /**
     * Who holds {@code task} today by the inbox's rule for a new step: the person it was for (its original
     * assignee, else its assignee), or, when they are away today, their cover down the chain ({@link
     * AbsenceService#coverToday}), or whom the step's feature names instead ({@link TaskCoverRule}). For a
     * feature whose rule reads something that changed (a handover's amended successor, {@link
     * TaskAssignments#followCoverRule}).
     *
     * @return the user name; null for a step that was for nobody (a team's, unclaimed)
     */
    @Transactional(readOnly = true)
    public String holderToday(Task task) {
        String forWhom = task.getOriginalAssignee() != null ? task.getOriginalAssignee() : task.getAssignee();
        return forWhom == null ? null : holderToday(task, forWhom, absences.coverToday(forWhom));
    }

    /** {@link #holderToday(Task)} for {@code forWhom}, whose cover today is {@code cover}. */
    private String holderToday(Task task, String forWhom, CoverToday cover) {
        return cover.holder().map(holder -> holderInsteadOf(task, holder)).orElse(forWhom);
    }

    /**
     * The newest step at {@code elementId} about {@code subject} and the account, whatever its status (who held
     * a step its process has just closed), for the subject's own feature, which decides who may see it.
     */
    @Transactional(readOnly = true)
    public Optional<Task> newestAt(TaskSubject subject, long accountId, String elementId) {
        return tasks.findFirstBySubjectTypeAndSubjectIdAndAccountIdAndElementIdOrderByIdDesc(
                subject.type(), subject.id(), accountId, elementId);
    }

    /**
     * Who holds a task while its assignee is away: their cover, unless the step's feature names someone else
     * ({@link TaskCoverRule}); for a new task, and for the tasks an assignee moves to their cover ({@link
     * TaskAssignments#handToCover}).
     */
    String holderInsteadOf(Task task, String cover) {
        return coverRules
                .orderedStream()
                .map(rule -> rule.insteadOfCover(task, cover))
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(cover);
    }

    /**
     * One page of the signed-in person's tasks in the filter's scope, with the total. The inbox is read
     * by {@link InboxQuery} (one arm per kind of offer); every other scope by {@link
     * TaskFilter#toSpecification}.
     *
     * @param page sorted by dueAt, followUpAt, createdAt, completedAt or id (all that TaskListing offers)
     * @throws IllegalArgumentException for the inbox sorted by any other property
     */
    @Transactional(readOnly = true)
    public Page<Task> list(TaskFilter filter, Pageable page) {
        // only the list of everything visible needs a manager's line (a recursive query): not the inbox
        Viewer me = viewer(filter.scope() == TaskScope.ALL_VISIBLE);
        if (filter.scope() == TaskScope.INBOX) {
            return inbox.page(me, filter, clock.instant(), page);
        }
        return tasks.findPage(filter.toSpecification(me, clock.instant()), page);
    }

    @Transactional(readOnly = true)
    public TaskDetails details(long id) {
        Task task = visible(id, viewer());
        return context.of(task, forms.of(task));
    }

    /**
     * The open tasks of one process instance (not of the instances it called), oldest first, for the
     * feature that runs it (a playbook run being cancelled), which decides itself who may see them.
     */
    @Transactional(readOnly = true)
    public List<Task> openIn(long processInstanceKey) {
        return tasks.findByProcessInstanceKeyAndStatusOrderById(processInstanceKey, TaskStatus.OPEN);
    }

    /**
     * The open tasks about an account that arrived at or after {@code since}, oldest first: where a
     * cancelled run looks for the tasks of the playbooks it called, which a task does not link to the
     * run that called its process. For the feature that runs it, which decides itself who may see them.
     */
    @Transactional(readOnly = true)
    public List<Task> openOnAccountSince(long accountId, Instant since) {
        return tasks.findByAccountIdAndStatusAndCreatedAtGreaterThanEqualOrderById(accountId, TaskStatus.OPEN, since);
    }

    /**
     * The open tasks about no account that arrived at or after {@code since}, oldest first: where a
     * cancelled run without an account looks for the tasks of the playbooks it called (found by a
     * probe: they stayed in the inbox). For the feature that runs it, which decides who may see them.
     */
    @Transactional(readOnly = true)
    public List<Task> openWithoutAccountSince(Instant since) {
        return tasks.findByAccountIdIsNullAndStatusAndCreatedAtGreaterThanEqualOrderById(TaskStatus.OPEN, since);
    }

    /**
     * The open tasks about a subject, oldest first, for the subject's own feature (e.g. a handover's
     * progress page), which decides itself who may see them.
     */
    @Transactional(readOnly = true)
    public List<Task> openAbout(TaskSubject subject) {
        return tasks.findBySubjectTypeAndSubjectIdAndStatusOrderById(subject.type(), subject.id(), TaskStatus.OPEN);
    }

    /**
     * Like {@link #openAbout(TaskSubject)}, but only the tasks about one of {@code accountIds} and those
     * about no account: for one page of a subject with many accounts (a big handover).
     */
    @Transactional(readOnly = true)
    public List<Task> openAbout(TaskSubject subject, java.util.Collection<Long> accountIds) {
        return accountIds.isEmpty()
                ? tasks.findOpenAboutAccounts(subject.type(), subject.id(), List.of(-1L))
                : tasks.findOpenAboutAccounts(subject.type(), subject.id(), accountIds);
    }

    /**
     * The steps (open tasks) the runs about these subjects wait on, by subject id, oldest first: for a list of
     * a feature's runs (renewals, contact reviews), which decides itself who may see them. A run is found by
     * any task about the subject it holds or held, so its later steps about something else count too (a
     * contact review's follow-up about a contact who left). One query for them all; a subject whose run waits
     * on nobody (it ended, or is at an automated step) has no entry.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<RunStep>> openStepsOfRunsAbout(String subjectType, java.util.Collection<Long> subjectIds) {
        if (subjectIds.isEmpty()) {
            return Map.of();
        }
        Instant now = clock.instant();
        Map<Long, java.util.LinkedHashMap<Long, RunStep>> bySubject = new HashMap<>();
        for (Object[] row : tasks.findOpenInRunsAbout(subjectType, subjectIds)) {
            Task t = (Task) row[1];
            bySubject
                    .computeIfAbsent((Long) row[0], id -> new java.util.LinkedHashMap<>())
                    .computeIfAbsent(
                            t.getId(),
                            id -> new RunStep(
                                    t.getName(),
                                    t.getAccountId(),
                                    t.getAssignee(),
                                    t.getCandidateGroups(),
                                    t.getCreatedAt(),
                                    t.getDueAt(),
                                    t.getDueAt() != null && t.getDueAt().isBefore(now)));
        }
        Map<Long, List<RunStep>> steps = new HashMap<>();
        bySubject.forEach((id, byTask) -> steps.put(id, List.copyOf(byTask.values())));
        return steps;
    }

    /** How many open tasks the person holds (assigned to them, claimed or not). */
    @Transactional(readOnly = true)
    public long openCountAssignedTo(String username) {
        return tasks.countByAssigneeAndStatus(username, TaskStatus.OPEN);
    }

    /**
     * Only a member of a candidate team or a candidate user may claim (and an admin a task in the
     * unassigned queue); a task claimed by someone else is a conflict, as is a claim by someone being
     * handed over or leaving ({@link Leavers}: they take no new work). The offer mails still queued to
     * the others are withdrawn.
     */
    public Task claim(long id) {
        return byPerson(status -> {
            Viewer me = viewer();
            Task task = visible(id, me);
            if (!me.mayClaim(task)) {
                throw new AccessDeniedException(
                        "only a candidate user or a member of a candidate team may claim task " + id);
            }
            if (!me.username().equals(task.getAssignee())) {
                // judged after a launch of the claimer's handover at the same moment, not beside it: the step
                // claimed then stayed with the leaver, whom it kept from being deactivated (found by a probe)
                locks.share(AdvisoryLocks.Subject.PEOPLE_AND_HANDOVERS);
                whyNoNewClaims().ifPresent(why -> {
                    throw new ConflictException(why);
                });
            }
            Map<String, Object> before = state(task);
            task.claim(me.username());
            record("task.claimed", task, before);
            mails.taken(task);
            return task;
        });
    }

    /**
     * Why the signed-in person may claim no new step, if so: they are being handed over or leaving
     * ({@link Leavers}: they take no new work, which their handover would have to move or leave behind;
     * found by a probe). They are not offered steps either ({@link TaskMails#offered}), and the pages
     * show no Claim button.
     *
     * @return "Rob Jansen is being handed over and cannot claim a new task"; empty when they may claim
     */
    @Transactional(readOnly = true)
    public Optional<String> whyNoNewClaims() {
        return people.byUsername(AuditLog.currentActor())
                .flatMap(leavers::leaving)
                .map(why -> why + " and cannot claim a new task");
    }

    /**
     * Gives the signed-in person's task back to its candidates (team or users).
     *
     * @throws NotFoundException when there is no such task
     * @throws AccessDeniedException when the person may not see it, or someone else holds it
     * @throws TaskConflict when it is closed, has nobody to go back to, or is back with them already
     *     (given back twice, e.g. again after the browser's Back: it said "claim it first", session 40)
     */
    public Task unclaim(long id) {
        return byPerson(status -> {
            Viewer me = viewer();
            Task task = visible(id, me);
            if (task.getAssignee() == null) {
                task.requireOpen("given back");
                throw new TaskConflict(task, "is already back with its team: nobody holds it, nothing changed");
            }
            requireAssignee(task, me);
            Map<String, Object> before = state(task);
            task.unclaim();
            record("task.unclaimed", task, before);
            return task;
        });
    }

    /**
     * A person's change to a task: the person sent no version, so a clash with Baton's own
     * bookkeeping on the row (a lock extension when a sibling step arrived) is not theirs to resolve.
     */
    private Task byPerson(TransactionCallback<Task> change) {
        return ClashRetry.inFreshTransaction(tx, change);
    }

    /**
     * Only the assignee completes (a candidate-team member claims first). The form's rules, then the
     * step's {@link TaskCompletionHandler} if it has one, check the answer; either throws {@link
     * InvalidFormValues} before anything changes (the task stays open); {@link BadRequestException}
     * when the engine refuses the answer for good (the task is open again, with the reason). Throws {@link TaskWithdrawn}
     * when the process closed the step before the answer reached the engine (a timer, an escalation, a
     * cancelled instance): the task is CANCELED and keeps no answer ({@link TaskEngineSync}).
     */
    public Task complete(long id, Map<String, ?> submitted) {
        Task completing = byPerson(status -> {
            Viewer me = viewer();
            Task task = visible(id, me);
            task.requireOpen("completed"); // a done task is not for claiming: say it is done
            requireAssignee(task, me);
            TaskCompletionHandler handler = handlerFor(task.getFormKey());
            Map<String, ?> answer = handler == null ? submitted : handler.beforeForm(task, submitted, me.username());
            FormDefinition form = forms.of(task);
            // a form of plain inputs checks the same without them: no feature's draft built for nothing
            Map<String, Object> values = form.validate(answer, form.readsVariables() ? formVariables(task) : Map.of());
            accountAnswers.requireMayName(values, me.username());
            if (handler != null) {
                values = handler.complete(task, values, me.username());
            }
            Map<String, Object> before = state(task);
            task.complete(me.username(), values, clock.instant());
            record("task.completed", task, before);
            mails.taken(task); // claimed first, so normally none are left: one never goes out about a done step
            return task;
        });
        Task done = engineSync.finishCompletion(completing.getId()).orElse(completing);
        if (done.getStatus() == TaskStatus.CANCELED) {
            TaskCompletionHandler handler = handlerFor(done.getFormKey());
            throw new TaskWithdrawn(done, handler == null ? Optional.empty() : handler.keptWhenWithdrawn(done));
        }
        if (done.getStatus() == TaskStatus.OPEN && done.getCompletionRefusal() != null) {
            throw new BadRequestException("task " + id + " is still open: " + done.getCompletionRefusal());
        }
        return done;
    }

    /**
     * What the form reads as it checks an answer: what its page showed, the task's variables with its
     * feature's values over them ({@link TaskFormDefaults}), e.g. the people a select offers now.
     */
    private Map<String, Object> formVariables(Task task) {
        return FormDefinition.merge(
                task.getFormVariables(),
                TaskFormDefaults.of(formDefaults.orderedStream().toList(), task));
    }

    /**
     * The task's assignee can no longer hold it (e.g. deactivated since): it goes back to its
     * candidates, or to the admins' unassigned queue, with why; audited.
     */
    void release(Task task, String reason) {
        Map<String, Object> before = state(task);
        task.release(reason);
        record("task.released", task, before);
        log.warn("task {} released from {}: {}", task.getId(), task.getOriginalAssignee(), reason);
    }

    /**
     * Whether the signed-in person may claim {@code task} ({@link Viewer#mayClaim}): the task page shows its
     * Claim button only then (a manager who answers for a team's step reads it, and may assign it instead).
     */
    @Transactional(readOnly = true)
    public boolean mayClaim(Task task) {
        return viewer(false).mayClaim(task);
    }

    /**
     * Whether the signed-in person is one of the managers who answer for {@code task} while nobody has
     * claimed it ({@link UnclaimedStepAnswerers#answers}): they may open it and assign it to one of its
     * candidates.
     */
    @Transactional(readOnly = true)
    public boolean answersFor(Task task) {
        return UnclaimedStepAnswerers.answers(task, AuditLog.currentActor(), people);
    }

    /**
     * The task, when {@code me} may see it ({@link Viewer#canSee}), or is one of the managers who answer for it
     * while nobody has claimed it ({@link UnclaimedStepAnswerers#answers}: told it is overdue, they open it
     * from the mail); else {@link AccessDeniedException}.
     */
    Task visible(long id, Viewer me) {
        Task task = tasks.findById(id).orElseThrow(() -> new NotFoundException("task", id));
        if (!me.canSee(task) && !UnclaimedStepAnswerers.answers(task, me.username(), people)) {
            throw new AccessDeniedException("task " + id + " is neither yours nor your team's");
        }
        return task;
    }

    void requireAssignee(Task task, Viewer me) {
        if (me.username().equals(task.getAssignee())) {
            return;
        }
        String only = "only the assignee may do this; ";
        if (task.getAssignee() == null) {
            throw new AccessDeniedException(
                    task.isUnheld()
                            ? only + "task " + task.getId() + " is in the admins' unassigned work: an admin assigns it"
                            : only + "claim task " + task.getId() + " first");
        }
        // a task someone holds cannot be claimed (probe 46: its delegator was told "claim task 5 first")
        String holder = people.fullName(task.getAssignee());
        if (me.username().equals(task.getDelegatedBy())) {
            throw new AccessDeniedException(only + "you handed task " + task.getId() + " on to " + holder
                    + ", who holds it now: ask them to hand it back to you"
                    + (task.getCandidateGroups().isEmpty()
                                    && task.getCandidateUsers().isEmpty()
                            ? ""
                            : ", or to give it back to its team so that you can claim it"));
        }
        throw new AccessDeniedException(
                only + "task " + task.getId() + " is with " + holder + ": ask them to hand it on to you");
    }

    Viewer viewer() {
        return viewer(true);
    }

    /** @param withLine whether to read a manager's line ({@link Viewer#reports()}; else empty) */
    private Viewer viewer(boolean withLine) {
        String username = AuditLog.currentActor();
        var signedIn = SignedInNow.of(username); // a stateless call read team and roles at sign-in
        if (signedIn.isPresent() && !(withLine && signedIn.get().roles().contains(Role.MANAGER))) {
            String team = signedIn.get().teamKey();
            return new Viewer(
                    username,
                    team == null ? Set.of() : Set.of(team),
                    Set.of(),
                    signedIn.get().roles().contains(Role.ADMIN));
        }
        Person me = people.byUsername(username).orElseThrow(() -> new AccessDeniedException(username + " is unknown"));
        Set<String> teams =
                me.getTeam() == null ? Set.of() : Set.of(me.getTeam().getKey());
        // a manager sees the work of their whole line (the same rule that lets them reassign it); an admin all
        Set<String> line = withLine && me.hasRole(Role.MANAGER) ? lines.line(me) : Set.of();
        return new Viewer(username, teams, line, me.hasRole(Role.ADMIN));
    }

    AuditEvent record(String action, Task task, Map<String, Object> before) {
        return audit.record(action, "task", task.getId(), task.getAccountId(), before, state(task));
    }

    /** {@link #record(String, Task, Map)}, saying how it came about ({@code how}: the history's note). */
    AuditEvent record(String action, Task task, Map<String, Object> before, String how) {
        Map<String, Object> after = state(task);
        after.put("how", how);
        return audit.record(action, "task", task.getId(), task.getAccountId(), before, after);
    }

    static Map<String, Object> state(Task task) {
        Map<String, Object> state = new HashMap<>();
        state.put("status", task.getStatus().name());
        state.put("assignee", task.getAssignee());
        if (task.getOriginalAssignee() != null) {
            state.put("originalAssignee", task.getOriginalAssignee());
        }
        if (task.getDelegatedBy() != null) {
            state.put("delegatedBy", task.getDelegatedBy());
        }
        if (task.getAssignee() == null && task.getUnassignedReason() != null) {
            state.put("unassignedReason", task.getUnassignedReason());
        }
        return state;
    }
}
