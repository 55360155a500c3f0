package dev.baton.lead.engine;

/** Names shared between {@code bpmn/lead-follow-up.bpmn} and Java: process id, elements, message, job types, variables. */
public final class LeadBpmn {

    private LeadBpmn() {}

    public static final String PROCESS_ID = "lead-follow-up";
    public static final String MESSAGE_CREATED = "lead-created";
    /** Correlated by the lead id: an untouched lead moved to a new owner outside the playbook (a handover). */
    public static final String MESSAGE_OWNER_CHANGED = "lead-owner-changed";

    public static final String START = "start_lead_created";
    public static final String TASK_ASSIGN = "task_assign_lead";
    public static final String TASK_FIRST_TOUCH = "task_first_touch";
    public static final String TASK_WORK = "task_work_lead";
    public static final String TASK_REMIND = "task_remind_owner";
    public static final String TASK_ESCALATE = "task_escalate_to_manager";
    public static final String TASK_RECORD_OUTCOME = "task_record_outcome";
    public static final String TIMER_REMINDER = "timer_first_touch_reminder";
    public static final String TIMER_SLA = "timer_first_touch_sla";
    public static final String TIMER_REASSIGN = "timer_reassign_untouched";
    public static final String BOUNDARY_OWNER_CHANGED = "message_owner_changed";
    public static final String END_MEETING_BOOKED = "end_meeting_booked";
    public static final String END_DISQUALIFIED = "end_disqualified";
    public static final String END_RECYCLED = "end_recycled";

    public static final String ASSIGN_JOB_TYPE = "baton-lead-assign";
    public static final String REMIND_JOB_TYPE = "baton-lead-remind";
    public static final String ESCALATE_JOB_TYPE = "baton-lead-escalate";
    public static final String RECORD_OUTCOME_JOB_TYPE = "baton-lead-record-outcome";

    /** Process variables: ids, user names, the assignment number, timer durations, the outcome. */
    public static final class Variables {
        private Variables() {}

        public static final String LEAD_ID = "leadId";
        public static final String ROUND = "assignRound";
        public static final String OWNER_USERNAME = "ownerUsername";
        public static final String MANAGER_USERNAME = "managerUsername";
        public static final String REMIND_IN = "remindIn";
        public static final String SLA_IN = "slaIn";
        public static final String REASSIGN_IN = "reassignIn";
        public static final String FIRST_TOUCH_DUE_AT = "firstTouchDueAt";
        public static final String OUTCOME = "outcome";
    }
}
