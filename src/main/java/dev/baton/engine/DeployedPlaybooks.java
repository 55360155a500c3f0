package dev.baton.engine;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * What this Baton instance has deployed since it started (bundled files, kept uploads, new
 * uploads) and what it could not deploy. The engine's gRPC API has no query for process
 * definitions, so this is Baton's own memory: an upload made on another Baton instance sharing the
 * cluster shows here after this instance's next start.
 */
@Component
public class DeployedPlaybooks {

    /**
     * One version of a deployed process.
     *
     * @param name the process's {@code name}, or null when the model has none
     * @param documentation the process's {@code bpmn:documentation}, or null
     * @param launchRoles roles that may start it (upper case, e.g. MANAGER): the process's
     *     {@code zeebe:property baton:launchRoles}, default MANAGER and ADMIN
     * @param callerNeeds what its own steps need from whoever starts it, read at deployment ({@link
     *     CallerNeeds#of}): an account (a building block, an expression reading {@code accountId}, {@code
     *     accountOwner} or {@code ownerManager}), and the variables only Baton sets at launch; with what the
     *     processes it calls need, {@link DeployedPlaybooks#callerNeeds(DeployedProcess)}
     * @param source "bundled" or "uploaded by {username}"
     * @param activities the elements a run can wait in, what a migration maps (its tasks, call activities
     *     and subprocesses, and its intermediate catch events (a timer) and event-based gateways), by id, to
     *     their kind in words ("user task", "timer catch event", "parallel multi-instance user task"): the
     *     engine moves a waiting element only to one of the same kind
     * @param scopes those of the {@code activities} inside a subprocess (embedded, event or ad-hoc), by id, to
     *     the id of the innermost one (the engine's flow scope); one directly in the process is not in it:
     *     the engine moves a waiting element only within the same flow scope
     * @param blocks the building blocks ({@code baton.*} job types) among its steps, subprocesses
     *     included: each acts with the rights of the person who launched the run
     * @param calls the process ids its call activities call; one only the running instance can tell is
     *     kept as its expression, {@code =} first
     * @param xml the whole BPMN file the version came from
     */
    public record DeployedProcess(
            String processId,
            String name,
            int version,
            long definitionKey,
            String resourceName,
            String documentation,
            Set<String> launchRoles,
            CallerNeeds callerNeeds,
            String source,
            Instant deployedAt,
            Map<String, String> activities,
            Map<String, String> scopes,
            Set<String> blocks,
            Set<String> calls,
            String xml) {

        /** The playbook as people know it: its name, or its process id when it has none (or a blank one). */
        public String nameOrId() {
            return name == null || name.isBlank() ? processId : name;
        }

        /** The ids of the elements a run can wait in ({@link #activities()}). */
        public Set<String> activityIds() {
            return activities.keySet();
        }
    }

    /** A file that is not running, with why. */
    public record FailedPlaybook(String resourceName, String source, List<PlaybookProblem> problems, Instant at) {}

    private final Map<Long, DeployedProcess> byKey = new ConcurrentHashMap<>();
    private final Map<String, FailedPlaybook> failures = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> formOwners = new ConcurrentHashMap<>(); // form id -> process ids
    private final Map<String, String> formTexts = new ConcurrentHashMap<>(); // form id -> newest text deployed
    private final Map<String, Integer> arriving = new ConcurrentHashMap<>(); // process id -> announcements
    private final Set<String> thrownSignals = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> signalsArriving = new ConcurrentHashMap<>(); // name -> announcements
    private final Set<String> keptNotDeployed = ConcurrentHashMap.newKeySet();
    private volatile Set<String> own = Set.of();
    private volatile Set<String> ownMessages = Set.of();

    /**
     * A version the engine answered a deployment with. An unchanged file comes back as the version the engine
     * has (its definition key): that version keeps when and by whom it was first deployed (session 39's probe:
     * uploading a file again moved the catalogue's deployedAt, though nothing new was deployed).
     */
    void deployed(DeployedProcess process) {
        byKey.putIfAbsent(process.definitionKey(), process);
        failures.remove(process.resourceName());
        keptNotDeployed.remove(process.processId());
    }

    /**
     * The process ids of a kept upload that could not be deployed at start-up (listed in {@link #failures()}):
     * not running, but deployed again at every start, and replaced by a new upload of the same id.
     */
    void keptNotDeployed(Set<String> processIds) {
        keptNotDeployed.addAll(processIds);
    }

    /** The process ids of kept uploads not deployed at this instance's start-up ({@link #keptNotDeployed(Set)}). */
    Set<String> keptNotDeployed() {
        return Set.copyOf(keptNotDeployed);
    }

