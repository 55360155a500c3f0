package dev.baton.commitment.engine;

import dev.baton.commitment.SalesHandoff;

/** Names shared between {@code bpmn/sales-to-cs-handoff.bpmn} and Java. */
public final class HandoffBpmn {

    private HandoffBpmn() {}

    public static final String PROCESS_ID = "sales-to-cs-handoff";
    public static final String TASK_LIST_COMMITMENTS = "task_list_sale_commitments";
    public static final String TASK_COLLECT = "task_collect_open_commitments";
    public static final String SUB_TEAM_ACCEPTANCE = "sub_team_acceptance";
    public static final String TASK_CHECK_ACCEPTANCE = "task_check_acceptance";
    public static final String TIMER_RECHECK = "timer_recheck";
    public static final String TASK_KICKOFF = "task_kickoff_meeting";
    public static final String TASK_ASSIGN_CS_OWNER = "task_assign_cs_owner";
    public static final String END = "end_handed_to_cs";

    public static final String COLLECT_JOB_TYPE = "baton-handoff-collect";
    public static final String CHECK_JOB_TYPE = "baton-handoff-check";
    public static final String ASSIGN_CS_OWNER_JOB_TYPE = "baton-handoff-assign-cs-owner";

    public static final class Variables {
        private Variables() {}

        public static final String REP_USERNAME = "repUsername";
        public static final String CS_TEAM = "csTeam";
        public static final String RECHECK_EVERY = "recheckEvery";
        public static final String LIST_COMPLETE = "listComplete";
        public static final String COMMITMENT_IDS = "commitmentIds";
        public static final String SETTLED = "settled";
        public static final String CS_OWNER_USERNAME = SalesHandoff.CS_OWNER_USERNAME;
        /** Who answered the kickoff (named the CS owner): set by Baton as the step completes. */
        public static final String CS_OWNER_CHOSEN_BY = SalesHandoff.CS_OWNER_CHOSEN_BY;
    }
}
