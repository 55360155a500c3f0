package dev.baton.playbook;

import dev.baton.audit.AuditLog;
import dev.baton.engine.ActiveElements;
import dev.baton.engine.DeployedPlaybooks;
import dev.baton.engine.DeployedPlaybooks.DeployedProcess;
import dev.baton.engine.ProcessInstances;
import dev.baton.engine.ProcessModels;
import dev.baton.shared.NotFoundException;
import dev.baton.shared.StepNames;
import dev.baton.task.ProcessInstanceSteps;
import dev.baton.task.ProcessInstanceSteps.Step;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves running instances of older versions to the newest its author made (never Baton's copy of a retired
 * playbook) with Zeebe's process instance migration, each element a run can wait in mapped to the element of
 * the same id. The preview judges from every
 * element the instance is active in (a task, a timer, a gateway), which only the embedded engine can
 * tell ({@link ActiveElements}): an instance waiting in one the new version no longer has, or has as
 * another kind of element or in another (sub)process, cannot move. On a Camunda cluster Baton sees only the open user tasks; when those allow it, the preview
 * says it cannot tell where else the instance waits ({@code canMove} null) and the move is tried:
 * the engine checks, and its refusal is reported in the same words.
 */
@Service
public class PlaybookUpgrade {

    static final String CANNOT_TELL = "cannot tell where it waits besides its open user tasks (a Camunda cluster):"
            + " the engine checks when it is moved";

    private static final Pattern UNMAPPED =
            Pattern.compile("no mapping instruction defined for active element with id '([^']+)'");

    private static final Pattern OTHER_SCOPE = Pattern.compile("the flow scope of active element with id '([^']+)'"
            + " is changed\\. The flow scope of the active element is expected to be '([^']+)' but was '([^']+)'");

    private static final Pattern QUOTED_ID = Pattern.compile("(with id )?'([^']+)'");

    private static final Pattern OTHER_TYPE = Pattern.compile("active element with id '([^']+)' and type '(\\w+)'"
            + " is mapped to an element with id '[^']+' and different type '(\\w+)'");

    /**
     * @param openSteps where it waits, by element id: every active element with the embedded engine, the open
     *     user tasks on a cluster
     * @param waitsIn the same steps as people are shown them ({@link StepNames#inWords}): each one's name in
     *     the version the run is in, or "step without a name (id Event_1)" (session 43's probe: the preview
     *     showed ids where Modeler shows names)
     * @param canMove whether every element it waits in exists in the target version; null when Baton
     *     cannot tell (a cluster, open user tasks all present); after a move, whether it moved
     * @param reason why not, or why Baton cannot tell; null when it moved or can move
     */
    public record Candidate(
            long processInstanceKey,
            int fromVersion,
            Set<String> openSteps,
            List<String> waitsIn,
            Boolean canMove,
            String reason) {}

    /**
     * @param note what a move keeps, said when some run can move (or may, on a cluster); null when none can
     * @param targetVersion the version runs move to: the newest its author made, never Baton's copy of a
     *     retired playbook ({@link PlaybookUpgrade#target})
     * @param retirementCopyOf when the newest deployed version is the copy Baton deployed on retiring the
     *     playbook (of this version, without its timer and signal start events: {@link TimerlessVersion}), that
     *     version: runs move to {@code targetVersion} instead, not to the copy; else null
     */
    public record Preview(
            String processId, int targetVersion, List<Candidate> instances, String note, Integer retirementCopyOf) {

        Preview(String processId, int targetVersion, List<Candidate> instances, Integer retirementCopyOf) {
            this(
                    processId,
                    targetVersion,
                    instances,
                    instances.stream().anyMatch(c -> !Boolean.FALSE.equals(c.canMove())) ? KEPT_AS_CREATED : null,
                    retirementCopyOf);
        }
    }

    /**
     * Why no run moves to Baton's copy of a retired playbook (session 43's probe: the page offered it as a new
     * version): it is no version by the playbook's author, and bringing the playbook back deploys its own again.
     */
    static String notToACopy(int target, int copied) {
        return "version " + target + " is not a new version: Baton deployed it on retiring the playbook (version "
                + copied + " without its timer and signal start events); runs are not moved to it";
    }

