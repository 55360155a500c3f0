package dev.baton.task;

/**
 * What a task is about, as a list row shows it: "Write handover note" alone says nothing when there
 * are eleven of them.
 *
 * @param accountId the task's Baton account, or null
 * @param accountName that account's name, or null (no account, or it no longer exists)
 * @param accountRef a business id that is no Baton account (e.g. a CRM id), or null
 * @param subject the handover, commitment, ... it is about, or null
 */
public record TaskTopic(Long accountId, String accountName, String accountRef, TaskSubjectSource.Summary subject) {

    /** The account in words: its name, else the business id, else null. */
    public String account() {
        return accountName != null ? accountName : accountRef;
    }

    /** "Brauerei Huber", "Handover: Rob Miller's book", or the task's own name when nothing else says more. */
    public String describe(String taskName) {
        if (account() != null) {
            return account();
        }
        return subject != null ? subject.label() + ": " + subject.title() : taskName;
    }
}
