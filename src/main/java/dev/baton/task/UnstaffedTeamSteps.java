package dev.baton.task;

import dev.baton.audit.AuditEvent;
import dev.baton.audit.AuditLog;
import dev.baton.people.PeopleEvents;
import dev.baton.people.Person;
import dev.baton.people.TeamService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A team's waiting steps follow its active members (session 46 left it: only a new step was sent to the admins'
 * unassigned work when its teams had nobody, {@link TaskPeople}). When a team's last active member leaves it
 * (deactivated, moved to another team, or by a people import), its open steps nobody has claimed that are offered
 * only to teams without an active member, and to nobody by name who can act, go to the admins' unassigned work,
 * with the reason a new step gets ("offered to team Ghost ('ghost'), which has no active member"), and wait there
 * for those teams ({@link Task#getWaitingForTeams}, data since V98: the reason's words are for people). When a
 * team gets an active member again, the steps waiting for it go back to being offered to the teams they wait for,
 * their reason saying only what else it said, and its members are told as of a new step ({@link
 * TaskMails#offered}). Both are audited, in the name of whoever changed the team ({@link
 * PeopleEvents.TeamMembersChanged#by}).
 *
 * <p>A step someone holds is left alone, as is one an admin has placed since (a claim, an assignment or a move
 * ends its waiting, and it stays so once its holder is released). Delivered after the change's commit, again
 * after a crash; a second delivery finds the steps moved already and changes nothing.
 */
@Component
class UnstaffedTeamSteps {

    private static final Logger log = LoggerFactory.getLogger(UnstaffedTeamSteps.class);

    private final Tasks tasks;
    private final TeamService teams;
    private final TaskPeople people;
    private final TaskMails mails;
    private final AuditLog audit;

    UnstaffedTeamSteps(Tasks tasks, TeamService teams, TaskPeople people, TaskMails mails, AuditLog audit) {
        this.tasks = tasks;
        this.teams = teams;
        this.people = people;
        this.mails = mails;
        this.audit = audit;
    }

    @ApplicationModuleListener
    void teamMembersChanged(PeopleEvents.TeamMembersChanged event) {
        AuditLog.onBehalfOf(event.by(), () -> follow(event.teamKeys()));
    }

    /** Moves the steps of {@code teamKeys} as their members now are; returns how many moved. */
    int follow(Set<String> teamKeys) {
        Set<String> staffed = teams.staffed(teamKeys);
        Set<String> empty = new HashSet<>(teamKeys);
        empty.removeAll(staffed);
        int moved = 0;
        if (!empty.isEmpty()) {
            for (Task task : tasks.findOpenUnclaimedOfferedTo(empty)) {
                moved += toUnassignedWork(task) ? 1 : 0;
            }
        }
        if (!staffed.isEmpty()) {
            for (Task task : tasks.findWaitingFor(staffed)) {
                moved += backToTeams(task) ? 1 : 0;
            }
        }
        return moved;
    }

    private boolean toUnassignedWork(Task task) {
        Set<String> groups = task.getCandidateGroups();
        if (!teams.staffed(groups).isEmpty()) {
            return false; // another team it is offered to has someone
        }
        List<String> problems = new ArrayList<>();
        for (String user : task.getCandidateUsers()) {
            Optional<Person> person = people.find(user);
            Optional<String> cannot = TaskPeople.cannotAct(person, user, "candidate user");
            if (cannot.isEmpty()) {
                return false; // offered to someone by name who can claim it
            }
            problems.add(cannot.get());
        }
        Optional.ofNullable(task.getUnassignedReason()).ifPresent(problems::add);
        Set<String> teamKeys = new LinkedHashSet<>(groups);
        String unstaffed = people.unstaffed(teamKeys);
        Map<String, Object> before = state(task);
        // the teams first: kept whole when the reason is clipped
        task.offeredToNobody(
                teamKeys, TaskPeople.reason(List.of(unstaffed), problems), TaskPeople.reason(problems, List.of()));
        record("task.sent-to-unassigned", task, before, unstaffed);
        log.warn("task {} sent to unassigned work: {}", task.getId(), task.getUnassignedReason());
        return true;
    }

    private boolean backToTeams(Task task) {
        Set<String> named = task.getWaitingForTeams();
        Set<String> still = new LinkedHashSet<>(named);
        still.retainAll(teams.namesByKey(named).keySet()); // a team since gone is not offered it
        Map<String, Object> before = state(task);
        task.offeredAgain(still);
        AuditEvent event = record("task.offered-again", task, before, "a team it is offered to has an active member");
        mails.offered(task, String.valueOf(event.getId()));
        log.info("task {} offered to {} again", task.getId(), still);
        return true;
    }

    /** As the inbox audits a task ({@link TaskService#record}), with the teams it is offered to, which this changes. */
    private AuditEvent record(String action, Task task, Map<String, Object> before, String how) {
        Map<String, Object> after = state(task);
        after.put("how", how);
        return audit.record(action, "task", task.getId(), task.getAccountId(), before, after);
    }

    private static Map<String, Object> state(Task task) {
        Map<String, Object> state = TaskService.state(task);
        state.put("candidateGroups", task.getCandidateGroups().stream().sorted().toList());
        return state;
    }
}