    /**
     * The engine's rule for a moved run (session 35's probe found a moved step still asking for its old
     * form's fields): a step it waits in is moved as it is, and only the steps it reaches after come from
     * the new version.
     */
    static final String KEPT_AS_CREATED = "A moved run's waiting steps keep the name, assignee and form of the"
            + " version they were created in (the engine moves a waiting step as it is); the steps it reaches"
            + " after the move come from the new version.";

    private final DeployedPlaybooks deployed;
    private final PlaybookInstances instances;
    private final ProcessInstanceSteps steps;
    private final ProcessInstances processInstances;
    private final AuditLog audit;
    private final ActiveElements active;
    private final ProcessModels models;
    private final TransactionTemplate read;
    private final TransactionTemplate write;

    PlaybookUpgrade(
            DeployedPlaybooks deployed,
            PlaybookInstances instances,
            ProcessInstanceSteps steps,
            ProcessInstances processInstances,
            AuditLog audit,
            ObjectProvider<ActiveElements> active,
            ProcessModels models,
            PlatformTransactionManager transactions) {
        this.models = models;
        this.deployed = deployed;
        this.instances = instances;
        this.steps = steps;
        this.processInstances = processInstances;
        this.audit = audit;
        this.active = active.getIfAvailable();
        this.read = new TransactionTemplate(transactions);
        this.read.setReadOnly(true);
        this.write = new TransactionTemplate(transactions);
    }

    /**
     * Which running instances of older versions can move to the newest, and why others cannot.
     *
     * @throws NotFoundException when no version of the playbook is deployed
     */
    @Transactional(readOnly = true)
    public Preview preview(String processId) {
        DeployedProcess target = target(processId);
        List<Candidate> out = new ArrayList<>();
        for (PlaybookInstance i : older(processId, target)) {
            out.add(candidate(i, target));
        }
        return new Preview(processId, target.version(), out, newestIsACopyOf(processId));
    }

    /**
     * Moves every instance the preview does not rule out (on a cluster, those it cannot tell about
     * too); each move is audited. Returns each instance's outcome, a refusal in the preview's words.
     *
     * <p>No transaction is open while the engine moves an instance (issue 15: "commit first, call the
     * engine, record the outcome"): the candidates are read first, then each move is asked of the
     * engine and, once it answered, recorded (its version, the audit) in a short transaction of its
     * own, so one run's move is kept whatever happens to the next.
     *
     * @throws NotFoundException when no version of the playbook is deployed
     */
    public Preview upgrade(String processId) {
        DeployedProcess target = target(processId);
        record Planned(Candidate candidate, Set<String> mapped, DeployedProcess from, Function<String, String> named) {}
        List<Planned> planned = read.execute(status -> older(processId, target).stream()
                .map(i -> new Planned(
                        candidate(i, target),
                        mapping(i, target),
                        deployed.byDefinitionKey(i.getProcessDefinitionKey()).orElse(null),
                        names(i, target)))
                .toList());
        List<Candidate> out = new ArrayList<>();
        for (Planned p : planned) {
            Candidate c = p.candidate();
            if (!Boolean.FALSE.equals(c.canMove())) {
                try {
                    processInstances.migrate(c.processInstanceKey(), target.definitionKey(), p.mapped());
                } catch (RuntimeException e) {
                    out.add(new Candidate(
                            c.processInstanceKey(),
                            c.fromVersion(),
                            c.openSteps(),
                            c.waitsIn(),
                            false,
                            refusal(e.getMessage(), p.from(), c.fromVersion(), target, p.named())));
                    continue;
                }
                long key = c.processInstanceKey();
                write.executeWithoutResult(status -> recordMove(key, target));
                c = new Candidate(key, c.fromVersion(), c.openSteps(), c.waitsIn(), true, null);
            }
            out.add(c);
        }
        return new Preview(processId, target.version(), out, newestIsACopyOf(processId));
    }

    /** {@link Preview#retirementCopyOf()}: the version the newest deployed one copies, or null. */
    private Integer newestIsACopyOf(String processId) {
        return deployed.latest(processId).map(PlaybookUpgrade::copyOf).orElse(null);
    }

