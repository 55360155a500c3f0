package dev.baton.lead.engine;

import dev.baton.engine.JobSubjects;
import dev.baton.lead.engine.LeadBpmn.Variables;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/**
 * Names the lead a failed lead-follow-up step is about ("lead 7") on the admins' problems page:
 * every lead's run is of the same playbook, so its step's name alone does not say which lead waits.
 */
@Component
class LeadSubjects implements JobSubjects {

    @Override
    public String subjectOf(ActivatedJob job) {
        if (!LeadBpmn.PROCESS_ID.equals(job.getBpmnProcessId())) {
            return null;
        }
        Object leadId = job.getVariablesAsMap().get(Variables.LEAD_ID);
        return leadId == null ? null : "lead " + leadId;
    }
}
