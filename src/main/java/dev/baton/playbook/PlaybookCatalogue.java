package dev.baton.playbook;

import dev.baton.account.AccountAccess;
import dev.baton.account.AccountParties;
import dev.baton.account.Accounts;
import dev.baton.engine.Bpmn.Variables;
import dev.baton.engine.DeployedPlaybooks;
import dev.baton.engine.DeployedPlaybooks.DeployedProcess;
import dev.baton.engine.DeployedPlaybooks.FailedPlaybook;
import dev.baton.engine.LaunchAssignments;
import dev.baton.engine.ProcessInstances;
import dev.baton.engine.RunsWatchedElsewhere;
import dev.baton.engine.RunsWatchedElsewhere.Watched;
import dev.baton.people.Capability;
import dev.baton.playbook.engine.SampleReviewBpmn;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.ConflictException;
import dev.baton.shared.NotFoundException;
import dev.baton.task.ProcessInstanceSteps;
import dev.baton.task.ProcessInstanceSteps.Step;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The playbook catalogue: what is deployed, who may launch it, its instances. Launch rule: a
 * playbook names the roles that may start it in a process property {@code baton:launchRoles}
 * (e.g. {@code REP,MANAGER}; Modeler: Extension properties), MANAGER and ADMIN when it names none;
 * admins may always. Instance counts cover the instances Baton recorded when it started them (see
 * {@link PlaybookInstance}); those a feature starts from its own records are watched on its page
 * ({@link RunsWatchedElsewhere}) and not counted here.
 */
@Service
public class PlaybookCatalogue {

    static final Duration SAMPLE_REVIEW_DUE_IN = Duration.ofDays(3);

    /**
     * A playbook (a deployed process) as the catalogue lists it.
     *
     * @param name the process's name, or its id when it has none
     * @param versions the versions this Baton deployed, oldest first
     * @param retirementCopies those of the {@code versions} Baton deployed on retiring it (copies without its
     *     timer and signal start events, {@link PlaybookRetirementService}), each to the version it copies: no
     *     version by its author (session 43's probe: the page offered to move runs to one as a new version)
     * @param running instances Baton recorded that the engine had not ended when last asked; null when
     *     {@code watchedAt} is given
     * @param source who brought its newest version by its author ("bundled", "uploaded by olga"): not Baton's copy
     *     on retiring it, deployed in the retirer's name (until session 46 it named the retirer)
     * @param stuck of the running ones, how many the engine holds on an incident ({@link StuckRuns});
     *     null when Baton cannot know (on a cluster, whose incidents it cannot read) or {@code watchedAt} is given
     * @param ended instances Baton recorded that have completed or been cancelled; null when {@code
     *     watchedAt} is given
     * @param needsAccount whether a launch must name an account ({@code accountId}): its steps act on one
     * @param watchedAt for a playbook Baton starts from its own records (a handover, a commitment, a
     *     lead...), what starts it and the page where its runs are watched: the catalogue does not see
     *     those starts and counts none of them; null for the others
     * @param retiredAt when it was retired ({@link PlaybookRetirementService}), or null: a retired one is not
     *     launched, and listed only to those who manage playbooks
     * @param retiredBy who retired it, or null
     */
    public record Playbook(
            String processId,
            String name,
            String description,
            List<Integer> versions,
            Map<Integer, Integer> retirementCopies,
            int latestVersion,
            Set<String> launchRoles,
            boolean mayLaunch,
            boolean needsAccount,
            Long running,
            Long stuck,
            Long ended,
            String source,
            Instant deployedAt,
            Watched watchedAt,
            Instant retiredAt,
            String retiredBy) {}