    private static Integer copyOf(DeployedProcess target) {
        return TimerlessVersion.copyOf(target.xml(), target.processId());
    }

    /** The elements mapped by id: those of the target its own version has too. */
    private Set<String> mapping(PlaybookInstance i, DeployedProcess target) {
        Set<String> mapped = new LinkedHashSet<>(target.activityIds());
        mapped.retainAll(deployed.byDefinitionKey(i.getProcessDefinitionKey())
                .map(DeployedProcess::activityIds)
                .orElse(mapped));
        return mapped;
    }

    private void recordMove(long processInstanceKey, DeployedProcess target) {
        PlaybookInstance i = instances.lockById(processInstanceKey).orElseThrow();
        audit.record(
                "playbook.instance-migrated",
                "playbook_instance",
                processInstanceKey,
                i.getAccountId(),
                Map.of("version", i.getProcessVersion()),
                Map.of("version", target.version(), "playbook", target.nameOrId()));
        i.migrated(target.version(), target.definitionKey());
    }

    /**
     * The version runs move to: the newest its author made, skipping Baton's copy of a retired playbook
     * ({@link TimerlessVersion}; session 43's probe: while it was retired, its older runs could not move to
     * the author's newest version, as the copy was the only target). Moving a run to a version that has a
     * timer or signal start event while the playbook is retired starts nothing: the engine starts runs only
     * from the newest version's start events (the copy, without them), and a moved run waits where it waited.
     * The copy of that version has the same steps, so a run moved to it would be where it would be on the copy.
     */
    private DeployedProcess target(String processId) {
        List<DeployedProcess> versions = deployed.versions(processId);
        if (versions.isEmpty()) {
            throw new NotFoundException("playbook", processId);
        }
        return versions.reversed().stream()
                .filter(v -> copyOf(v) == null)
                .findFirst()
                .orElse(versions.getLast());
    }

    private List<PlaybookInstance> older(String processId, DeployedProcess target) {
        return instances.findByBpmnProcessIdAndProcessVersionLessThanAndEndedAtIsNullAndCalledByIsNull(
                processId, target.version());
    }

    private Candidate candidate(PlaybookInstance i, DeployedProcess target) {
        Set<String> open = new LinkedHashSet<>();
        if (active != null) {
            open.addAll(active.of(i.getProcessInstanceKey()));
        } else {
            steps.of(i.getProcessInstanceKey()).stream().filter(Step::open).forEach(s -> open.add(s.elementId()));
        }
        Function<String, String> named = names(i, target);
        List<String> waitsIn =
                open.stream().map(id -> StepNames.inWords(named.apply(id), id)).toList();
        Integer copied = copyOf(target);
        if (copied != null) {
            return new Candidate(
                    i.getProcessInstanceKey(),
                    i.getProcessVersion(),
                    open,
                    waitsIn,
                    false,
                    notToACopy(target.version(), copied));
        }
        Set<String> missing = new LinkedHashSet<>(open);
        missing.removeAll(target.activityIds());
        if (!missing.isEmpty()) {
            String steps = String.join(
                    ", ",
                    missing.stream()
                            .map(id -> StepNames.quoted(named.apply(id), id))
                            .toList());
            return new Candidate(
                    i.getProcessInstanceKey(), i.getProcessVersion(), open, waitsIn, false, waitsIn(steps, target));
        }
        String refused = deployed.byDefinitionKey(i.getProcessDefinitionKey())
                .map(from -> java.util.stream.Stream.of(
                                otherKind(open, from, target, named), otherScope(open, from, target, named))
                        .filter(java.util.Objects::nonNull)
                        .collect(java.util.stream.Collectors.joining("; ")))
                .filter(reasons -> !reasons.isEmpty())
                .orElse(null);
        if (refused != null) {
            return new Candidate(i.getProcessInstanceKey(), i.getProcessVersion(), open, waitsIn, false, refused);
        }
        return active != null
                ? new Candidate(i.getProcessInstanceKey(), i.getProcessVersion(), open, waitsIn, true, null)
                : new Candidate(i.getProcessInstanceKey(), i.getProcessVersion(), open, waitsIn, null, CANNOT_TELL);
    }

