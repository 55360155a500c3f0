package dev.baton.task;

import java.util.Set;

/**
 * Who is looking at the inbox: their user name, their teams, (for managers) everyone in their line
 * ({@link dev.baton.people.ReportingLines}), and whether they are an admin, who sees every task. A
 * person still sees a task they handed on, or that was theirs before cover took it; a candidate user
 * sees what is offered to them; the unassigned queue (tasks nobody holds or is offered) is the admins'.
 */
record Viewer(String username, Set<String> teams, Set<String> reports, boolean admin) {

    boolean canSee(Task task) {
        String assignee = task.getAssignee();
        return admin
                || username.equals(assignee)
                || task.isCandidate(teams)
                || task.isCandidateUser(username)
                || (assignee != null && reports.contains(assignee))
                || username.equals(task.getDelegatedBy())
                || username.equals(task.getOriginalAssignee());
    }

    /**
     * Whether they may claim the task: it is theirs already, offered to a team of theirs or to them by name,
     * or (an admin) waiting in the unassigned queue. The one rule for {@link TaskService#claim} and the
     * task page's Claim button.
     */
    boolean mayClaim(Task task) {
        return username.equals(task.getAssignee())
                || task.isCandidate(teams)
                || task.isCandidateUser(username)
                || (admin && task.isUnheld());
    }
}
