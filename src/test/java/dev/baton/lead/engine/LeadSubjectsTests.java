package dev.baton.lead.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Found by probe 37: a lead whose assignment failed for good sat in an engine incident no page showed.
 * Every worker's final failure is listed now (engine's JobFailures); a lead's names its lead, as the
 * lead's own listing did, since every lead's run is of the same playbook.
 */
class LeadSubjectsTests {

    final LeadSubjects subjects = new LeadSubjects();
    final ActivatedJob job = mock(ActivatedJob.class);

    @Test
    void aLeadFollowUpJobIsAboutItsLead() {
        when(job.getBpmnProcessId()).thenReturn(LeadBpmn.PROCESS_ID);
        when(job.getVariablesAsMap()).thenReturn(Map.of(LeadBpmn.Variables.LEAD_ID, 7));

        assertThat(subjects.subjectOf(job)).isEqualTo("lead 7");
    }

    @Test
    void anotherPlaybooksJobIsNotTheLeadsToName() {
        when(job.getBpmnProcessId()).thenReturn("renewal");
        when(job.getVariablesAsMap()).thenReturn(Map.of(LeadBpmn.Variables.LEAD_ID, 7));

        assertThat(subjects.subjectOf(job)).isNull();
    }
}
