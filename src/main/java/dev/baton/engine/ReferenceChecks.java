package dev.baton.engine;

import dev.baton.blocks.Blocks;
import dev.baton.engine.Bpmn.Variables;
import dev.baton.shared.Text;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.w3c.dom.Element;

/**
 * The upload's checks of what a playbook names outside its BPMN file, each a step that would wait
 * forever or stop its instance: a job type must have a Baton worker (for an upload: be a building
 * block), a call activity must call a
 * process deployed or in the same file, and a business rule task must not call a DMN decision. A
 * name written as a FEEL expression is read with {@link ConstantFeel}: only a constant can be checked.
 */
final class ReferenceChecks {

    /** Why a computed name is refused, up to "cannot tell". */
    private static final String NOT_EVALUATED =
            " Baton does not evaluate at upload (it evaluates only expressions of no"
                    + " variables without loops, such as texts in quotes joined with +), so it cannot tell";

    /**
     * What one kind of name refers to, for its messages.
     *
     * @param what the name's kind, as the message starts ("the job type")
     * @param unknowable what an expression hides, after "cannot tell whether"
     * @param advice what to write instead
     */
    private record Name(String what, String unknowable, String advice) {}

    private static final Name CALLED_PROCESS = new Name(
            "the called process",
            "that process is deployed",
            "Write the called process's id (Called element, in Camunda Modeler)");

    private ReferenceChecks() {}

    /**
     * Adds a problem naming its element for each reference Baton could not run.
     *
     * @param jobTypes the job types the file may use: those Baton's workers serve for its own files,
     *     the building blocks for an upload
     * @param served the job types Baton's workers serve (an upload may not use those that are not blocks)
     * @param callable the process ids deployed on the engine (as far as Baton knows)
     * @param uncallable the process ids the file may not call, deployed or not: for an upload, Baton's own
     *     processes that only Baton starts; none for Baton's own files
     * @param callerNeeds what the process of that id needs from a call, as the call would run it (an account,
     *     the variables only Baton sets at launch: {@link DeployedPlaybooks#callerNeeds(String, List)}); null
     *     for Baton's own files, whose calls pass what their callees need by Baton's own variables
     */
    static void check(
            PlaybookXml xml,
            Map<String, String> names,
            Set<String> jobTypes,
            Set<String> served,
            Set<String> callable,
            Set<String> uncallable,
            Function<String, CallerNeeds> callerNeeds,
            List<PlaybookProblem> problems) {
        jobTypes(xml, names, jobTypes, served, problems);
        calls(xml, names, callable, uncallable, callerNeeds, problems);
        decisions(xml, names, problems);
    }

    /**
     * Job types written plainly or as a FEEL expression that gives the same name whatever the
     * instance (a constant); any other expression is refused: Baton's workers are a fixed list, so
     * only a fixed name can be known to have one. The engine's user-task job type is for user tasks
     * only: on another step it would make a task for the inbox without a user task's checks.
     */
    private static void jobTypes(
            PlaybookXml xml,
            Map<String, String> names,
            Set<String> allowed,
            Set<String> served,
            List<PlaybookProblem> problems) {
        String listed = (allowed.containsAll(served)
                        ? "Job types Baton serves: "
                        : "Building blocks (job types a playbook may use): ")
                + String.join(", ", new TreeSet<>(allowed)); // sorted: a reader scans it
        Name jobType = new Name(
                "the job type",
                "a worker serves it, and its workers serve fixed job types only",
                "Write one of them as the type. " + listed);
        // a listener's type is a job type too: the engine makes a job of it for a worker, as for a task
        List<Element> jobs = new ArrayList<>(xml.all(PlaybookXml.ZEEBE, "taskDefinition"));
        jobs.addAll(xml.all(PlaybookXml.ZEEBE, "executionListener"));
        jobs.addAll(xml.all(PlaybookXml.ZEEBE, "taskListener"));
        for (Element definition : jobs) {
            String type = definition.getAttribute("type"); // as the engine takes it: not stripped
            boolean userTask = "taskDefinition".equals(definition.getLocalName())
                    && "userTask".equals(PlaybookXml.owner(definition).getLocalName());
            String problem = problem(jobType, type, value -> {
                if (Bpmn.USER_TASK_JOB_TYPE.equals(value)) {
                    return userTask
                            ? null
                            : "the job type " + quoted(value) + from(type) + " is the engine's own, for user tasks:"
                                    + " this step would reach the inbox as a task without a user task's checks"
                                    + " (nobody assigned, no form). Draw it as a user task and assign it (Assignment,"
                                    + " in Camunda Modeler)";
                }
                if (value instanceof String name && allowed.contains(name)) {
                    return null;
                }
                if (value instanceof String name && served.contains(name)) {
                    return "the job type " + quoted(value) + from(type) + " is one of Baton's own steps, for the"
                            + " processes it ships: an uploaded playbook may use only the building blocks. " + listed;
                }
                return "Baton has no worker for the job type " + quoted(value) + from(type)
                        + ": the step would wait forever." + spaces(value, allowed) + " " + listed;
            });
            add(definition, names, problem, problems);
        }
    }

