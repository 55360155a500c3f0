package dev.baton.playbook.engine;

/** Names shared between {@code bpmn/sample-review.bpmn} and Java: process id, elements, job type, form. */
public final class SampleReviewBpmn {

    private SampleReviewBpmn() {}

    public static final String PROCESS_ID = "sample-review";
    public static final String START = "start_review_requested";
    public static final String TASK_REVIEW_ACCOUNT = "task_review_account";
    public static final String TASK_RECORD_REVIEW = "task_record_review";
    public static final String END = "end_review_recorded";
    public static final String RECORD_REVIEW_JOB_TYPE = "baton-record-review";
    public static final String CANDIDATE_TEAM = "sales-emea";
    public static final String FORM_KEY = "sample-review";

    /** The review form's fields ({@code bpmn/forms/sample-review.form}), as the process gets them. */
    public static final String SUMMARY = "reviewSummary";

    public static final String HEALTH_SCORE = "healthScore";
    public static final String RENEWAL_RISK = "renewalRisk";
    public static final String NEEDS_FOLLOW_UP = "needsFollowUp";
    public static final String NEXT_CONTACT_DATE = "nextContactDate";
    public static final String CONTACT_PERSON = "contactPerson";

    /** Who answered the review (a user name), set when the step completes ({@link SampleReviewAnswers}). */
    public static final String REVIEWED_BY = "reviewedBy";

    /** The id of the note the review left on the account's timeline. */
    public static final String INTERACTION_ID = "interactionId";
}