    /**
     * Why the engine would refuse to move a run waiting in {@code open}: each of those elements that is
     * of another kind in the target (a user task become a service task or a subprocess), or null when
     * none is. The engine maps a waiting element only to one of the same kind (Zeebe 8.8: "mapped to an
     * element ... and different type"), found by a hostile probe where the preview said it could move.
     */
    static String otherKind(Set<String> open, DeployedProcess from, DeployedProcess target) {
        return otherKind(open, from, target, id -> null);
    }

    /** As {@link #otherKind(Set, DeployedProcess, DeployedProcess)}, each element by its {@code named} name. */
    static String otherKind(
            Set<String> open, DeployedProcess from, DeployedProcess target, Function<String, String> named) {
        List<String> changed = new ArrayList<>();
        for (String id : open) {
            String was = from.activities().get(id);
            String is = target.activities().get(id);
            if (was != null && is != null && !was.equals(is)) {
                changed.add(kindChange(step(named, id), was, from.version(), is, target.version()));
            }
        }
        return changed.isEmpty() ? null : String.join("; ", changed);
    }

    /**
     * Why the engine would refuse to move a run waiting in {@code open}: each of those elements that sits in
     * another flow scope in the target (moved into or out of a subprocess, or into another one), or null when
     * none does. The engine moves a waiting element only within its flow scope (Zeebe 8.8: "The flow scope
     * of an element cannot be changed during migration yet"); session 36's probe moved a waiting user task
     * into a subprocess, the preview said it could move, and the engine refused. The scopes are read from
     * each version's model when it is deployed ({@link DeployedProcess#scopes()}).
     */
    static String otherScope(Set<String> open, DeployedProcess from, DeployedProcess target) {
        return otherScope(open, from, target, id -> null);
    }

    /** As {@link #otherScope(Set, DeployedProcess, DeployedProcess)}, each element by its {@code named} name. */
    static String otherScope(
            Set<String> open, DeployedProcess from, DeployedProcess target, Function<String, String> named) {
        List<String> changed = new ArrayList<>();
        for (String id : open) {
            if (!from.activities().containsKey(id) || !target.activities().containsKey(id)) {
                continue; // one the target lacks is said so already; one Baton does not know is left to the engine
            }
            String was = from.scopes().get(id);
            String is = target.scopes().get(id);
            if (!java.util.Objects.equals(was, is)) {
                changed.add(scopeChange(
                        step(named, id),
                        where(was, from, named),
                        from.version(),
                        where(is, target, named),
                        target.version()));
            }
        }
        return changed.isEmpty() ? null : String.join("; ", changed);
    }

    /** A flow scope in words: "directly in the process", or "inside subprocess 'S'" (of its kind, when known). */
    private static String where(String scope, DeployedProcess process, Function<String, String> named) {
        if (scope == null || (process != null && scope.equals(process.processId()))) {
            return "directly in the process";
        }
        String kind = process == null ? null : process.activities().get(scope);
        String name = named.apply(scope);
        return "inside " + (kind == null ? "subprocess" : kind) + " '"
                + (name == null || name.isBlank() ? scope : name.strip()) + "'";
    }

    /** A step in a reason: "step 'Call the customer'", or "step without a name (id t)" ({@link StepNames}). */
    private static String step(Function<String, String> named, String id) {
        String name = named.apply(id);
        return name == null || name.isBlank() ? StepNames.inWords(null, id) : "step '" + name.strip() + "'";
    }

    private static String scopeChange(String step, String was, int from, String is, int to) {
        return step + " is " + was + " in version " + from + " and " + is + " in version " + to
                + ": the engine cannot move a waiting step to another scope";
    }

    private static String kindChange(String step, String was, int from, String is, int to) {
        return step + " is " + article(was) + " in version " + from + " and " + article(is) + " in version " + to
                + ": the engine cannot move a waiting step to another kind of element";
    }

