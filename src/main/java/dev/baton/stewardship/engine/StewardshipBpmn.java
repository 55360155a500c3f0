package dev.baton.stewardship.engine;

/** Names shared between bpmn/contact-stewardship.bpmn and Java. */
public final class StewardshipBpmn {

    private StewardshipBpmn() {}

    public static final String PROCESS_ID = "contact-stewardship";
    /** The start message, correlated by the review id: one active instance per review. */
    public static final String MESSAGE_OPENED = "baton-stewardship-opened";

    public static final String TASK_REVIEW_CONTACTS = "task_review_contacts";
    public static final String TASK_CLOSE_REVIEW = "task_close_review";
    public static final String TASK_NAME_SUCCESSOR = "task_name_successor";
    public static final String END_SUCCESSORS_NAMED = "end_successors_named";
    public static final String END_CONTACTS_KEPT = "end_contacts_kept";

    public static final String CLOSE_JOB_TYPE = "baton-stewardship-close";

    public static final class Vars {
        private Vars() {}

        public static final String REVIEW_ID = "reviewId";
        public static final String OWNER_USERNAME = "ownerUsername";
        public static final String REVIEW_DUE_AT = "reviewDueAt";
        /** The contacts who left as primary contact or champion: a list of {accountId, contactId}. */
        public static final String FOLLOW_UPS = "followUps";
    }
}
