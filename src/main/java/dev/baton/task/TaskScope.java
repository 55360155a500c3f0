package dev.baton.task;

/**
 * Which visible tasks to list. MINE: assigned to me. TEAM: offered to my teams, claimed or not.
 * INBOX (the UI's "My tasks"): mine plus my teams' unclaimed ones. ALL_VISIBLE: everything I may
 * see, including what I handed on and (for managers) what is assigned to anyone in my line; an
 * admin sees every task.
 * DELEGATED: tasks I handed to someone else. Candidate users count as "my team" for a task offered
 * to them by name. UNASSIGNED (admins only, else empty): open tasks nobody holds or is offered.
 */
public enum TaskScope {
    MINE,
    TEAM,
    INBOX,
    DELEGATED,
    ALL_VISIBLE,
    UNASSIGNED
}
