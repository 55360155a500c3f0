package dev.baton.engine;

import dev.baton.people.PeopleByName;
import dev.baton.people.Person;
import dev.baton.people.TeamService;
import dev.baton.people.TeamView;
import dev.baton.shared.StepNames;
import dev.baton.shared.Text;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;

/**
 * The people and teams an uploaded playbook's user tasks name literally, checked the way the inbox
 * resolves them when the step runs ({@code task/TaskPeople}): an assignee or candidate user is a
 * person's user name or e-mail address ({@link PeopleByName}) who must still be active, a candidate
 * group is a team's key. A literal that names nobody would send every run's step to the admins'
 * unassigned work; a probe's {@code candidateGroups="sales-team"} and {@code assignee="nobody"} did.
 * An expression made only of literals ({@link ConstantFeel}) gives the same value on every run, so it is
 * evaluated and checked the same way, and refused when it gives what the engine cannot take: the
 * engine wants text from an assignee expression and a list of texts from a candidate groups or users
 * expression ({@code BpmnUserTaskBehavior}), so {@code candidateGroups="=&quot;sales&quot;"} stopped every
 * run at the step with the engine's own words (a probe's). Expressions over variables ({@code
 * =accountOwner}) depend on the run and are left to it. An expression that gives nobody ({@code =[]},
 * {@code =""}, a lone {@code =}, which the engine deploys) is refused when the step's other assignment
 * attributes name nobody either, as every run's step would go to the admins' unassigned work; a step
 * with no assignment at all is {@link PlaybookChecks}' ("nobody is assigned this task"), and an
 * expression that gives nobody beside one that names someone passes, as a plain blank attribute does, but
 * for a blank expression ({@code =}, {@code =  }), which the engine does not take as none. Checked for a new
 * upload only: a kept upload deployed again at start-up keeps running when someone named in it
 * leaves later (its steps go to unassigned work, with the reason).
 */
@Component
class AssignmentChecks {

    /** How many of Baton's teams a refusal lists. */
    static final int TEAMS_SHOWN = 5;

    private final PeopleByName people;
    private final TeamService teams;

    AssignmentChecks(PeopleByName people, TeamService teams) {
        this.people = people;
        this.teams = teams;
    }

    /** Adds a problem naming the task, the attribute and the value for each literal that names nobody. */
    void check(PlaybookXml xml, Map<String, String> names, List<PlaybookProblem> problems) {
        new Check(names, problems).all(xml);
    }

    /**
     * What a playbook Baton accepts may still do wrong on every run, at its user task: a step offered only to teams
     * (candidate groups, written or as a list of literals) none of which has an active member, with no assignee or
     * candidate user, is seen and claimed by nobody, so each run's step goes to the admins' unassigned work (probe
     * 46's team "ghost", created and given no members). Not refused: members may join before the first run, and a
     * team's members change after the upload (the playbook's page works it out again when opened).
     *
     * @param names element names by id
     * @return a warning at each such user task; empty when every step has someone who can take it
     */
    List<PlaybookProblem> warnings(PlaybookXml xml, Map<String, String> names) {
        List<PlaybookProblem> warnings = new java.util.ArrayList<>();
        for (PlaybookXml.UserTaskExtension a : xml.userTaskExtensions("assignmentDefinition")) {
            Element assignment = a.extension();
            if (!namesNobody("assignee", assignment) || !namesNobody("candidateUsers", assignment)) {
                continue;
            }
            Map<String, String> offered = teams.namesByKey(groups(assignment.getAttribute("candidateGroups")));
            if (!offered.isEmpty() && teams.staffed(offered.keySet()).isEmpty()) {
                String id = a.task().getAttribute("id");
                warnings.add(new PlaybookProblem(id, names.get(id), unstaffed(offered)));
            }
        }
        return warnings;
    }

    private static String unstaffed(Map<String, String> offered) {
        List<String> named = offered.keySet().stream()
                .sorted()
                .map(key -> offered.get(key) + " ('" + key + "')")
                .toList();
        String which = named.size() == 1
                ? "team " + named.getFirst() + ", which has no active member"
                : "teams " + String.join(" and ", named) + ", none of which has an active member";
        return "the step is offered only to " + which + ": nobody can see or claim it, so each run's step goes to the"
                + " admins' unassigned work until the team has one. Give the team an active member (People), offer"
                + " the step to a team that has one, or name an assignee (e.g. =accountOwner)";
    }

