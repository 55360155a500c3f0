package dev.baton.task;

import java.util.Set;

/**
 * Who is looking at the inbox: their user name, their teams, (for managers) their direct reports,
 * and whether they are an admin. A person still sees a task they handed on, or that was theirs
 * before cover took it; a candidate user sees what is offered to them; admins see the unassigned
 * queue (tasks nobody holds or is offered).
 */
record Viewer(String username, Set<String> teams, Set<String> reports, boolean admin) {

  boolean canSee(Task task) {
    String assignee = task.getAssignee();
    return username.equals(assignee) || task.isCandidate(teams) || task.isCandidateUser(username)
        || (assignee != null && reports.contains(assignee))
        || username.equals(task.getDelegatedBy()) || username.equals(task.getOriginalAssignee())
        || (admin && task.isUnheld());
  }
}
