package dev.baton.handover.engine;

import dev.baton.engine.Bpmn;
import dev.baton.handover.HandoverClosing;

/** Names shared between bpmn/rep-handover.bpmn, bpmn/account-handover.bpmn and Java. */
public final class HandoverBpmn {

    private HandoverBpmn() {}

    public static final class Rep {
        private Rep() {}

        public static final String PROCESS_ID = "rep-handover";
        /** The start message, correlated by the handover id: one active instance per handover. */
        public static final String MESSAGE_LAUNCHED = "baton-handover-launched";

        public static final String TASK_RECORD_START = "task_record_handover_start";
        public static final String GATEWAY_ANY_ACCOUNTS = "gateway_any_accounts";
        /** With no account to hand over, the orphan check waits for the effective date. */
        public static final String TIMER_EFFECTIVE_DATE = "timer_effective_date";

        public static final String CALL_ACCOUNT_HANDOVERS = "call_account_handovers";
        public static final String TASK_CHECK_ORPHANS = "task_check_orphans";
        public static final String TASK_RESOLVE_ORPHANS = "task_resolve_orphaned_work";
        public static final String TASK_SEND_SUMMARY = "task_send_handover_summary";
        public static final String TIMER_LEAVE_ENDS = "timer_leave_ends";
        public static final String TASK_DECIDE_AFTER_LEAVE = "task_decide_ownership_after_leave";
        public static final String TASK_SETTLE_LEAVE = "task_settle_ownership_after_leave";
        public static final String END = "end_handover_completed";
    }

    public static final class Account {
        private Account() {}

        public static final String PROCESS_ID = "account-handover";
        public static final String TASK_PREPARE = "task_prepare_account_handover";
        public static final String TASK_CHOOSE_SUCCESSOR = "task_choose_successor";
        public static final String TASK_RECORD_SUCCESSOR = "task_record_successor";
        public static final String BOUNDARY_INVALID_SUCCESSOR = "boundary_invalid_successor";
        public static final String TASK_WRITE_NOTE = "task_write_handover_note";
        public static final String TIMER_EFFECTIVE_DATE = "timer_effective_date";
        public static final String TASK_WRITE_MISSING_NOTE = "task_write_missing_handover_note";
        public static final String TASK_SAVE_NOTE = "task_save_handover_note";
        public static final String TASK_TRANSFER = "task_transfer_ownership";
        public static final String TASK_ACKNOWLEDGE = "task_review_and_acknowledge_account";
        public static final String TASK_RECORD_ACKNOWLEDGEMENT = "task_record_acknowledgement";
        public static final String TASK_ANSWER_QUESTION = "task_answer_successor_question";
        public static final String TASK_SAVE_ANSWER = "task_save_answer";
        public static final String TIMER_DEPARTING_LEFT = "timer_departing_left";
        public static final String TASK_TELL_QUESTION_UNANSWERED = "task_tell_question_unanswered";
        public static final String TASK_SEND_INTRO = "task_send_customer_introduction";
        public static final String TASK_INTRO_CALL = "task_hold_introduction_call";
        public static final String TIMER_CALL_REMINDER = "timer_intro_call_reminder";
        public static final String TASK_REMIND_CALL = "task_remind_introduction_call";
        public static final String TIMER_CALL_OVERDUE = "timer_intro_call_overdue";
        public static final String TASK_ESCALATE_CALL = "task_escalate_introduction_call";
        public static final String END_CALL_ESCALATED = "end_call_escalated";
        public static final String TASK_RECORD_CALL = "task_record_introduction_call";
        public static final String END = "end_account_handed_over";
    }

    /** Job types of the service tasks, one per domain call. */
    public static final class Jobs {
        private Jobs() {}

        public static final String RECORD_START = "baton-handover-record-start";
        public static final String PREPARE = "baton-handover-prepare-account";
        public static final String RECORD_SUCCESSOR = "baton-handover-record-successor";
        public static final String SAVE_NOTE = "baton-handover-save-note";
        public static final String TRANSFER = "baton-handover-transfer-ownership";
        public static final String RECORD_ACKNOWLEDGEMENT = "baton-handover-record-acknowledgement";
        public static final String SAVE_ANSWER = "baton-handover-save-answer";
        public static final String QUESTION_UNANSWERED = "baton-handover-question-unanswered";
        public static final String SEND_INTRO = "baton-handover-send-introduction";
        public static final String REMIND_CALL = "baton-handover-remind-intro-call";
        public static final String ESCALATE_CALL = "baton-handover-escalate-intro-call";
        public static final String RECORD_CALL = "baton-handover-record-intro-call";
        public static final String CHECK_ORPHANS = "baton-handover-check-orphans";
        public static final String SEND_SUMMARY = "baton-handover-send-summary";
        public static final String SETTLE_LEAVE = "baton-handover-settle-leave";
    }

    /** The BPMN error a worker throws when the manager's choice of successor cannot be used. */
    public static final String INVALID_SUCCESSOR_ERROR = "invalid-successor";

    /** Variables: ids, usernames for assignment, dates for timers, and the forms' fields. */
    public static final class Vars {
        private Vars() {}

        public static final String HANDOVER_ID = Bpmn.Variables.HANDOVER_ID;
        public static final String ACCOUNT_ID = Bpmn.Variables.ACCOUNT_ID;
        public static final String ITEM_IDS = "handoverItemIds";
        public static final String ITEM_ID = "handoverItemId";
        /** The introduction call's form field: what was said, for the account's timeline. */
        public static final String CALL_SUMMARY = "callSummary";

        public static final String MANAGER = "managerUsername";
        public static final String DEPARTING = "departingUsername";
        public static final String SUCCESSOR = "successorUsername";
        public static final String TEMPORARY = "temporary";
        public static final String LEAVE_ENDS_AT = "leaveEndsAt";
        /** The start of the effective date where the departing person is (rep-handover's timer_effective_date). */
        public static final String EFFECTIVE_AT = "effectiveAt";

        public static final String NOTE_DUE_AT = "noteDueAt";
        public static final String NOTE_AUTHOR = "noteAuthor";
        public static final String INTRO_OPT_OUT = "introOptOut";
        public static final String ACKNOWLEDGEMENT = "acknowledgement";
        public static final String ACKNOWLEDGED_BY = dev.baton.handover.HandoverSteps.ACKNOWLEDGED_BY;
        public static final String QUESTION = "question";
        public static final String QUESTION_OPEN = "questionOpen";
        public static final String ANSWER = "answer";
        public static final String INTRO_CALL_DUE_AT = "introCallDueAt";
        public static final String INTRO_REMINDER_AT = "introReminderAt";
        public static final String ORPHANS = "orphanCount";
        public static final String OWNERSHIP_AFTER_LEAVE = "ownershipAfterLeave";
        public static final String OWNERSHIP_DECIDED_BY = HandoverClosing.OWNERSHIP_DECIDED_BY;
    }
}
