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
}
