package dev.baton.notification;

/** The task mails a person can switch on or off. Reassignment mails count as assignment mails. */
public enum MailKind {
    ASSIGNMENT,
    REMINDER,
    ESCALATION,
    DIGEST
}