    /** Whether the attribute names nobody on any run: blank, or an expression of literals that gives nobody. */
    private static boolean namesNobody(String attribute, Element assignment) {
        String written = assignment.getAttribute(attribute);
        return written.isBlank() || givesNobody(attribute, written).isPresent();
    }

    /** The team keys candidate groups give on every run: the written list, or a literal list; none when only the run can tell. */
    private static List<String> groups(String written) {
        if (!ConstantFeel.isExpression(written)) {
            return list(written);
        }
        return ConstantFeel.evaluate(written) instanceof ConstantFeel.Constant(List<?> items)
                        && items.stream().allMatch(String.class::isInstance)
                ? items.stream()
                        .map(i -> ((String) i).strip())
                        .filter(i -> !i.isEmpty())
                        .toList()
                : List.of();
    }

    /**
     * One upload's check: each name is looked up once however many steps repeat it (a playbook
     * names the same people and teams on step after step; an upload may be a megabyte of them).
     */
    private final class Check {
        private final Map<String, String> names;
        private final List<PlaybookProblem> problems;
        private final Map<String, Optional<String>> people = new HashMap<>();
        private final Map<String, Boolean> teamKeys = new HashMap<>();
        private String teamsKnown;

        Check(Map<String, String> names, List<PlaybookProblem> problems) {
            this.names = names;
            this.problems = problems;
        }

        void all(PlaybookXml xml) {
            for (PlaybookXml.UserTaskExtension a : xml.userTaskExtensions("assignmentDefinition")) {
                check(a.task(), a.extension());
            }
        }

        private void check(Element task, Element assignment) {
            String id = task.getAttribute("id");
            String assignee = assignment.getAttribute("assignee");
            Optional<String> assigneeName = ConstantFeel.isExpression(assignee)
                    ? constantText(id, "assignee", assignee)
                    : literal(assignee) ? Optional.of(assignee.strip()) : Optional.empty();
            assigneeName
                    .flatMap(named -> person("assignee", named))
                    .ifPresent(why -> problems.add(new PlaybookProblem(id, names.get(id), why)));
            for (String user : names(id, "candidateUsers", assignment.getAttribute("candidateUsers"))) {
                person("candidateUsers", user)
                        .ifPresent(why -> problems.add(new PlaybookProblem(id, names.get(id), why)));
            }
            for (String group : names(id, "candidateGroups", assignment.getAttribute("candidateGroups"))) {
                if (!teamKeys.computeIfAbsent(group, key -> teams.byKey(key).isPresent())) {
                    problems.add(new PlaybookProblem(id, names.get(id), noTeam(group)));
                }
            }
            nobody(id, assignment);
        }

        /**
         * Refuses each attribute whose expression gives nobody when none of the step's attributes names
         * anyone: plain blank ones and those expressions are all it has.
         */
        private void nobody(String id, Element assignment) {
            Map<String, String> gives = new java.util.LinkedHashMap<>();
            boolean namesSomeone = false;
            for (String attribute : List.of("assignee", "candidateGroups", "candidateUsers")) {
                String written = assignment.getAttribute(attribute);
                if (written.isBlank()) {
                    continue;
                }
                Optional<String> nothing = givesNobody(attribute, written);
                if (nothing.isEmpty()) {
                    namesSomeone = true; // it names someone, or only the run can tell
                } else {
                    gives.put(attribute, nothing.get());
                }
            }
            if (namesSomeone) {
                gives.keySet().stream()
                        .filter(attribute -> blankExpression(assignment.getAttribute(attribute)))
                        .forEach(attribute -> refuse(id, blankBeside(id, attribute, assignment)));
                return;
            }
            gives.forEach((attribute, what) -> refuse(
                    id,
                    "the " + attribute + " is the expression '"
                            + ReferenceChecks.shown(assignment.getAttribute(attribute)) + "', which gives nobody ("
                            + what + "): every run's step would go to the admins' unassigned work. Name a person"
                            + " in assignee (=\"maria\" or maria), a team in candidate groups (=[\"sales-emea\"] or"
                            + " sales-emea), or an expression over the run (e.g. =accountOwner)"));
        }