    /**
     * Call activities must call a process deployed on the engine (as far as Baton knows: what it
     * deployed) or one in the same file; with binding "deployment" only the same file counts, as the
     * engine then looks only there. Anything else leaves the instance waiting at the call.
     *
     * <p>An upload may not call one of Baton's own processes that only Baton starts: it starts them after its own
     * guards (one handover of an account at a time, a handoff once per won deal, a lead's owner), and
     * with variables of its own. A probe's call of sales-to-cs-handoff, account-handover or
     * lead-follow-up ran them past those guards: duplicate handoffs, a second "Write handover note" for
     * a handover already running, mails to the wrong rep. A call given as an expression over variables
     * is refused anyway (Baton cannot tell what it calls), so none can reach one at run time either.
     */
    private static void calls(
            PlaybookXml xml,
            Map<String, String> names,
            Set<String> callable,
            Set<String> uncallable,
            Function<String, CallerNeeds> callerNeeds,
            List<PlaybookProblem> problems) {
        Set<String> inFile = new HashSet<>();
        xml.processes().forEach(p -> inFile.add(p.id()));
        Set<String> anywhere = new HashSet<>(inFile);
        anywhere.addAll(callable);
        for (Element called : xml.all(PlaybookXml.ZEEBE, "calledElement")) {
            String processId = called.getAttribute("processId"); // as the engine takes it: not stripped
            boolean sameFileOnly = "deployment".equals(called.getAttribute("bindingType"));
            String problem = problem(CALLED_PROCESS, processId, value -> {
                if (value instanceof String name && uncallable.contains(name)) {
                    return "calls the process " + quoted(value) + from(processId) + ", one of Baton's own"
                            + " processes, which Baton starts itself behind its own checks (one handover of an"
                            + " account at a time, one handoff per won deal): a call from a playbook would run"
                            + " it past them (a second handover of the same account, mails to the wrong rep)."
                            + " A playbook cannot call it; Baton starts it where it belongs (a handover from"
                            + " /handovers/new, a handoff to CS from the account, a lead's follow-up when the"
                            + " lead is created). Call a playbook of your own instead";
                }
                if (value instanceof String name
                        && (inFile.contains(name) || (!sameFileOnly && callable.contains(name)))) {
                    return null;
                }
                return "calls the process " + quoted(value) + from(processId) + ", which is"
                        + (sameFileOnly
                                ? " not in this file (its binding is \"deployment\")"
                                : " neither deployed nor in this file")
                        + ": the engine would stop the instance at this step. Upload that process"
                        + " first, or draw it in this file"
                        + (spaces(value, anywhere).isEmpty() ? "" : "." + spaces(value, anywhere));
            });
            add(called, names, problem, problems);
            add(called, names, accountChanged(called), problems);
            if (callerNeeds != null) {
                add(called, names, accountNotPassed(called, processId, names, callerNeeds), problems);
                launchVariablesNotPassed(called, processId, names, callerNeeds)
                        .forEach(missing -> add(called, names, missing, problems));
            }
        }
    }