    /**
     * One instance and its human steps (the only ones Baton sees: automated steps are not known).
     *
     * @param incidents what the engine holds the run on, oldest first: empty when nothing, or when
     *     {@code incidentsKnown} is false (Baton runs on a cluster, whose incidents it cannot read)
     * @param canceledBy who cancelled the run ({@link RunCancellation}; it ended then), or null
     * @param startedBy who launched it in Baton, or null when the engine started it ({@code startedHow})
     * @param startedHow {@code LAUNCHED} for a run Baton started (launched from the catalogue, or one of Baton's
     *     own starts; then {@code startedBy} says who, when someone did); else how the engine started it:
     *     {@code TIMER}, {@code SIGNAL}, {@code ENGINE} (a start Baton did not make) or {@code CALL} (then {@code
     *     calledBy}); never null
     * @param calledBy the run whose call activity started this one, or null
     * @param calledRuns the runs this one called, oldest first (embedded mode: on a cluster Baton cannot see
     *     them)
     */
    public record Instance(
            long processInstanceKey,
            String processId,
            String name,
            int version,
            Long accountId,
            String startedBy,
            Instant startedAt,
            Instant endedAt,
            List<Step> steps,
            List<StuckAt> incidents,
            boolean incidentsKnown,
            String canceledBy,
            String cancelReason,

            @io.swagger.v3.oas.annotations.media.Schema(
                    description = PlaybookInstance.STARTED_HOW_API,
                    allowableValues = {"LAUNCHED", "TIMER", "SIGNAL", "ENGINE", "CALL"})
            String startedHow,

            Long calledBy,
            List<CalledRun> calledRuns) {}

    /**
     * A run another run called (a call activity), as its caller's page lists it.
     *
     * @param name its playbook's name, or its process id when it has none
     * @param openSteps its human steps open now
     */
    public record CalledRun(
            long processInstanceKey, String processId, String name, Instant endedAt, List<Step> openSteps) {}

    /**
     * An engine incident holding a run at one element, in the run's instance or in one it called.
     *
     * @param processId the process the element is in (the run's own, or a called one)
     * @param processInstanceKey the instance the element is in (the run's own, or a called one)
     * @param elementName the element's name in the model, or null when it has none
     * @param message the engine's own words, e.g. which expression failed and why
     * @param explanation the same in plain words, with how to fix it, where Baton recognises the incident
     *     ({@link dev.baton.engine.IncidentExplanations}); else null
     */
    public record StuckAt(
            String processId,
            long processInstanceKey,
            String elementId,
            String elementName,
            String errorType,
            String message,
            String explanation,
            Instant raisedAt) {}

    private final DeployedPlaybooks deployed;
    private final PlaybookInstances instances;
    private final ProcessInstances processInstances;
    private final ProcessInstanceSteps steps;
    private final Accounts accounts;
    private final AccountParties parties;
    private final AccountAccess access;
    private final Clock clock;
    private final StuckRuns stuck;
    private final Map<String, Watched> watchedElsewhere = new HashMap<>();
    private final PlaybookRetirements retirements;
    private final LaunchAssignments assignments;

    PlaybookCatalogue(
            DeployedPlaybooks deployed,
            PlaybookInstances instances,
            ProcessInstances processInstances,
            ProcessInstanceSteps steps,
            Accounts accounts,
            AccountParties parties,
            AccountAccess access,
            Clock clock,
            StuckRuns stuck,
            List<RunsWatchedElsewhere> watchedElsewhere,
            PlaybookRetirements retirements,
            LaunchAssignments assignments) {
        this.retirements = retirements;
        this.assignments = assignments;
        this.deployed = deployed;
        this.instances = instances;
        this.processInstances = processInstances;
        this.steps = steps;
        this.accounts = accounts;
        this.parties = parties;
        this.access = access;
        this.clock = clock;
        this.stuck = stuck;
        watchedElsewhere.forEach(feature -> this.watchedElsewhere.putAll(feature.watched()));
    }

    /**
     * Every deployed playbook, by process id, but the retired ones, which only those who manage playbooks
     * see (marked, to bring them back); {@code roles} are the reader's (ADMIN, MANAGER, ...).
     */
    @Transactional(readOnly = true)
    public List<Playbook> list(Collection<String> roles) {
        boolean managesPlaybooks = Capability.MANAGE_PLAYBOOKS.grantedToNames(roles);
        return all(roles).stream()
                .filter(p -> p.retiredAt() == null || managesPlaybooks)
                .toList();
    }

