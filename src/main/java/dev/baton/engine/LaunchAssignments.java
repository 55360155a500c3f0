package dev.baton.engine;

import dev.baton.blocks.Blocks;
import dev.baton.people.PeopleByName;
import dev.baton.people.Person;
import dev.baton.people.TeamService;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.StepNames;
import dev.baton.shared.Text;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A launch's variables that assign a playbook's human steps, checked before the run starts the way the
 * inbox resolves them when the step runs ({@code task/TaskPeople}, as {@link AssignmentChecks} checks the
 * names a playbook writes literally): a step drawn with {@code assignee="=reviewer"} goes to the person
 * whose user name or e-mail address the launch gives as {@code reviewer}, who must be active; one drawn
 * with {@code candidateUsers="=reviewers"} or {@code candidateGroups="=reviewTeams"} to the people or
 * teams (by key) of the list it gives. Until session 46 a launch naming nobody ({@code "reviewer":
 * "nosuchperson"}) started a run whose step waited in the admins' unassigned work while the launcher was
 * told 201, and one giving the wrong kind of value ({@code "reviewTeams": "sales-emea"}, text where the
 * engine wants a list) started a run that stopped at the step at once with the engine's words.
 *
 * <p>Only a step's attribute that is one variable alone ({@code =reviewer}) is checked, as only then is the
 * launch's value what the step gets; Baton's own launch variables ({@link Blocks#RESERVED}) come from the
 * account and are not the launcher's. A variable the launch leaves out is not refused: a form or mapping
 * before the step may set it, or the step may never be reached; the upload warns when nothing in the
 * playbook sets it ({@code ConditionVariableChecks}), and the launch's answer carries the incident of a run
 * that stops at it at once.
 */
@Component
public class LaunchAssignments {

    /** An attribute that is one variable alone: {@code =reviewer}, spaces allowed around it. */
    private static final Pattern LONE_VARIABLE = Pattern.compile("=\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*");

    private static final Set<String> FEEL_LITERALS = Set.of("null", "true", "false");

    /**
     * How many people, teams or items a launch's list may name: each is looked up, and a step offered to more
     * than this is no step a person reads (the request's own size limit would allow a hundred thousand).
     */
    static final int MAX_NAMED = 1_000;

    static final List<String> ATTRIBUTES = List.of("assignee", "candidateUsers", "candidateGroups");

    private final PeopleByName people;
    private final TeamService teams;

    LaunchAssignments(PeopleByName people, TeamService teams) {
        this.people = people;
        this.teams = teams;
    }

    /**
     * One step's assignment attribute that reads a launch variable alone.
     *
     * @param attribute {@code assignee}, {@code candidateUsers} or {@code candidateGroups}
     * @param othersNameSomeone whether another of the step's assignment attributes is written (then an empty
     *     assignee leaves the step to its candidates)
     * @param each whether {@code variable} is a multi-instance step's input collection, whose every item is what
     *     the attribute reads ({@code inputCollection="=reviewers" inputElement="reviewer"} with {@code
     *     assignee="=reviewer"}: one step for each person of the list)
     */
    record Use(
            String variable,
            String attribute,
            String stepId,
            String stepName,
            boolean othersNameSomeone,
            boolean each) {}

    /**
     * Refuses a launch whose variables would send a step of the process to nobody, or stop it at the step.
     *
     * @param process the version being launched (its BPMN file is read here; launches are rare)
     * @param variables the launch's variables as given (JSON values: text, lists, numbers, null)
     * @throws BadRequestException naming each such variable (the first problem of each), with the step it
     *     assigns and what to give instead; nothing when every variable given names someone
     */
    public void requireNamesSomeone(DeployedPlaybooks.DeployedProcess process, Map<String, Object> variables) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, VariableKinds.Clash> clashes = clashes(process);
        for (Use use : uses(process.xml(), process.processId())) {
            if (variables.containsKey(use.variable()) && !errors.containsKey(use.variable())) {
                VariableKinds.Clash clash = clashes.get(use.variable());
                if (clash != null) {
                    errors.put(
                            use.variable(),
                            clash.inWords() + ": no launch can give it until the playbook uses two"
                                    + " variables, one for each (its upload's warnings say so too)");
                } else {
                    problem(use, variables.get(use.variable())).ifPresent(why -> errors.put(use.variable(), why));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
    }

    /**
     * The variables two steps read as kinds no one value is (session 46's second probe: each launch was refused
     * pointing at the other step, so the launcher went back and forth); empty when the file cannot be read.
     */
    private static Map<String, VariableKinds.Clash> clashes(DeployedPlaybooks.DeployedProcess process) {
        try {
            PlaybookXml file = PlaybookXml.parse(process.xml().getBytes(StandardCharsets.UTF_8));
            for (Element e : file.all(PlaybookXml.BPMN, "process")) {
                if (process.processId().equals(e.getAttribute("id"))) {
                    return ConditionVariableChecks.launchClashes(file, e);
                }
            }
        } catch (Exception e) {
            // a deployed file always parses; if not, the engine judges the run
        }
        return Map.of();
    }

    /**
     * The user tasks of the process of that id (in its subprocesses too, not in the processes it calls) whose
     * assignment attributes read a variable alone, in file order; empty when the file cannot be read.
     */
    static List<Use> uses(String xml, String processId) {
        List<Use> out = new ArrayList<>();
        PlaybookXml file;
        try {
            file = PlaybookXml.parse(xml.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            return out; // a deployed file always parses; if not, the engine judges the run
        }
        for (Element process : file.all(PlaybookXml.BPMN, "process")) {
            if (processId.equals(process.getAttribute("id"))) {
                out.addAll(uses(process));
            }
        }
        return out;
    }

    /** As {@link #uses(String, String)}, for one process element of a file already read. */
    static List<Use> uses(Element process) {
        List<Use> out = new ArrayList<>();
        NodeList tasks = process.getElementsByTagNameNS(PlaybookXml.BPMN, "userTask");
        for (int i = 0; i < tasks.getLength(); i++) {
            Element task = (Element) tasks.item(i);
            for (Element ext : PlaybookXml.children(task, PlaybookXml.BPMN, "extensionElements")) {
                for (Element assignment : PlaybookXml.children(ext, PlaybookXml.ZEEBE, "assignmentDefinition")) {
                    uses(task, assignment, out);
                }
            }
        }
        return out;
    }

    /**
     * The variable an assignment attribute is alone ({@code =reviewer} gives {@code reviewer}), or null for
     * anything else: a literal, a longer expression, one of Baton's own launch variables.
     */
    static String loneVariable(String written) {
        Matcher lone = LONE_VARIABLE.matcher(written);
        return !lone.matches() || FEEL_LITERALS.contains(lone.group(1)) || Blocks.RESERVED.contains(lone.group(1))
                ? null
                : lone.group(1);
    }

    private static void uses(Element task, Element assignment, List<Use> out) {
        for (String attribute : ATTRIBUTES) {
            String variable = loneVariable(assignment.getAttribute(attribute));
            if (variable == null) {
                continue;
            }
            boolean others = ATTRIBUTES.stream()
                    .filter(a -> !a.equals(attribute))
                    .anyMatch(a -> !assignment.getAttribute(a).isBlank());
            String name = task.getAttribute("name");
            String step = name.isBlank() ? null : name;
            String collection = collectionOf(task, variable);
            if (collection != null) {
                if (!collection.isEmpty() && !mapped(task, collection)) {
                    out.add(new Use(collection, attribute, task.getAttribute("id"), step, others, true));
                }
            } else if (!mapped(task, variable)) {
                out.add(new Use(variable, attribute, task.getAttribute("id"), step, others, false));
            }
        }
    }

    /**
     * When {@code variable} is the step's multi-instance input element: the input collection's variable when it is
     * one alone ({@code =reviewers}), else empty text (an expression: not checked); null when it is not the input
     * element.
     */
    private static String collectionOf(Element task, String variable) {
        for (Element loop : PlaybookXml.children(task, PlaybookXml.BPMN, "multiInstanceLoopCharacteristics")) {
            for (Element ext : PlaybookXml.children(loop, PlaybookXml.BPMN, "extensionElements")) {
                for (Element zeebe : PlaybookXml.children(ext, PlaybookXml.ZEEBE, "loopCharacteristics")) {
                    if (variable.equals(zeebe.getAttribute("inputElement").strip())) {
                        String collection = loneVariable(zeebe.getAttribute("inputCollection"));
                        return collection == null ? "" : collection;
                    }
                }
            }
        }
        return null;
    }

    /**
     * Whether an input mapping of the step, or of a subprocess around it, sets {@code variable}: then the step
     * reads the mapping's value, not the launch's (session 46's second probe: such a launch was refused with a
     * reason about a value the step never reads).
     */
    private static boolean mapped(Element task, String variable) {
        for (org.w3c.dom.Node n = task; n instanceof Element e; n = n.getParentNode()) {
            if (PlaybookXml.BPMN.equals(e.getNamespaceURI()) && "process".equals(e.getLocalName())) {
                return false;
            }
            for (Element ext : PlaybookXml.children(e, PlaybookXml.BPMN, "extensionElements")) {
                for (Element io : PlaybookXml.children(ext, PlaybookXml.ZEEBE, "ioMapping")) {
                    for (Element input : PlaybookXml.children(io, PlaybookXml.ZEEBE, "input")) {
                        if (variable.equals(input.getAttribute("target").strip())) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private Optional<String> problem(Use use, Object given) {
        String step = StepNames.quoted(use.stepName(), use.stepId());
        String drawn = use.each()
                ? " (" + step + " is one step for each item of " + use.variable() + ", and its " + use.attribute()
                        + " is the item)"
                : " (the " + use.attribute() + " of " + step + " is =" + use.variable() + ")";
        if (use.each()) {
            if (!(given instanceof List<?> items)) {
                return Optional.of("must be a list: " + step + " is started once for each of its items; " + shown(given)
                        + " would stop the run at the step" + drawn);
            }
            if (items.size() > MAX_NAMED) {
                return Optional.of("has " + items.size() + " items: at most " + MAX_NAMED + drawn);
            }
            for (Object item : items) {
                Optional<String> why = one(use, step, item);
                if (why.isPresent()) {
                    return Optional.of("each item: " + why.get() + drawn);
                }
            }
            return Optional.empty();
        }
        return one(use, step, given).map(why -> why + drawn);
    }

    /** What is wrong with one value of the attribute (the launch's, or one item of a multi-instance's list). */
    private Optional<String> one(Use use, String step, Object given) {
        if (use.attribute().equals("assignee")) {
            if (!(given instanceof String name)) {
                return Optional.of("must be the user name or e-mail address of the person " + step + " goes to, as"
                        + " text; " + shown(given) + " would stop the run at the step");
            }
            if (name.isBlank()) {
                return use.othersNameSomeone()
                        ? Optional.empty() // no assignee: the step's candidates are offered it
                        : Optional.of("is empty: " + step + " would go to nobody and wait in the admins' unassigned"
                                + " work; give the user name or e-mail address of the person it goes to");
            }
            return person(name).map(why -> why + ", so the step would wait in the admins' unassigned work");
        }
        boolean groups = use.attribute().equals("candidateGroups");
        String example = groups ? "[\"sales-emea\"]" : "[\"maria\", \"rob\"]";
        String what = groups ? "team keys" : "user names or e-mail addresses";
        if (!(given instanceof List<?> items) || !items.stream().allMatch(String.class::isInstance)) {
            return Optional.of("must be a list of " + what + ", e.g. " + example + "; " + shown(given)
                    + " would stop the run at the step");
        }
        List<String> named = items.stream()
                .map(i -> ((String) i).strip())
                .filter(i -> !i.isEmpty())
                .distinct()
                .toList();
        if (named.size() > MAX_NAMED) {
            return Optional.of(
                    "names " + named.size() + " " + (groups ? "teams" : "people") + ": at most " + MAX_NAMED);
        }
        List<String> bad = new ArrayList<>();
        Set<String> staffed = groups ? teams.staffed(named) : Set.of();
        for (String name : named) {
            (groups ? team(name, staffed) : person(name)).ifPresent(bad::add);
        }
        boolean nobodyLeft = bad.size() == named.size() && !use.othersNameSomeone();
        if (!bad.isEmpty()) {
            return Optional.of(String.join("; ", bad) + ": leave " + (bad.size() == 1 ? "it" : "them") + " out"
                    + (nobodyLeft
                            ? ", and name " + (groups ? "a team" : "someone") + " who can take it: as it is, " + step
                                    + " would be offered to nobody and wait in the admins' unassigned work"
                            : ""));
        }
        if (nobodyLeft) {
            return Optional.of("names no " + (groups ? "team" : "person") + ": " + step + " would be offered to"
                    + " nobody and wait in the admins' unassigned work; give a list of " + what + ", e.g. "
                    + example);
        }
        return Optional.empty();
    }

    /** Why {@code named} can never take a step, or empty when they can. */
    private Optional<String> person(String named) {
        Optional<Person> person = people.find(named);
        String shown = "'" + Text.showInvisible(named.strip()) + "'";
        if (person.isEmpty()) {
            return Optional.of(shown + " names nobody: "
                    + (named.contains("@")
                            ? "no person in Baton has that e-mail address"
                            : "no person signs in to Baton as " + shown));
        }
        if (!person.get().isActive()) {
            return Optional.of(shown + " is " + person.get().getFullName() + ", who has left (inactive in Baton)");
        }
        return Optional.empty();
    }

    /** Why no one could be offered a step through the team {@code key}, or empty when someone can. */
    private Optional<String> team(String key, Set<String> staffed) {
        String shown = "'" + Text.showInvisible(key) + "'";
        if (teams.byKey(key).isEmpty()) {
            return Optional.of(shown + " is no team's key in Baton (GET /api/teams lists the teams)");
        }
        return staffed.contains(key)
                ? Optional.empty()
                : Optional.of(shown + " is a team with no active member: nobody could see or claim the step");
    }

    private static String shown(Object given) {
        return switch (given) {
            case null -> "null";
            case String text -> "the text '" + Text.showInvisible(text) + "'";
            case List<?> list -> "a list with a value that is not text";
            case Map<?, ?> map -> "an object";
            case Boolean b -> "the value " + b;
            case Number n -> "the number " + n;
            default -> "the value " + given;
        };
    }
}