    /**
     * A form deployed with a BPMN file: it belongs to the file's processes, whose steps link it by its
     * id. The engine links an id to its newest version, whoever deployed it.
     *
     * @param text the form as deployed (UTF-8 JSON)
     */
    void formDeployed(String formId, Set<String> processIds, String text) {
        formOwners.compute(formId, (id, owners) -> {
            Set<String> all = owners == null ? new java.util.TreeSet<>() : new java.util.TreeSet<>(owners);
            all.addAll(processIds);
            return Set.copyOf(all);
        });
        if (text != null) {
            formTexts.put(formId, text);
        }
    }

    /**
     * The process ids the start-up is about to deploy (bundled files, kept uploads): a call to one of
     * them is not refused for being deployed before it (file order is not dependency order). Each
     * announcement is taken back with {@link #arrived}.
     */
    void arriving(Set<String> processIds) {
        processIds.forEach(id -> arriving.merge(id, 1, Integer::sum));
    }

    /** Those ids have been deployed, or listed in {@link #failures()}. */
    void arrived(Set<String> processIds) {
        processIds.forEach(id -> arriving.computeIfPresent(id, (key, n) -> n == 1 ? null : n - 1));
    }

    /** The process ids of Baton's own files (bpmn/), deployed or not: no upload may take their place. */
    void own(Set<String> processIds) {
        own = Set.copyOf(processIds);
    }

    Set<String> ownProcessIds() {
        return own;
    }

    /**
     * Baton's own processes that only Baton starts (nobody may launch them from the catalogue: a
     * handover, a commitment, a lead's follow-up), each behind checks of its own: an upload may not
     * call one. One not deployed counts too; sample-review, which managers launch, does not.
     */
    Set<String> ownStartedByBaton() {
        return own.stream()
                .filter(id -> latest(id).map(p -> p.launchRoles().isEmpty()).orElse(true))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * The names of the messages Baton's own files (bpmn/) wait for, which Baton publishes on its own
     * events (a commitment recorded, a lead created): an upload waiting for one would run on them.
     */
    void ownMessages(Set<String> messageNames) {
        ownMessages = Set.copyOf(messageNames);
    }

    Set<String> ownMessageNames() {
        return ownMessages;
    }

    void failed(FailedPlaybook failure) {
        failures.put(failure.resourceName(), failure);
    }

    /** Every version of every process, by process id, then version. */
    public List<DeployedProcess> all() {
        return byKey.values().stream()
                .sorted(Comparator.comparing(DeployedProcess::processId).thenComparing(DeployedProcess::version))
                .toList();
    }

    /** The versions of one process, oldest first; empty when unknown. */
    public List<DeployedProcess> versions(String processId) {
        return all().stream().filter(p -> p.processId().equals(processId)).toList();
    }

    public Optional<DeployedProcess> latest(String processId) {
        List<DeployedProcess> versions = versions(processId);
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.getLast());
    }

    public Optional<DeployedProcess> byDefinitionKey(long definitionKey) {
        return Optional.ofNullable(byKey.get(definitionKey));
    }

    /**
     * Whether a run of this version may still come to a building block, in its own steps or in a
     * process it calls (any version Baton deployed of it, as a call takes the latest, or the file's own
     * with binding "deployment"), so that it acts with its launcher's rights. A version Baton does not
     * know (deployed by another Baton instance since this one started), or a call only the running
     * instance can resolve, may: Baton cannot tell otherwise. Where the run stands in its model is not
     * known (the engine's gRPC API has no query): a run past its last block counts too.
     *
     * @param definitionKey the version's process definition key
     * @return false only when no step of the version and of nothing it calls is a building block
     */
    public boolean mayReachBlocks(long definitionKey) {
        DeployedProcess process = byKey.get(definitionKey);
        return process == null || mayReachBlocks(process, new java.util.HashSet<>());
    }