    private static String article(String kind) {
        // "an event subprocess", "a user task": the kinds beginning with u say "you"
        return ("aeio".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind;
    }

    /** @param steps where it waits that the target lacks, in words */
    private static String waitsIn(String steps, DeployedProcess target) {
        return "waits in " + steps + ", which version " + target.version() + " does not have";
    }

    /**
     * The engine's refusal to move an instance in the preview's words when it is about an element the
     * target lacks ("no mapping instruction defined for active element with id 'Event_wait'") or one of
     * another kind there ("... and type 'USER_TASK' is mapped to ... different type 'SERVICE_TASK'"), or in
     * another flow scope there ("the flow scope of active element with id 't' is changed"), else as the
     * engine gave it.
     */
    static String refusal(String engineMessage, int fromVersion, DeployedProcess target) {
        return refusal(engineMessage, null, fromVersion, target);
    }

    /**
     * As {@link #refusal(String, int, DeployedProcess)}, also for an element the engine would move to
     * another flow scope ("the flow scope of active element with id 't' is changed"), said as the preview
     * says it.
     *
     * @param from the version the instance runs, when Baton deployed it (for the kinds of its scopes), or null
     */
    static String refusal(String engineMessage, DeployedProcess from, int fromVersion, DeployedProcess target) {
        return refusal(engineMessage, from, fromVersion, target, id -> null);
    }

    /**
     * As {@link #refusal(String, DeployedProcess, int, DeployedProcess)}, each element the engine names by its id
     * said by its name in the model ({@code named}: the run's version's, else the target's; null for one without
     * a name), also in a refusal Baton has no words of its own for: "active element with id 'Activity_0x1y'"
     * becomes "active element 'Call the customer'" (session 44's probe: the engine's ids were passed on).
     */
    static String refusal(
            String engineMessage,
            DeployedProcess from,
            int fromVersion,
            DeployedProcess target,
            Function<String, String> named) {
        Matcher otherScope = OTHER_SCOPE.matcher(String.valueOf(engineMessage));
        if (otherScope.find()) {
            return scopeChange(
                    step(named, otherScope.group(1)),
                    where(otherScope.group(2), from == null ? target : from, named),
                    fromVersion,
                    where(otherScope.group(3), target, named),
                    target.version());
        }
        Matcher unmapped = UNMAPPED.matcher(String.valueOf(engineMessage));
        if (unmapped.find() && !target.activityIds().contains(unmapped.group(1))) {
            return waitsIn(StepNames.quoted(named.apply(unmapped.group(1)), unmapped.group(1)), target);
        }
        Matcher otherType = OTHER_TYPE.matcher(String.valueOf(engineMessage));
        if (otherType.find()) {
            return kindChange(
                    step(named, otherType.group(1)),
                    engineKind(otherType.group(2)),
                    fromVersion,
                    engineKind(otherType.group(3)),
                    target.version());
        }
        return "the engine refused: " + byName(String.valueOf(engineMessage), named);
    }

    /** The engine's message with each element it quotes by id ("with id 'X'", "'X'") quoted by its name, if any. */
    private static String byName(String engineMessage, Function<String, String> named) {
        Matcher quoted = QUOTED_ID.matcher(engineMessage);
        StringBuilder out = new StringBuilder();
        while (quoted.find()) {
            String name = named.apply(quoted.group(2));
            quoted.appendReplacement(
                    out,
                    Matcher.quoteReplacement(
                            name == null || name.isBlank() ? quoted.group() : "'" + name.strip() + "'"));
        }
        return quoted.appendTail(out).toString();
    }

    /**
     * The names of a run's elements for its move: its version's model, else the target's (an element only the
     * target has, such as a new subprocess); null for one without a name.
     */
    private Function<String, String> names(PlaybookInstance i, DeployedProcess target) {
        return id -> {
            String name = models.elementName(i.getProcessDefinitionKey(), i.getBpmnProcessId(), id);
            return name != null ? name : models.elementName(target.definitionKey(), target.processId(), id);
        };
    }

    /** An engine element type in words: {@code SUB_PROCESS} "subprocess", {@code MULTI_INSTANCE_BODY} "multi-instance step". */
    private static String engineKind(String type) {
        return switch (type) {
            case "SUB_PROCESS" -> "subprocess";
            case "EVENT_SUB_PROCESS" -> "event subprocess";
            case "MULTI_INSTANCE_BODY" -> "multi-instance step";
            case "EVENT_BASED_GATEWAY" -> "event-based gateway";
            default -> type.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        };
    }
}