    /**
     * A call with "Propagate all parent variables" off ({@code propagateAllParentVariables="false"}) gives
     * the process it calls only the call's own local variables, its input mappings (Zeebe 8.8's call
     * activity copies all the variables it sees when the attribute is true, its default, and only its local
     * ones when false): without an input mapping to {@code accountId}, a playbook that works on an account
     * runs on none. Session 36's probe: the sample review's record step then recorded nothing, silently,
     * while the launch had checked an account. (A mapping from anything but {@code =accountId} is {@link
     * #accountChanged}'s.)
     *
     * @param written the called process id as written (a constant expression is read; others are left)
     * @return the problem, or null when the call passes accountId on, or what it calls needs no account
     */
    private static String accountNotPassed(
            Element called, String written, Map<String, String> names, Function<String, CallerNeeds> callerNeeds) {
        if (!called.hasAttribute("propagateAllParentVariables")
                || Boolean.parseBoolean(called.getAttribute("propagateAllParentVariables"))) {
            return null; // as the engine reads it: the default is true, and any other text false
        }
        Element call = PlaybookXml.owner(called);
        if (setsLocally(call, Variables.ACCOUNT_ID)) {
            return null;
        }
        String processId = calledProcessId(written);
        String needed = processId == null ? null : callerNeeds.apply(processId).accountNeededBy();
        if (needed == null) {
            return null;
        }
        String id = call.getAttribute("id");
        String label = names.get(id) == null || names.get(id).isBlank() ? id : names.get(id);
        return "call '" + label + "' does not pass accountId on: with 'Propagate all parent variables' off, the"
                + " process it calls gets only the call's input mappings, and " + quoted(processId) + " works on an"
                + " account (its " + needed + "), so it would run on none. Add the input mapping accountId ="
                + " accountId (Camunda Modeler: the call's Inputs, local variable name accountId, assignment value"
                + " =accountId), or turn 'Propagate all parent variables' on (Called element)";
    }

    /**
     * As {@link #accountNotPassed}, for the variables only Baton sets at launch ({@code accountOwner}, {@code
     * ownerManager}, {@code launchedBy}): with "Propagate all parent variables" off, a process that reads one
     * gets none, and a step assigned to {@code =accountOwner} stopped at an engine incident at run time (a
     * building block without {@code launchedBy} would check nobody's rights). The call must pass each on with
     * the input mapping {@code accountOwner = =accountOwner}, the one mapping to such a variable an upload may
     * have ({@link ReservedVariableChecks}), or propagate the parent's variables.
     *
     * @return one problem per variable the called process needs and the call does not pass on; empty when
     *     the call propagates its variables, or what it calls is not known
     */
    private static List<String> launchVariablesNotPassed(
            Element called, String written, Map<String, String> names, Function<String, CallerNeeds> callerNeeds) {
        if (!called.hasAttribute("propagateAllParentVariables")
                || Boolean.parseBoolean(called.getAttribute("propagateAllParentVariables"))) {
            return List.of();
        }
        String processId = calledProcessId(written);
        if (processId == null) {
            return List.of();
        }
        Element call = PlaybookXml.owner(called);
        String id = call.getAttribute("id");
        String label = names.get(id) == null || names.get(id).isBlank() ? id : names.get(id);
        List<String> problems = new ArrayList<>();
        callerNeeds.apply(processId).launchVariablesNeededBy().forEach((variable, why) -> {
            if (!setsLocally(call, variable)) {
                String without = Blocks.LAUNCHED_BY.equals(variable)
                        ? "its building blocks would not know whose rights they act with, and check nobody's"
                        : "the engine would stop the run there with an incident";
                problems.add("call '" + label + "' does not pass " + variable + " on: with 'Propagate all parent"
                        + " variables' off, the process it calls gets only the call's input mappings, and "
                        + quoted(processId) + " needs " + variable + ", which Baton sets at launch (its " + why
                        + "), so " + without + ". Add the input mapping " + variable + " = " + variable + " (Camunda"
                        + " Modeler: the call's Inputs, local variable name " + variable + ", assignment value ="
                        + variable + "), or turn 'Propagate all parent variables' on (Called element)");
            }
        });
        return problems;
    }

