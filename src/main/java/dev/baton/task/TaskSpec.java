package dev.baton.task;

import java.time.Instant;
import java.util.Set;

/**
 * What the engine says about a human step, in Baton's terms: the bridge from the engine's
 * user-task jobs fills it in, so nothing in this package depends on the engine's API.
 *
 * @param subject what else the step is about (header {@code baton:subjectType} and variable {@code
 *     subjectId}), or null
 * @param ownReminders the step's BPMN sends its own reminders/escalation (custom header {@code
 *     baton:ownReminders=true}), so Baton's reminder run leaves it alone
 * @param ownAssignmentMail the playbook has told the assignee already (custom header {@code
 *     baton:ownAssignmentMail=true}, e.g. a commitment's "assigned to you" mail), so the inbox sends
 *     no "New task" mail of its own, nor offers to the candidates of a step nobody holds; it still
 *     does when the task goes to someone covering
 * @param assignee as the model names them: a user name or an e-mail address, resolved by the inbox
 * @param candidateUsers as the model names them (user names or e-mail addresses)
 * @param accountRef the business id variable's value when it is not a number (e.g. a CRM id such as
 *     {@code 001Ax00000AbcDEF}); the task is then about no Baton account and shows this instead
 * @param processName the playbook's name from its model, or null (the process id is shown)
 * @param formSchema the Camunda Forms JSON when the form is not one of Baton's by key (linked by form
 *     id or embedded in the BPMN), or null
 * @param ownEscalation the step's BPMN tells the assignee's manager itself when the step is late
 *     (custom header {@code baton:ownEscalation=true}, e.g. the renewal's chase task), so Baton's
 *     reminder run still reminds the assignee but sends no "Overdue" mail of its own
 */
public record TaskSpec(
        long jobKey,
        long processInstanceKey,
        long elementInstanceKey,
        String bpmnProcessId,
        int processVersion,
        String elementId,
        String name,
        String assignee,
        Set<String> candidateGroups,
        String formKey,
        Instant dueAt,
        Instant followUpAt,
        Long accountId,
        TaskSubject subject,
        boolean ownReminders,
        boolean ownAssignmentMail,
        Set<String> candidateUsers,
        String accountRef,
        String processName,
        String formSchema,
        boolean ownEscalation) {

    public TaskSpec {
        candidateGroups = candidateGroups == null ? Set.of() : Set.copyOf(candidateGroups);
        candidateUsers = candidateUsers == null ? Set.of() : Set.copyOf(candidateUsers);
    }

    /** A step of one of Baton's own playbooks: no candidate users, its account a Baton id, its form by key. */
    public TaskSpec(
            long jobKey,
            long processInstanceKey,
            long elementInstanceKey,
            String bpmnProcessId,
            int processVersion,
            String elementId,
            String name,
            String assignee,
            Set<String> candidateGroups,
            String formKey,
            Instant dueAt,
            Instant followUpAt,
            Long accountId,
            TaskSubject subject,
            boolean ownReminders,
            boolean ownAssignmentMail) {
        this(
                jobKey,
                processInstanceKey,
                elementInstanceKey,
                bpmnProcessId,
                processVersion,
                elementId,
                name,
                assignee,
                candidateGroups,
                formKey,
                dueAt,
                followUpAt,
                accountId,
                subject,
                ownReminders,
                ownAssignmentMail,
                Set.of(),
                null,
                null,
                null,
                false);
    }

    /** A step whose BPMN leaves reminders and escalation to Baton (no {@code baton:ownReminders} header). */
    public TaskSpec(
            long jobKey,
            long processInstanceKey,
            long elementInstanceKey,
            String bpmnProcessId,
            int processVersion,
            String elementId,
            String name,
            String assignee,
            Set<String> candidateGroups,
            String formKey,
            Instant dueAt,
            Instant followUpAt,
            Long accountId,
            TaskSubject subject) {
        this(
                jobKey,
                processInstanceKey,
                elementInstanceKey,
                bpmnProcessId,
                processVersion,
                elementId,
                name,
                assignee,
                candidateGroups,
                formKey,
                dueAt,
                followUpAt,
                accountId,
                subject,
                false,
                false);
    }
}
