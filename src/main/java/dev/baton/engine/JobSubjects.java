package dev.baton.engine;

import io.camunda.client.api.response.ActivatedJob;

/**
 * What a feature's jobs are about, for the problem a job's final failure lists on the admins' page
 * when the step's and the playbook's names do not say it (which lead, of the many runs of the lead
 * follow-up). A feature that has such a subject declares a bean; the engine module asks each.
 */
public interface JobSubjects {

    /**
     * The job's subject in words, e.g. "lead 7", or null when the job is not this feature's or its
     * variables do not name it. Called only for a job that failed for good; should not throw (a
     * problem is listed without the subject when it does).
     */
    String subjectOf(ActivatedJob job);
}