    /**
     * Whether the call activity sets the variable as a local one, which a call copies to the process it calls
     * even with "Propagate all parent variables" off: an input mapping to it, or the multi-instance input
     * element of that name.
     */
    private static boolean setsLocally(Element call, String variable) {
        for (Element extensions : PlaybookXml.children(call, PlaybookXml.BPMN, "extensionElements")) {
            for (Element mapping : PlaybookXml.children(extensions, PlaybookXml.ZEEBE, "ioMapping")) {
                for (Element input : PlaybookXml.children(mapping, PlaybookXml.ZEEBE, "input")) {
                    if (variable.equals(input.getAttribute("target").strip())) {
                        return true;
                    }
                }
            }
        }
        for (Element loop : PlaybookXml.children(call, PlaybookXml.BPMN, "multiInstanceLoopCharacteristics")) {
            for (Element extensions : PlaybookXml.children(loop, PlaybookXml.BPMN, "extensionElements")) {
                for (Element characteristics :
                        PlaybookXml.children(extensions, PlaybookXml.ZEEBE, "loopCharacteristics")) {
                    if (variable.equals(
                            characteristics.getAttribute("inputElement").strip())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The process id a call names, plainly or as a constant expression; null when only a run could tell. */
    private static String calledProcessId(String written) {
        if (written.isEmpty()) {
            return null;
        }
        if (!ConstantFeel.isExpression(written)) {
            return written;
        }
        return ConstantFeel.evaluate(written) instanceof ConstantFeel.Constant(Object value)
                        && value instanceof String name
                ? name
                : null;
    }

    /**
     * A call activity may not give the process it calls another account than its own: an input mapping to
     * {@code accountId} from anything but {@code =accountId}. The launch checked the launcher's rights on the
     * run's account only; session 36's probe launched a playbook on an account of her own whose call mapped
     * {@code accountId} to another rep's, and the called sample review put a review task and note on it.
     * (A form's answer naming an account is checked where it is answered: {@code AccountAnswers}.) A
     * multi-instance call whose input element is {@code accountId} gives each instance an item of its input
     * collection as its account ({@link #loopedAccounts}): a loop over other reps' accounts would pass the
     * launch's check the same way, so it is refused too, naming the collection.
     *
     * @return the problem, or null when the call passes the account on unchanged or sets none
     */
    private static String accountChanged(Element called) {
        Element call = PlaybookXml.owner(called);
        String collection = loopedAccounts(call);
        if (collection != null) {
            return "loops over the collection '" + shown(collection) + "' with the input element accountId (Multi"
                    + " instance): each instance gives the process it calls an account from that collection, not"
                    + " the caller's own, whose launcher's rights the launch checked, so it would work on accounts"
                    + " the launch never checked (another rep's, say). A call may only pass accountId on as it is:"
                    + " give the input element another name, and launch the playbook on each account to work on";
        }
        for (Element extensions : PlaybookXml.children(call, PlaybookXml.BPMN, "extensionElements")) {
            for (Element mapping : PlaybookXml.children(extensions, PlaybookXml.ZEEBE, "ioMapping")) {
                for (Element input : PlaybookXml.children(mapping, PlaybookXml.ZEEBE, "input")) {
                    String source = input.getAttribute("source").replaceAll("\\s+", "");
                    if (Variables.ACCOUNT_ID.equals(input.getAttribute("target").strip())
                            && !source.equals("=" + Variables.ACCOUNT_ID)) {
                        return "gives the process it calls the account '" + shown(input.getAttribute("source"))
                                + "' (an input mapping to accountId): a call works on its caller's account, whose"
                                + " launcher's rights the launch checked, so it may only pass accountId on as it is"
                                + " (source =accountId, or no mapping). To work on another account, launch the"
                                + " playbook on that account";
                    }
                }
            }
        }
        return null;
    }

    /**
     * The collection a multi-instance call loops over with {@code accountId} as its input element (the engine
     * sets each instance's {@code accountId} to one item of it), as written; null when it has no such loop.
     * Whatever the collection, an item is an account of its own: the rule {@link #accountChanged} holds to
     * an input mapping accepts only {@code =accountId} itself, which no collection is.
     */
    private static String loopedAccounts(Element call) {
        for (Element loop : PlaybookXml.children(call, PlaybookXml.BPMN, "multiInstanceLoopCharacteristics")) {
            for (Element extensions : PlaybookXml.children(loop, PlaybookXml.BPMN, "extensionElements")) {
                for (Element characteristics :
                        PlaybookXml.children(extensions, PlaybookXml.ZEEBE, "loopCharacteristics")) {
                    if (Variables.ACCOUNT_ID.equals(
                            characteristics.getAttribute("inputElement").strip())) {
                        return characteristics.getAttribute("inputCollection");
                    }
                }
            }
        }
        return null;
    }

    /**
     * Business rule tasks that call a DMN decision: Baton deploys BPMN files and forms only, so the
     * engine has no decision to call and would stop at the step.
     */
    private static void decisions(PlaybookXml xml, Map<String, String> names, List<PlaybookProblem> problems) {
        for (Element decision : xml.all(PlaybookXml.ZEEBE, "calledDecision")) {
            add(
                    decision,
                    names,
                    "calls the decision '" + decision.getAttribute("decisionId") + "', but Baton does not run"
                            + " decisions (DMN): the engine would stop the instance at this step. In Camunda Modeler set the task's"
                            + " implementation to Job worker with one of Baton's job types, or draw the rule"
                            + " with gateways",
                    problems);
        }
    }

    /**
     * The problem with a name as written (plain or an expression; blank counts as unparsable, left to
     * the engine's model and deployment checks), or null when there is none. {@code missing} says
     * what a constant's value lacks, or null when it names something Baton can run.
     */
    private static String problem(Name kind, String written, Function<Object, String> missing) {
        ConstantFeel.Outcome outcome = written.isEmpty()
                ? new ConstantFeel.Unparsable()
                : ConstantFeel.isExpression(written)
                        ? ConstantFeel.evaluate(written)
                        : new ConstantFeel.Constant(written);
        return switch (outcome) {
            case ConstantFeel.Unparsable u -> null;
            case ConstantFeel.Variable v ->
                kind.what() + " is the expression '" + shown(written) + "', which depends on the instance's"
                        + " variables: Baton cannot tell at upload whether " + kind.unknowable() + ". "
                        + kind.advice();
            case ConstantFeel.Computed c ->
                kind.what() + " is the expression '" + shown(written) + "', which" + NOT_EVALUATED + " whether "
                        + kind.unknowable() + ". " + kind.advice();
            case ConstantFeel.Failed(String failure) ->
                kind.what() + " is the expression '" + shown(written) + "', which gives no value (FEEL: " + failure
                        + "), so the engine would stop the instance at this step. " + kind.advice();
            case ConstantFeel.Constant(Object value) -> missing.apply(value);
        };
    }

    private static void add(
            Element extension, Map<String, String> names, String problem, List<PlaybookProblem> problems) {
        if (problem != null) {
            String id = PlaybookXml.owner(extension).getAttribute("id");
            problems.add(new PlaybookProblem(id, names.get(id), problem));
        }
    }

    /** The expression as the reader is shown it: at most 80 characters of it, invisible ones written out. */
    static String shown(String written) {
        return Text.showInvisible(written.length() <= 80 ? written : written.substring(0, 80) + "…");
    }

    /**
     * A name in quotes, with line breaks, tabs and every other invisible character written out ({@link
     * Text#showInvisible}, e.g. {@code \\u00a0} for a no-break space): the engine matches names exactly,
     * so a reader must see the character that makes one unknown.
     */
    private static String quoted(Object value) {
        return "'" + Text.showInvisible(String.valueOf(value)) + "'";
    }

    /**
     * The fix when the name is known but for spaces, line breaks or other invisible characters around
     * it (a no-break or zero-width space pasted with it), which the engine keeps.
     */
    private static String spaces(Object value, Set<String> known) {
        if (!(value instanceof String name)) {
            return "";
        }
        String stripped = Text.stripInvisible(name);
        return !name.equals(stripped) && known.contains(stripped)
                ? " It has spaces or line breaks around " + quoted(stripped) + ", which the engine keeps"
                        + " (it looks for exactly that name): remove them."
                : "";
    }

    private static String from(String written) {
        return ConstantFeel.isExpression(written) ? " (what the expression '" + shown(written) + "' gives)" : "";
    }
}