        /**
         * Why a blank expression ({@code =}, {@code =  }) beside an attribute that names someone is refused: an
         * expression that gives nobody beside it passes ({@code =[]}, {@code =""}), as a blank attribute does, but
         * the engine does not take a blank one as none (session 44's probe: {@code assignee="="} beside candidate
         * groups deployed, and its steps did not go to the candidates as drawn).
         */
        private String blankBeside(String id, String attribute, Element assignment) {
            String others = List.of("assignee", "candidateGroups", "candidateUsers").stream()
                    .filter(a ->
                            !a.equals(attribute) && !assignment.getAttribute(a).isBlank())
                    .collect(Collectors.joining(" and "));
            return "the " + attribute + " of " + StepNames.quoted(names.get(id), id) + " is the expression '"
                    + ReferenceChecks.shown(assignment.getAttribute(attribute)) + "', with nothing after the =: the"
                    + " engine does not read that as no " + attribute + " (a lone = is taken as the name '='), so the"
                    + " step would not be offered as its " + others + " say. Leave " + attribute + " empty in Modeler"
                    + " (no =) or write one: "
                    + ("assignee".equals(attribute)
                            ? "=\"maria\", maria or =accountOwner"
                            : "=[\"sales-emea\"] or sales-emea");
        }

        /**
         * The names a candidate attribute gives on every run: its comma list as written, or the texts of
         * the list its literal expression gives; empty (with a problem added) when that expression gives
         * anything but a list of texts, and for an expression only the run can evaluate.
         */
        private List<String> names(String id, String attribute, String written) {
            if (!ConstantFeel.isExpression(written)) {
                return list(written);
            }
            String example = "candidateGroups".equals(attribute) ? "sales-emea" : "maria";
            return switch (ConstantFeel.evaluate(written)) {
                case ConstantFeel.Constant(List<?> items)
                when items.stream().allMatch(String.class::isInstance) ->
                    items.stream()
                            .map(i -> ((String) i).strip())
                            .filter(i -> !i.isEmpty())
                            .toList();
                case ConstantFeel.Constant(String text) -> {
                    String given = Text.showInvisible(text);
                    refuse(
                            id,
                            gives(attribute, written) + "the text '" + given + "', but the engine wants a list"
                                    + " of " + noun(attribute) + "s from a " + attribute + " expression, so every run"
                                    + " would stop at this step. Write a list, =[\"" + given.replace("\"", "\\\"")
                                    + "\"], or the plain value " + given + " (names separated by commas, no =)");
                    yield list(text); // checked too, so that the advice is not to write a name Baton lacks
                }
                case ConstantFeel.Constant(Object other) -> {
                    refuse(
                            id,
                            gives(attribute, written) + shown(other) + ", but the engine wants a list of "
                                    + noun(attribute) + "s (texts) from a " + attribute + " expression, so every run"
                                    + " would stop at this step. Write a list of texts, e.g. =[\"" + example
                                    + "\"], or the plain value " + example + " (names separated by commas, no =)");
                    yield List.of();
                }
                case ConstantFeel.Failed(String failure) -> {
                    refuse(
                            id,
                            gives(attribute, written) + "nothing (FEEL: " + failure + "), so every run would stop"
                                    + " at this step. Write a list of texts, e.g. =[\"" + example
                                    + "\"], or the plain value "
                                    + example + " (names separated by commas, no =)");
                    yield List.of();
                }
                default -> List.of(); // over variables, beyond literals, or not parsed (the engine says so)
            };
        }

        /**
         * The name an assignee expression of literals gives on every run; empty (with a problem added) when
         * it gives anything but text, and for an expression only the run can evaluate.
         */
        private Optional<String> constantText(String id, String attribute, String written) {
            String instead = ", but the engine wants the text of one person's user name or e-mail address from an "
                    + attribute + " expression, so every run would stop at this step. Write =\"maria\" or the"
                    + " plain value maria (no =); several people go in candidate users";
            return switch (ConstantFeel.evaluate(written)) {
                case ConstantFeel.Constant(String text) when !text.isBlank() -> Optional.of(text.strip());
                case ConstantFeel.Constant(String text) ->
                    Optional.empty(); // no assignee: the candidates are offered it
                case ConstantFeel.Constant(Object other) -> {
                    refuse(id, gives(attribute, written) + shown(other) + instead);
                    yield Optional.empty();
                }
                case ConstantFeel.Failed(String failure) -> {
                    refuse(id, gives(attribute, written) + "nothing (FEEL: " + failure + ")" + instead);
                    yield Optional.empty();
                }
                default -> Optional.empty();
            };
        }