    private List<Playbook> all(Collection<String> roles) {
        Map<String, PlaybookRetirement> retired = new HashMap<>();
        retirements.findAll().forEach(r -> retired.put(r.getBpmnProcessId(), r));
        Map<String, long[]> counts = new HashMap<>();
        for (Object[] row : instances.countsByProcess()) {
            counts.put((String) row[0], new long[] {((Number) row[1]).longValue(), ((Number) row[2]).longValue()});
        }
        Map<String, Long> stuckCounts = stuck.countsByProcess().orElse(null);
        Map<String, List<DeployedProcess>> byId = deployed.all().stream()
                .collect(Collectors.groupingBy(DeployedProcess::processId, LinkedHashMap::new, Collectors.toList()));
        return byId.values().stream()
                .map(versions -> playbook(
                        versions,
                        counts,
                        stuckCounts,
                        roles,
                        retired.get(versions.getLast().processId())))
                .toList();
    }

    /** A deployed playbook, retired or not (its runs are listed on its page). @throws NotFoundException when no version of it is deployed */
    @Transactional(readOnly = true)
    public Playbook get(String processId, Collection<String> roles) {
        return all(roles).stream()
                .filter(p -> p.processId().equals(processId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("playbook", processId));
    }

    /** Files that are not running, with their problems. */
    public List<FailedPlaybook> failures() {
        return deployed.failures();
    }

    /** The BPMN file of one version (the latest when {@code version} is null). */
    public String xml(String processId, Integer version) {
        return deployed.versions(processId).stream()
                .filter(p -> version == null || p.version() == version)
                .reduce((a, b) -> b)
                .orElseThrow(() -> version == null
                        ? new NotFoundException("playbook", processId)
                        : new NotFoundException("version " + version + " of playbook", processId))
                .xml();
    }

    /**
     * Starts the latest version with the given variables on behalf of {@code launcher}. {@code
     * accountId}, when given, must be a Baton account's id: a whole JSON number or a string of digits
     * (what a form sends), read once here and treated alike, both for the permission and for the
     * variable the instance gets (a number). On an account only those who may act on it may launch
     * ({@link AccountAccess}: its owner, account team, owner's line, admins; ADR 014), and those who manage
     * the playbooks ({@link Capability#MANAGE_PLAYBOOKS}: revenue ops), whose runs' blocks act with their
     * rights (ADR 016). The instance
     * gets {@link LaunchVariables} from Baton alone: the launcher's user name, and on an account its
     * owner's and their manager's; a launch that names one of them is refused. The sample review gets
     * a due date in 3 days unless {@code reviewDueAt} is given.
     *
     * @param roles the launcher's roles (ADMIN, MANAGER, ...), for the playbook's launch roles
     * @param launcher the signed-in person's user name
     * @return the new process instance's key
     * @throws NotFoundException when the playbook is not deployed
     * @throws ConflictException when it is retired, or Baton starts it itself
     * @throws AccessDeniedException when none of {@code roles} may launch it, or the launcher may not
     *     act on the account
     * @throws BadRequestException naming accountId when it is null or not an existing account's id, or
     *     missing while the playbook works on an account (it uses a building block, or reads {@code
     *     accountId}, {@code accountOwner} or {@code ownerManager}), or naming each of {@code
     *     accountOwner}, {@code ownerManager} and {@code launchedBy} that is given, or naming each variable
     *     a step is assigned by ({@code assignee="=reviewer"}) whose value names nobody or is of the wrong kind
     *     ({@link LaunchAssignments})
     */
    public long launch(String processId, Map<String, Object> variables, Collection<String> roles, String launcher) {
        DeployedProcess latest =
                deployed.latest(processId).orElseThrow(() -> new NotFoundException("playbook", processId));
        if (retirements.existsById(processId)) {
            throw new ConflictException(
                    "'" + latest.nameOrId()
                            + "' is retired: it is no longer launched (those who manage playbooks can bring it back on its page)");
        }
        if (latest.launchRoles().isEmpty()) {
            throw new ConflictException(processId + " is started by Baton itself, with its own checks (a handover, a"
                    + " commitment, a handoff have their own endpoints), not from the catalogue");
        }
        if (!mayLaunch(latest, roles)) {
            throw new AccessDeniedException("only " + latest.launchRoles() + " may launch " + processId);
        }
        Map<String, Object> vars = new HashMap<>(variables == null ? Map.of() : variables);
        LaunchVariables.requireNoneGiven(vars);
        Object accountId = vars.get(Variables.ACCOUNT_ID);
        String accountNeededBy = deployed.callerNeeds(latest).accountNeededBy();
        if (accountId == null && accountNeededBy != null) {
            // without one its first step on the account would stop the run with an incident, or (a
            // called sample review) record its answer nowhere
            throw new BadRequestException(
                    Variables.ACCOUNT_ID,
                    "this playbook works on an account: accountId is required (its " + accountNeededBy + ")");
        }
        if (accountId == null && vars.containsKey(Variables.ACCOUNT_ID)) {
            throw new BadRequestException(
                    Variables.ACCOUNT_ID, "must be an account's id; leave it out to launch on no account");
        }
        if (accountId != null) {
            long id = accountId(accountId);
            if (!accounts.existsById(id)) {
                throw BadRequestException.noSuch(Variables.ACCOUNT_ID, "account", id);
            }
            // the id just read, whatever its JSON type: the one the instance runs on. Those who manage the
            // playbooks (admins, revenue ops) may run one on any account: its blocks act with their rights,
            // so a step changing an account outside their line stops with an incident (found by session 41's
            // probe: revenue ops could launch on no account at all)
            if (!Capability.MANAGE_PLAYBOOKS.grantedToNames(roles)) {
                access.requireMayActOn(id, launcher);
            }
            vars.put(Variables.ACCOUNT_ID, id);
            vars.putAll(LaunchVariables.of(parties.of(id).orElseThrow(), launcher));
        } else {
            vars.putAll(LaunchVariables.of(null, launcher));
        }
        assignments.requireNamesSomeone(latest, vars);
        if (processId.equals(SampleReviewBpmn.PROCESS_ID)) {
            requireReviewDueInFuture(reviewDueAt(vars.get(Variables.REVIEW_DUE_AT)), Variables.REVIEW_DUE_AT);
            vars.putIfAbsent(
                    Variables.REVIEW_DUE_AT,
                    clock.instant().plus(SAMPLE_REVIEW_DUE_IN).toString());
        }
        return processInstances.start(processId, vars);
    }

    /**
     * The sample review's due date must be after now: one already past made its step overdue at birth, and
     * the team and the manager were mailed "Overdue and not claimed" within a minute (the session 44 probe
     * launched one due 2020-01-01). Null (the default of 3 days from now) is fine.
     *
     * @param field where the caller took it from: {@code reviewDueAt} in a launch's variables, {@code dueAt}
     *     in the sample review's own API
     * @throws BadRequestException at {@code field} for an instant not after now
     */
    public void requireReviewDueInFuture(Instant dueAt, String field) {
        if (dueAt != null && !dueAt.isAfter(clock.instant())) {
            throw new BadRequestException(field, "must be in the future");
        }
    }

    /** A launch's {@code reviewDueAt} as an instant when it reads as a date and time with an offset; else null (the engine's to judge). */
    private static Instant reviewDueAt(Object given) {
        if (!(given instanceof String text)) {
            return null;
        }
        try {
            return Instant.from(DateTimeFormatter.ISO_DATE_TIME.parse(text));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * One instance Baton started, with its human steps and the engine incidents holding it; asks the
     * engine whether it still runs, with no transaction open (issue 15: no database connection waits
     * on the engine), and marks it ended after in a short one when the engine no longer has it.
     *
     * @throws NotFoundException when Baton has no record of it (neither launched nor seen started by the engine)
     */
    public Instance instance(long processInstanceKey) {
        PlaybookInstance i = instances
                .findById(processInstanceKey)
                .orElseThrow(() -> new NotFoundException("playbook instance", processInstanceKey));
        if (i.getEndedAt() == null) {
            try {
                if (!processInstances.isRunning(processInstanceKey)
                        && instances.markEnded(List.of(processInstanceKey), clock.instant()) > 0) {
                    i = instances.findById(processInstanceKey).orElse(i);
                }
            } catch (RuntimeException e) {
                // the engine did not answer: the page shows what Baton knew
            }
        }
        String name = deployed.byDefinitionKey(i.getProcessDefinitionKey())
                .map(DeployedProcess::name)
                .orElse(null);
        return new Instance(
                i.getProcessInstanceKey(),
                i.getBpmnProcessId(),
                name == null ? i.getBpmnProcessId() : name,
                i.getProcessVersion(),
                i.getAccountId(),
                i.getStartedBy(),
                i.getStartedAt(),
                i.getEndedAt(),
                steps.of(processInstanceKey),
                i.getEndedAt() == null ? stuck.of(processInstanceKey) : List.of(),
                stuck.known(),
                i.getCanceledBy(),
                i.getCancelReason(),
                i.getStartedHow(),
                i.getCalledBy(),
                instances.findByCalledByOrderByStartedAt(processInstanceKey).stream()
                        .map(c -> new CalledRun(
                                c.getProcessInstanceKey(),
                                c.getBpmnProcessId(),
                                deployed.byDefinitionKey(c.getProcessDefinitionKey())
                                        .map(DeployedProcess::name)
                                        .orElse(c.getBpmnProcessId()),
                                c.getEndedAt(),
                                steps.of(c.getProcessInstanceKey()).stream()
                                        .filter(Step::open)
                                        .toList()))
                        .toList());
    }

    /**
     * Those who manage playbooks ({@link Capability#MANAGE_PLAYBOOKS}: admins, revenue ops) and the roles
     * the model names may launch it from the catalogue; nobody may launch one Baton
     * starts itself (no launch roles: a handover, a commitment, a handoff), not even an admin: the
     * catalogue offered admins a Launch form that could only answer 409 (found by the session 35 probe).
     */
    static boolean mayLaunch(DeployedProcess process, Collection<String> roles) {
        return !process.launchRoles().isEmpty()
                && (Capability.MANAGE_PLAYBOOKS.grantedToNames(roles)
                        || process.launchRoles().stream().anyMatch(roles::contains));
    }

    private static long accountId(Object value) {
        if (value instanceof Number n && n.doubleValue() == n.longValue()) {
            return n.longValue();
        }
        if (value instanceof String s && s.matches("\\d{1,18}")) {
            return Long.parseLong(s);
        }
        throw new BadRequestException(Variables.ACCOUNT_ID, "'" + value + "' is not a Baton account id");
    }

    /** {@link Playbook#retirementCopies()}: read from each version's file ({@link TimerlessVersion#copyOf}). */
    private static Map<Integer, Integer> retirementCopies(List<DeployedProcess> versions) {
        Map<Integer, Integer> copies = new java.util.TreeMap<>();
        for (DeployedProcess v : versions) {
            Integer copied = TimerlessVersion.copyOf(v.xml(), v.processId());
            if (copied != null) {
                copies.put(v.version(), copied);
            }
        }
        return copies;
    }

    private Playbook playbook(
            List<DeployedProcess> versions,
            Map<String, long[]> counts,
            Map<String, Long> stuckCounts,
            Collection<String> roles,
            PlaybookRetirement retirement) {
        DeployedProcess latest = versions.getLast();
        Map<Integer, Integer> copies = retirementCopies(versions);
        // Baton's copy on retiring is deployed in the retirer's name: the source is its author's newest version's
        String source = versions.reversed().stream()
                .filter(v -> !copies.containsKey(v.version()))
                .findFirst()
                .orElse(latest)
                .source();
        long[] c = counts.getOrDefault(latest.processId(), new long[2]);
        Watched watchedAt = watchedElsewhere.get(latest.processId()); // Baton's own: no upload takes their ids
        watchedAt = watchedAt == null ? null : watchedAt.seenBy(roles);
        return new Playbook(
                latest.processId(),
                latest.nameOrId(),
                latest.documentation(),
                versions.stream().map(DeployedProcess::version).toList(),
                copies,
                latest.version(),
                latest.launchRoles(),
                retirement == null && mayLaunch(latest, roles),
                deployed.callerNeeds(latest).accountNeededBy() != null,
                watchedAt != null ? null : c[0],
                watchedAt != null || stuckCounts == null ? null : stuckCounts.getOrDefault(latest.processId(), 0L),
                watchedAt != null ? null : c[1],
                source,
                latest.deployedAt(),
                watchedAt,
                retirement == null ? null : retirement.getRetiredAt(),
                retirement == null ? null : retirement.getRetiredBy());
    }
}
