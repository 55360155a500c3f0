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
     */
    record Use(String variable, String attribute, String stepId, String stepName, boolean othersNameSomeone) {}

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
        for (Use use : uses(process.xml(), process.processId())) {
            if (variables.containsKey(use.variable()) && !errors.containsKey(use.variable())) {
                problem(use, variables.get(use.variable())).ifPresent(why -> errors.put(use.variable(), why));
            }
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
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
            if (!processId.equals(process.getAttribute("id"))) {
                continue;
            }
            NodeList tasks = process.getElementsByTagNameNS(PlaybookXml.BPMN, "userTask");
            for (int i = 0; i < tasks.getLength(); i++) {
                Element task = (Element) tasks.item(i);
                for (Element ext : PlaybookXml.children(task, PlaybookXml.BPMN, "extensionElements")) {
                    for (Element assignment : PlaybookXml.children(ext, PlaybookXml.ZEEBE, "assignmentDefinition")) {
                        uses(task, assignment, out);
                    }
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
            out.add(new Use(variable, attribute, task.getAttribute("id"), name.isBlank() ? null : name, others));
        }
    }

    private Optional<String> problem(Use use, Object given) {
        String step = StepNames.quoted(use.stepName(), use.stepId());
        String drawn = " (the " + use.attribute() + " of " + step + " is =" + use.variable() + ")";
        if (use.attribute().equals("assignee")) {
            if (!(given instanceof String name)) {
                return Optional.of("must be the user name or e-mail address of the person " + step + " goes to, as"
                        + " text; " + shown(given) + " would stop the run at the step" + drawn);
            }
            if (name.isBlank()) {
                return use.othersNameSomeone()
                        ? Optional.empty() // no assignee: the step's candidates are offered it
                        : Optional.of("is empty: " + step + " would go to nobody and wait in the admins' unassigned"
                                + " work; give the user name or e-mail address of the person it goes to" + drawn);
            }
            return person(name).map(why -> why + drawn);
        }
        boolean groups = use.attribute().equals("candidateGroups");
        String example = groups ? "[\"sales-emea\"]" : "[\"maria\", \"rob\"]";
        String what = groups ? "team keys" : "user names or e-mail addresses";
        if (!(given instanceof List<?> items) || !items.stream().allMatch(String.class::isInstance)) {
            return Optional.of("must be a list of " + what + ", e.g. " + example + "; " + shown(given)
                    + " would stop the run at the step" + drawn);
        }
        for (Object item : items) {
            String named = ((String) item).strip();
            if (named.isEmpty()) {
                continue;
            }
            Optional<String> why = groups ? team(named) : person(named);
            if (why.isPresent()) {
                return Optional.of(why.get() + drawn);
            }
        }
        if (items.stream().allMatch(i -> ((String) i).isBlank()) && !use.othersNameSomeone()) {
            return Optional.of("names no " + (groups ? "team" : "person") + ": " + step + " would be offered to"
                    + " nobody and wait in the admins' unassigned work; give a list of " + what + ", e.g. "
                    + example + drawn);
        }
        return Optional.empty();
    }

    private Optional<String> person(String named) {
        Optional<Person> person = people.find(named);
        String shown = "'" + Text.showInvisible(named.strip()) + "'";
        if (person.isEmpty()) {
            return Optional.of(shown + " names nobody: "
                    + (named.contains("@")
                            ? "no person in Baton has that e-mail address"
                            : "no person signs in to Baton as " + shown)
                    + ", so the step would wait in the admins' unassigned work");
        }
        if (!person.get().isActive()) {
            return Optional.of(shown + " is " + person.get().getFullName() + ", who has left (inactive in Baton):"
                    + " the step would wait in the admins' unassigned work");
        }
        return Optional.empty();
    }

    private Optional<String> team(String key) {
        return teams.byKey(key).isPresent()
                ? Optional.empty()
                : Optional.of("'" + Text.showInvisible(key) + "' is no team's key in Baton: the step would be offered"
                        + " to nobody and wait in the admins' unassigned work; GET /api/teams lists the teams");
    }

    private static String shown(Object given) {
        return switch (given) {
            case null -> "null";
            case String text -> "the text '" + Text.showInvisible(text) + "'";
            case List<?> list -> "a list of " + list.size() + " values, not all text";
            case Map<?, ?> map -> "an object";
            case Boolean b -> "the value " + b;
            case Number n -> "the number " + n;
            default -> "the value " + given;
        };
    }
}