        private void refuse(String id, String why) {
            problems.add(new PlaybookProblem(id, names.get(id), why));
        }

        /** Why the person named in {@code attribute} can never take the step, or empty when they can. */
        private Optional<String> person(String attribute, String named) {
            return people.computeIfAbsent(attribute + "\u0000" + named, k -> whyNot(attribute, named));
        }

        private Optional<String> whyNot(String attribute, String named) {
            Optional<Person> person = AssignmentChecks.this.people.find(named);
            String value = "the " + attribute + " '" + Text.showInvisible(named) + "'";
            if (person.isEmpty()) {
                String nobody = named.contains("@")
                        ? "no person in Baton has the e-mail address '" + Text.showInvisible(named) + "'"
                        : "no person signs in to Baton as '" + Text.showInvisible(named) + "'";
                return Optional.of(value + " names nobody: " + nobody + ", so the step would wait in the admins'"
                        + " unassigned work. Name a person by user name or e-mail address, a team in candidate groups,"
                        + " or an expression (e.g. =accountOwner)");
            }
            if (!person.get().isActive()) {
                return Optional.of(value + " is " + person.get().getFullName() + ", who has left (inactive in Baton):"
                        + " the step would wait in the admins' unassigned work. Name someone still here, a team in"
                        + " candidate groups, or an expression (e.g. =accountOwner)");
            }
            return Optional.empty();
        }

        private String noTeam(String group) {
            if (teamsKnown == null) {
                Page<TeamView> some = teams.find(PageRequest.of(0, TEAMS_SHOWN, Sort.by("key")));
                String listed = some.stream().map(TeamView::key).collect(Collectors.joining(", "));
                long more = some.getTotalElements() - some.getNumberOfElements();
                teamsKnown = some.isEmpty()
                        ? "Baton has no teams yet"
                        : "Baton's teams: " + listed + (more > 0 ? " and " + more + " more (GET /api/teams)" : "");
            }
            return "the candidateGroups '" + Text.showInvisible(group)
                    + "' is no team in Baton (a candidate group names"
                    + " a team by its key): the step would be offered to nobody and wait in the admins' unassigned work. "
                    + teamsKnown;
        }
    }

    /** What an expression that names nobody on any run gives, or empty when it may name someone. */
    private static Optional<String> givesNobody(String attribute, String written) {
        if (blankExpression(written)) {
            return Optional.of("nothing is written after the =");
        }
        if (!ConstantFeel.isExpression(written)) {
            return Optional.empty();
        }
        return switch (ConstantFeel.evaluate(written)) {
            case ConstantFeel.Constant(List<?> items)
            when !"assignee".equals(attribute)
                    && items.stream().allMatch(i -> i instanceof String text && text.isBlank()) ->
                Optional.of(items.isEmpty() ? "an empty list" : "a list of empty texts");
            case ConstantFeel.Constant(String text)
            when "assignee".equals(attribute) && text.isBlank() -> Optional.of("empty text");
            default -> Optional.empty();
        };
    }

    private static String gives(String attribute, String written) {
        return "the " + attribute + " is the expression '" + ReferenceChecks.shown(written) + "', which gives ";
    }

    private static String noun(String attribute) {
        return "candidateGroups".equals(attribute) ? "team key" : "user name";
    }

    /** A constant's value as an author would recognise it. */
    private static String shown(Object value) {
        return switch (value) {
            case null -> "nothing (null)";
            case List<?> items -> "a list with something other than text in it (" + items + ")";
            case Map<?, ?> map -> "a context, not text";
            case Boolean b -> b + ", a yes/no value";
            case Number n -> "the number " + n;
            default -> "'" + value + "', not text";
        };
    }

    /** An = with nothing but spaces after it: no expression, nor a name anyone has. */
    private static boolean blankExpression(String value) {
        return value.startsWith("=") && value.substring(1).isBlank();
    }

    /** Written as it is, not a FEEL expression (which depends on the run); blank is no value. */
    private static boolean literal(String value) {
        return !value.isBlank() && !value.startsWith("=");
    }

    /** A literal comma list as the engine reads it: each name trimmed, empty ones left out. */
    private static List<String> list(String value) {
        return literal(value)
                ? Arrays.stream(value.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList()
                : List.of();
    }
}
