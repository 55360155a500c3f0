package dev.baton.commitment.engine;

/** Names shared between {@code bpmn/commitment.bpmn} and Java: process id, elements, messages, job types, variables. */
public final class CommitmentBpmn {

    private CommitmentBpmn() {}

    public static final String PROCESS_ID = "commitment";
    public static final String MESSAGE_RECORDED = "commitment-recorded";
    public static final String MESSAGE_CHANGED = "commitment-changed";
    public static final String MESSAGE_OWNER_MISSING = "commitment-owner-missing";
    public static final String ERROR_DECISION_REFUSED = "commitment-decision-refused";

    public static final String START = "start_commitment_recorded";
    public static final String TASK_READ = "task_read_commitment";
    public static final String TASK_ASSIGN_OWNER = "task_assign_owner";
    public static final String TASK_ACCEPT = "task_accept_commitment";
    public static final String TASK_RENEGOTIATE = "task_renegotiate_commitment";
    public static final String TASK_DELIVER = "task_deliver_commitment";
    public static final String TASK_VERIFY = "task_verify_with_customer";
    public static final String TASK_APPLY_DECISION = "task_apply_decision";
    public static final String TASK_SEND_REMINDER = "task_send_reminder";
    public static final String TASK_NOTIFY_OVERDUE = "task_notify_overdue";
    public static final String TASK_DECIDE_OVERDUE = "task_decide_overdue_commitment";
    public static final String TIMER_REMINDER = "timer_reminder";
    public static final String TIMER_DUE_DATE = "timer_due_date";
    public static final String TIMER_ACCEPT_DUE_DATE = "timer_accept_due_date";
    public static final String END_CLOSED = "end_commitment_closed";

    public static final String READ_JOB_TYPE = "baton-commitment-read";
    public static final String DECIDE_JOB_TYPE = "baton-commitment-decide";
    public static final String REMIND_JOB_TYPE = "baton-commitment-remind";
    public static final String ESCALATE_JOB_TYPE = "baton-commitment-escalate";

    /** Variables the process reads; {@code commitmentId} and {@code accountId} are in {@link Bpmn.Variables}. */
    public static final class Variables {
        private Variables() {}

        public static final String STAGE = "stage";
        public static final String VERSION = "commitmentVersion";
        public static final String OWNER_USERNAME = "ownerUsername";
        public static final String MADE_BY_USERNAME = "madeByUsername";
        public static final String DELIVERING_TEAM = "deliveringTeam";
        public static final String ESCALATE_TO_USERNAME = "escalateToUsername";
        public static final String VERIFYING_TEAM = "verifyingTeam";
        public static final String DUE_AT = "dueAt";
        public static final String REMINDER_AT = "reminderAt";
        public static final String DECISION = "decision";
        public static final String REASON = "reason";
        public static final String EVIDENCE = "evidence";
        public static final String NEW_DUE_DATE = "newDueDate";
        public static final String NEW_DESCRIPTION = "newDescription";
        public static final String NEW_OWNER_USERNAME = "newOwnerUsername";
        /** The id of the text a decision's writer kept in PostgreSQL (reason, evidence, new description). */
        public static final String ANSWER_ID = "answerId";
    }
}
