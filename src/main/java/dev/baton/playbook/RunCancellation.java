package dev.baton.playbook;

import static dev.baton.audit.Changes.fields;

import dev.baton.audit.AuditLog;
import dev.baton.engine.DeployedPlaybooks;
import dev.baton.engine.DeployedPlaybooks.DeployedProcess;
import dev.baton.engine.JobProblems;
import dev.baton.engine.ProcessInstances;
import dev.baton.people.Capability;
import dev.baton.people.PeopleLookup;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.CancelReason;
import dev.baton.shared.ConflictException;
import dev.baton.shared.EngineUnavailableException;
import dev.baton.shared.NotFoundException;
import dev.baton.task.TaskEngineSync;
import dev.baton.task.TaskService;
import java.time.Clock;
import java.util.Collection;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cancelling a playbook run Baton recorded ({@link PlaybookInstance}): one that waits forever, or is
 * stuck on an incident, stops for good. Who may: admins and revenue ops, and the manager who launched the
 * run (its {@code startedBy}, the catalogue's launcher as in {@link RunsByLauncher}); a run the engine
 * started itself (a timer start event's: {@link EngineStartedRuns}) has no launcher.
 */
@Service
public class RunCancellation {

    private final PlaybookInstances instances;
    private final ProcessInstances engine;
    private final TaskService tasks;
    private final TaskEngineSync engineSync;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final PeopleLookup people;
    private final JobProblems problems;
    private final DeployedPlaybooks deployed;

    RunCancellation(
            PlaybookInstances instances,
            ProcessInstances engine,
            TaskService tasks,
            TaskEngineSync engineSync,
            AuditLog audit,
            Clock clock,
            TransactionTemplate tx,
            PeopleLookup people,
            JobProblems problems,
            DeployedPlaybooks deployed) {
        this.deployed = deployed;
        this.people = people;
        this.problems = problems;
        this.instances = instances;
        this.engine = engine;
        this.tasks = tasks;
        this.engineSync = engineSync;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    /**
     * Whether {@code actor} may cancel a run {@code startedBy} launched: those who manage playbooks
     * ({@link Capability#MANAGE_PLAYBOOKS}: admins, revenue ops), and a manager who launched it ({@link
     * Capability#CANCEL_OWN_RUNS}). Who has neither capability may cancel no run: {@link #MAY_CANCEL_SOME},
     * which the cancel endpoints decide before they read the request.
     *
     * @param roles the actor's roles as Baton names them (ADMIN, MANAGER, ...)
     */
    public static boolean mayCancel(String startedBy, String actor, Collection<String> roles) {
        return Capability.MANAGE_PLAYBOOKS.grantedToNames(roles)
                || (Capability.CANCEL_OWN_RUNS.grantedToNames(roles) && actor.equals(startedBy));
    }

    /**
     * {@link #mayCancel} for no run in particular, as a {@code @PreAuthorize} expression: whether the signed-in
     * person may cancel some run (any, or the ones they launched). Someone it refuses gets a 403 whatever they
     * send, not "reason: must not be blank" first (session 42's probe: a rep).
     */
    public static final String MAY_CANCEL_SOME = "@capabilities.granted(authentication, 'MANAGE_PLAYBOOKS')"
            + " or @capabilities.granted(authentication, 'CANCEL_OWN_RUNS')";

    /**
     * Cancels the run in the engine, then records it cancelled (by {@code actor}, now, why) and audits
     * it; then its open tasks, whose jobs are gone, are withdrawn from the inboxes ({@link
     * TaskEngineSync}: each is checked with the engine), and so are the open tasks on the run's
     * account that arrived since it started (for a run about no account: those about none): those of the
     * playbooks it called, which a task does not link to the run (a live run's task is left as it was:
     * checking only extends its lock). The problems still listed for its steps on the admins' page,
     * and for those of the playbooks it called, are resolved: "the run was canceled by Maria Rossi"
     * (session 39: they stayed open for ever). A run the engine no longer has had ended already: it is
     * recorded as ended, not cancelled, and its problems are resolved as "the run ended".
     *
     * <p>No database row is locked while the engine answers (issue 15: "commit first, call the
     * engine, record the outcome"): the checks commit before the engine is asked, and the outcome is
     * recorded under the row's lock after. So an engine that does not answer changes nothing in Baton.
     * Should Baton stop between the engine's cancel and the record, the run is marked ended (not
     * cancelled, and not audited) by {@link InstanceSweep}, which sees the engine no longer has it.
     *
     * @param roles the actor's roles (ADMIN, MANAGER, ...), for {@link #mayCancel}
     * @throws BadRequestException (field {@code reason}) for a reason {@link CancelReason} refuses
     * @throws NotFoundException when Baton did not start the run
     * @throws AccessDeniedException when the actor may not cancel it
     * @throws ConflictException when the run has ended already (a second cancel changes nothing), or was
     *     called by another run (the engine cancels it only with its caller)
     * @throws EngineUnavailableException when the engine could not be reached: nothing changed
     */
    public void cancel(long processInstanceKey, String reason, String actor, Collection<String> roles) {
        String why = CancelReason.checked(reason, "run");
        PlaybookInstance checked = tx.execute(status -> {
            PlaybookInstance run = instances
                    .findById(processInstanceKey)
                    .orElseThrow(() -> new NotFoundException("playbook instance", processInstanceKey));
            if (!mayCancel(run.getStartedBy(), actor, roles)) {
                throw new AccessDeniedException(
                        run.getStartedBy() == null
                                ? "only admins and revenue ops may cancel run " + processInstanceKey + " ("
                                        + run.getStartedHowInWords() + ")"
                                : "only admins and the manager who launched run " + processInstanceKey
                                        + " may cancel it");
            }
            if (run.getEndedAt() != null) {
                throw endedAlready(processInstanceKey, run.getCanceledBy());
            }
            if (run.getCalledBy() != null) {
                // the engine cancels a called instance only with the run that called it
                throw new ConflictException("run " + processInstanceKey + " was called by run " + run.getCalledBy()
                        + ": cancel that run, which cancels this one");
            }
            return run;
        });
        boolean canceledHere = engine.cancel(processInstanceKey);
        String canceledBy = tx.execute(status -> record(processInstanceKey, canceledHere, why, actor));
        tasks.openIn(processInstanceKey).forEach(engineSync::settleDelivered);
        // the engine terminates the called instances just after the run: checked again in seconds. A task
        // does not name the run that called its process, so those that arrived since on the run's account are
        // checked, or, for a run about no account, those about none (checking a live run's task only extends
        // its lock)
        engineSync.settleNowAndSoon(
                checked.getAccountId() != null
                        ? tasks.openOnAccountSince(checked.getAccountId(), checked.getStartedAt())
                        : tasks.openWithoutAccountSince(checked.getStartedAt()));
        if (!canceledHere) {
            throw endedAlready(processInstanceKey, canceledBy);
        }
    }

    /**
     * The engine's answer, recorded under the row's lock: two cancels at once both pass the checks,
     * and only the one whose engine command cancelled the run records and audits it. Returns who
     * cancelled the run, if anyone did.
     */
    private String record(long processInstanceKey, boolean canceledHere, String why, String actor) {
        PlaybookInstance run = instances.lockById(processInstanceKey).orElseThrow();
        if (!canceledHere) {
            run.ended(clock.instant()); // completed or cancelled meanwhile: true whatever the answer
            problems.resolveRun(processInstanceKey, JobProblems.RUN_ENDED, clock.instant());
            return run.getCanceledBy();
        }
        if (run.canceled(actor, why, clock.instant())) {
            problems.resolveRun(
                    processInstanceKey, "the run was canceled by " + people.fullName(actor), clock.instant());
            audit.record(
                    "playbook.instance-canceled",
                    "playbook_instance",
                    processInstanceKey,
                    run.getAccountId(),
                    fields("status", "running"),
                    // by name, as its launch is (the timeline read "launched Sample account review" beside
                    // "canceled a run of the playbook sample-review": session 45's probe); the id for machines
                    fields(
                            "status",
                            "canceled",
                            "reason",
                            why,
                            "playbook",
                            deployed.byDefinitionKey(run.getProcessDefinitionKey())
                                    .map(DeployedProcess::nameOrId)
                                    .orElse(run.getBpmnProcessId()),
                            "processId",
                            run.getBpmnProcessId()));
        }
        return run.getCanceledBy();
    }

    /** "run 7 has ended already (canceled by Maria Lopez): nothing to cancel": who canceled it by full name. */
    private ConflictException endedAlready(long processInstanceKey, String canceledBy) {
        return new ConflictException("run " + processInstanceKey + " has ended already"
                + (canceledBy == null ? "" : " (canceled by " + people.fullName(canceledBy) + ")")
                + ": nothing to cancel");
    }
}