    private boolean mayReachBlocks(DeployedProcess process, Set<String> seen) {
        if (!process.blocks().isEmpty()) {
            return true;
        }
        seen.add(process.processId());
        for (String called : process.calls()) {
            if (called.startsWith("=")) {
                return true;
            }
            if (seen.contains(called)) {
                continue;
            }
            for (DeployedProcess version : versions(called)) {
                if (mayReachBlocks(version, seen)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * What a run of this version needs from whoever launches it: its own needs ({@link
     * DeployedProcess#callerNeeds()}), and those of the playbooks it calls, at any depth ({@link
     * #callerNeeds(String, List)}). A playbook calling the sample review without an account got a review
     * task about nothing, and the answer was recorded nowhere (session 35's probe).
     *
     * @return e.g. the account needed by "call of 'sample-review', whose input mapping of 'Record review'
     *     reads accountId"; {@link CallerNeeds#NONE} when neither it nor anything it calls needs anything
     */
    public CallerNeeds callerNeeds(DeployedProcess process) {
        return walk(
                process.processId(), new Callee(process.callerNeeds(), process.calls()), List.of(), new HashSet<>());
    }

    /**
     * What the process of that id needs from a call of the file being checked, as the call would run it: the
     * file's own process of that id (a call by "latest" binding runs the newest version, the one being
     * deployed), else the newest version deployed; with what the processes it calls need, each taken the same
     * way, at any depth, as "call of 'x', whose ..." (a call passes them on with parent variables on), a
     * process met again not read twice. The first reason for an account wins, in call order, and the first
     * for each variable.
     *
     * @param file the executable processes of the file being checked; empty for none
     * @return {@link CallerNeeds#NONE} too when neither the file nor this instance knows the process
     */
    CallerNeeds callerNeeds(String processId, List<PlaybookXml.ProcessInfo> file) {
        return callee(processId, file)
                .map(callee -> walk(processId, callee, file, new HashSet<>()))
                .orElse(CallerNeeds.NONE);
    }

    /** What a process needs by its own steps, and what it calls. */
    private record Callee(CallerNeeds own, Set<String> calls) {}

    private Optional<Callee> callee(String processId, List<PlaybookXml.ProcessInfo> file) {
        for (PlaybookXml.ProcessInfo process : file) {
            if (process.id().equals(processId)) {
                return Optional.of(new Callee(process.callerNeeds(), process.calls()));
            }
        }
        return latest(processId).map(p -> new Callee(p.callerNeeds(), p.calls()));
    }

    private CallerNeeds walk(String processId, Callee process, List<PlaybookXml.ProcessInfo> file, Set<String> seen) {
        seen.add(processId);
        String account = process.own().accountNeededBy();
        Map<String, String> variables = new LinkedHashMap<>(process.own().launchVariablesNeededBy());
        for (String called : process.calls()) {
            if (called.startsWith("=") || seen.contains(called)) {
                continue; // a call only the running instance can resolve is not known here
            }
            Optional<Callee> callee = callee(called, file);
            if (callee.isEmpty()) {
                continue;
            }
            CallerNeeds theirs = walk(called, callee.get(), file, seen);
            String via = "call of '" + called + "', whose ";
            if (account == null && theirs.accountNeededBy() != null) {
                account = via + theirs.accountNeededBy();
            }
            theirs.launchVariablesNeededBy().forEach((variable, why) -> variables.putIfAbsent(variable, via + why));
        }
        return new CallerNeeds(account, variables);
    }

    /** The process ids a call activity may call: those deployed, and while Baton starts those about to be. */
    Set<String> callableProcessIds() {
        Set<String> ids = new java.util.HashSet<>(arriving.keySet());
        byKey.values().forEach(p -> ids.add(p.processId()));
        return ids;
    }

    /** Files not deployed (refused at start-up), by resource name. */
    public List<FailedPlaybook> failures() {
        return failures.values().stream()
                .sorted(Comparator.comparing(FailedPlaybook::resourceName))
                .toList();
    }

    /** Signals a deployed file throws (a signal throw or end event), by name. */
    void signalsThrown(Set<String> names) {
        thrownSignals.addAll(names);
    }

    /**
     * The signals the kept uploads the start-up is about to deploy throw: a kept upload waiting for one is not
     * refused for coming before the upload that throws it (kept uploads come oldest upload first, and the
     * thrower may have been uploaded again since). Each announcement is taken back with {@link
     * #signalsArrived}.
     */
    void signalsArriving(Set<String> names) {
        names.forEach(name -> signalsArriving.merge(name, 1, Integer::sum));
    }

    /** Those kept uploads have been deployed, or listed in {@link #failures()}. */
    void signalsArrived(Set<String> names) {
        names.forEach(name -> signalsArriving.computeIfPresent(name, (key, n) -> n == 1 ? null : n - 1));
    }

    /**
     * The names of the signals a deployed playbook throws, and while Baton starts those a kept upload about to
     * be deployed throws ({@link #signalsArriving}): a playbook may wait for one of them.
     */
    Set<String> thrownSignals() {
        Set<String> names = new HashSet<>(thrownSignals);
        names.addAll(signalsArriving.keySet());
        return Set.copyOf(names);
    }

    /** The ids of the Camunda forms deployed. */
    public Set<String> formIds() {
        return Set.copyOf(formOwners.keySet());
    }

    /** The process ids whose files deployed the form; empty when it was not deployed. */
    Set<String> formOwners(String formId) {
        return formOwners.getOrDefault(formId, Set.of());
    }

    /** The newest text deployed of the form (UTF-8 JSON), or null when it was not deployed. */
    String formText(String formId) {
        return formTexts.get(formId);
    }
}
