package dev.baton.process;

/** Names shared between the BPMN files in {@code bpmn/} and Java: process ids, element ids, job types, variables. */
public final class Bpmn {

  private Bpmn() {}

  /** The job type the engine gives user tasks without {@code zeebe:userTask} (job-worker based user tasks). */
  public static final String USER_TASK_JOB_TYPE = "io.camunda.zeebe:userTask";

  public static final class SampleReview {
    private SampleReview() {}

    public static final String PROCESS_ID = "sample-review";
    public static final String START = "start_review_requested";
    public static final String TASK_REVIEW_ACCOUNT = "task_review_account";
    public static final String TASK_RECORD_REVIEW = "task_record_review";
    public static final String END = "end_review_recorded";
    public static final String RECORD_REVIEW_JOB_TYPE = "baton-record-review";
    public static final String CANDIDATE_TEAM = "sales-emea";
    public static final String FORM_KEY = "sample-review";
  }

  /** Variables Baton reads and writes; ids only, business data stays in PostgreSQL. */
  public static final class Variables {
    private Variables() {}

    public static final String ACCOUNT_ID = "accountId";
    public static final String COMMITMENT_ID = "commitmentId";
    public static final String HANDOVER_ID = "handoverId";
    public static final String REVIEW_DUE_AT = "reviewDueAt";
    public static final String REVIEW_RECORDED = "reviewRecorded";
  }
}
