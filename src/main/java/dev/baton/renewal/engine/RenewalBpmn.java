package dev.baton.renewal.engine;

/** Names shared between bpmn/renewal.bpmn and Java. */
public final class RenewalBpmn {

    private RenewalBpmn() {}

    public static final String PROCESS_ID = "renewal";
    /** The start message, correlated by the renewal id: one active instance per renewal. */
    public static final String MESSAGE_OPENED = "baton-renewal-opened";

    /*
     * Each stage is a subprocess: the owner's step, and its chase by the manager once the stage's date
     * passes; the step's completion ends the subprocess (a terminate end event), and so the chase.
     */
    public static final String SUBPROCESS_HEALTH_REVIEW = "subprocess_health_review";
    public static final String SUBPROCESS_PROPOSAL = "subprocess_proposal";
    public static final String SUBPROCESS_DECISION = "subprocess_decision";
    public static final String TASK_REVIEW_HEALTH = "task_review_health";
    public static final String TASK_CHECK_PROMISES = "task_check_promises";
    public static final String TASK_WRITE_PROPOSAL = "task_write_proposal";
    public static final String TASK_DECIDE = "task_decide_renewal";
    public static final String TASK_APPLY_DECISION = "task_apply_decision";
    public static final String TIMER_HEALTH_REVIEW_LATE = "timer_health_review_late";
    public static final String TIMER_PROPOSAL_LATE = "timer_proposal_late";
    public static final String TIMER_DECISION_LATE = "timer_decision_late";
    /**
     * One escalation task per stage, each naming its stage in a local input ({@link Vars#LATE_STAGE}):
     * a variable the three timers shared in the process scope could be overwritten by a second late
     * stage before the first escalation read it.
     */
    public static final String TASK_ESCALATE_HEALTH_REVIEW = "task_escalate_health_review_late";

    public static final String TASK_ESCALATE_PROPOSAL = "task_escalate_proposal_late";
    public static final String TASK_ESCALATE_DECISION = "task_escalate_decision_late";
    /** The manager's chase of one late stage, named after it ("Chase late health review"). */
    public static final String TASK_CHASE_LATE_HEALTH_REVIEW = "task_chase_late_health_review";

    public static final String TASK_CHASE_LATE_PROPOSAL = "task_chase_late_proposal";
    public static final String TASK_CHASE_LATE_DECISION = "task_chase_late_decision";
    public static final String END_RENEWED = "end_renewed";
    public static final String END_CHURNED = "end_churned";
    /** The stage's terminate end event: its step is done, its chase (if any) ends with it. */
    public static final String END_HEALTH_REVIEW_DONE = "end_health_review_done";

    public static final String END_PROPOSAL_DONE = "end_proposal_done";
    public static final String END_DECISION_DONE = "end_decision_done";
    public static final String END_HEALTH_REVIEW_CHASED = "end_health_review_chased";
    public static final String END_PROPOSAL_CHASED = "end_proposal_chased";
    public static final String END_DECISION_CHASED = "end_decision_chased";
    public static final String END_HEALTH_REVIEW_NOBODY_TO_ESCALATE_TO = "end_health_review_nobody_to_escalate_to";
    public static final String END_PROPOSAL_NOBODY_TO_ESCALATE_TO = "end_proposal_nobody_to_escalate_to";
    public static final String END_DECISION_NOBODY_TO_ESCALATE_TO = "end_decision_nobody_to_escalate_to";

    public static final String CHECK_PROMISES_JOB_TYPE = "baton-renewal-check-promises";
    public static final String ESCALATE_JOB_TYPE = "baton-renewal-escalate";
    public static final String DECIDE_JOB_TYPE = "baton-renewal-decide";

    /** Process variables: ids, usernames, instants and decisions; the text stays in PostgreSQL. */
    public static final class Vars {
        private Vars() {}

        public static final String RENEWAL_ID = "renewalId";
        public static final String OWNER_USERNAME = "ownerUsername";
        public static final String HEALTH_REVIEW_DUE_AT = "healthReviewDueAt";
        public static final String PROPOSAL_DUE_AT = "proposalDueAt";
        public static final String DECISION_DUE_AT = "decisionDueAt";
        public static final String PROMISES_KEPT = "promisesKept";
        public static final String LATE_STAGE = "lateStage";
        public static final String ESCALATE_TO_USERNAME = "escalateToUsername";
        public static final String DECISION = "decision";
        public static final String NEXT_RENEWAL_DATE = "nextRenewalDate";
    }
}
