package dev.baton.engine;

/** Names shared between the BPMN files in {@code bpmn/} and Java: process ids, element ids, job types, variables. */
public final class Bpmn {

    private Bpmn() {}

    /** The job type the engine gives user tasks without {@code zeebe:userTask} (job-worker based user tasks). */
    public static final String USER_TASK_JOB_TYPE = "io.camunda.zeebe:userTask";

    /** Variables Baton reads and writes; ids only, business data stays in PostgreSQL. */
    public static final class Variables {
        private Variables() {}

        public static final String ACCOUNT_ID = "accountId";
        public static final String COMMITMENT_ID = "commitmentId";
        public static final String HANDOVER_ID = "handoverId";
        /** A user task's local variable (an input mapping) naming the record its {@code baton:subjectType} header describes. */
        public static final String SUBJECT_ID = "subjectId";

        public static final String REVIEW_DUE_AT = "reviewDueAt";
        public static final String REVIEW_RECORDED = "reviewRecorded";
    }
}
