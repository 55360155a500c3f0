package dev.baton.notification;

/**
 * The task mails a person can switch on or off. Reassignment mails count as assignment mails;
 * {@link #TEAM_TASK} is the mail about a new step offered to one of their teams or to them by name
 * (a candidate group or candidate user), before anyone has claimed it.
 */
public enum MailKind {
    ASSIGNMENT,
    TEAM_TASK,
    REMINDER,
    ESCALATION,
    DIGEST
}
