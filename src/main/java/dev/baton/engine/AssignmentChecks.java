package dev.baton.engine;

import dev.baton.people.PeopleByName;
import dev.baton.people.Person;
import dev.baton.people.TeamService;
import dev.baton.people.TeamView;
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
 * FEEL expressions ({@code =accountOwner}) depend on the run and are left to it. Checked for a new
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
            if (literal(assignee)) {
                person("assignee", assignee.strip())
                        .ifPresent(why -> problems.add(new PlaybookProblem(id, names.get(id), why)));
            }
            for (String user : list(assignment.getAttribute("candidateUsers"))) {
                person("candidateUsers", user)
                        .ifPresent(why -> problems.add(new PlaybookProblem(id, names.get(id), why)));
            }
            for (String group : list(assignment.getAttribute("candidateGroups"))) {
                if (!teamKeys.computeIfAbsent(group, key -> teams.byKey(key).isPresent())) {
                    problems.add(new PlaybookProblem(id, names.get(id), noTeam(group)));
                }
            }
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
