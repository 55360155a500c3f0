package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.baton.task.TaskSpec;
import dev.baton.task.TaskSubject;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Header values as the engine writes them (seen in SampleReviewProcessTests) become a TaskSpec. */
class UserTaskHeadersTests {

    @Test
    void aStepMarkedWithOwnRemindersIsLeftToItsBpmnTimers() {
        assertThat(toSpec(job(Map.of(UserTaskHeaders.OWN_REMINDERS, "true"), Map.of()))
                        .ownReminders())
                .isTrue();
        assertThat(toSpec(job(Map.of(UserTaskHeaders.OWN_REMINDERS, "no"), Map.of()))
                        .ownReminders())
                .isFalse();
        assertThat(toSpec(job(Map.of(), Map.of())).ownReminders()).isFalse();
        assertThat(toSpec(job(Map.of(UserTaskHeaders.OWN_ASSIGNMENT_MAIL, "true"), Map.of()))
                        .ownAssignmentMail())
                .isTrue();
        assertThat(toSpec(job(Map.of(), Map.of())).ownAssignmentMail()).isFalse();
        assertThat(toSpec(job(Map.of(UserTaskHeaders.OWN_ESCALATION, "true"), Map.of()))
                        .ownEscalation())
                .isTrue();
        assertThat(toSpec(job(Map.of(), Map.of())).ownEscalation()).isFalse();
    }

    @Test
    void mapsAssignmentFormScheduleAndBusinessIds() {
        ActivatedJob job = job(
                Map.of(
                        UserTaskHeaders.ASSIGNEE, "rob",
                        UserTaskHeaders.CANDIDATE_GROUPS, "[\"sales-emea\",\"customer-success\"]",
                        UserTaskHeaders.FORM_KEY, "sample-review",
                        UserTaskHeaders.DUE_DATE, "2026-12-01T10:00:00+01:00",
                        UserTaskHeaders.FOLLOW_UP_DATE, "2026-11-28T09:00:00Z",
                        UserTaskHeaders.SUBJECT_TYPE, "commitment"),
                Map.of("accountId", 42, "subjectId", "7"));

        TaskSpec spec = toSpec(job);

        assertThat(spec.jobKey()).isEqualTo(11L);
        assertThat(spec.processInstanceKey()).isEqualTo(22L);
        assertThat(spec.elementInstanceKey()).isEqualTo(33L);
        assertThat(spec.bpmnProcessId()).isEqualTo("sample-review");
        assertThat(spec.processVersion()).isEqualTo(3);
        assertThat(spec.elementId()).isEqualTo("task_review_account");
        assertThat(spec.name()).isEqualTo("Review account");
        assertThat(spec.assignee()).isEqualTo("rob");
        assertThat(spec.candidateGroups()).containsExactlyInAnyOrder("sales-emea", "customer-success");
        assertThat(spec.formKey()).isEqualTo("sample-review");
        assertThat(spec.dueAt()).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
        assertThat(spec.followUpAt()).isEqualTo(Instant.parse("2026-11-28T09:00:00Z"));
        assertThat(spec.accountId()).isEqualTo(42L);
        assertThat(spec.subject()).isEqualTo(new TaskSubject("commitment", 7L));
    }

    @Test
    void leavesOutWhatTheModelDoesNotSay() {
        TaskSpec spec = toSpec(job(Map.of(), Map.of()));

        assertThat(spec.assignee()).isNull();
        assertThat(spec.candidateGroups()).isEmpty();
        assertThat(spec.formKey()).isNull();
        assertThat(spec.dueAt()).isNull();
        assertThat(spec.accountId()).isNull();
        assertThat(spec.accountRef()).isNull();
    }

    @Test
    void keepsABusinessIdThatIsNoBatonIdAsTextInsteadOfFailing() {
        assertThat(toSpec(job(Map.of(), Map.of("accountId", "001Ax00000AbcDEF", "subjectId", "x-1"))))
                .extracting(TaskSpec::accountId, TaskSpec::accountRef, TaskSpec::subject)
                .containsExactly(null, "001Ax00000AbcDEF", null);
        assertThat(toSpec(job(Map.of(), Map.of("accountId", "  42 "))).accountId())
                .isEqualTo(42L);
        assertThat(toSpec(job(Map.of(), Map.of("accountId", 4.5))).accountRef()).isEqualTo("4.5");
    }

    @Test
    void readsCandidateUsersAsTheEngineWritesThemForACommaListAndAFeelList() {
        // the engine's header for candidateUsers="rob, rita" and for ="=reviewers" (seen in
        // ModelerPlaybooksIntegrationTests)
        assertThat(toSpec(job(Map.of(UserTaskHeaders.CANDIDATE_USERS, "[\"rob\",\"Rita@Example.com\"]"), Map.of()))
                        .candidateUsers())
                .containsExactlyInAnyOrder("rob", "Rita@Example.com");
    }

    @Test
    void acceptsACommaListOfCandidateGroups() {
        assertThat(UserTaskHeaders.list(" sales-emea, sales-na ,")).containsExactly("sales-emea", "sales-na");
    }

    @Test
    void acceptsDatesWithAZoneId() {
        assertThat(UserTaskHeaders.instant("2026-12-01T10:00:00+01:00[Europe/Berlin]"))
                .isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
    }

    @Test
    void refusesABrokenCandidateGroupsArray() {
        assertThatThrownBy(() -> UserTaskHeaders.list("[\"sales-emea\"")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesTheTaskAfterItsElementId() {
        assertThat(UserTaskHeaders.nameOf("task_write_handover_note")).isEqualTo("Write handover note");
        assertThat(UserTaskHeaders.nameOf("approve-plan")).isEqualTo("Approve plan");
    }

    /** Without a registered model, names come from the element id and Baton's own forms by key. */
    private static TaskSpec toSpec(ActivatedJob job) {
        return UserTaskHeaders.toSpec(job, new ProcessModels(null));
    }

    private static ActivatedJob job(Map<String, String> headers, Map<String, Object> variables) {
        ActivatedJob job = mock(ActivatedJob.class);
        when(job.getKey()).thenReturn(11L);
        when(job.getProcessInstanceKey()).thenReturn(22L);
        when(job.getElementInstanceKey()).thenReturn(33L);
        when(job.getBpmnProcessId()).thenReturn("sample-review");
        when(job.getProcessDefinitionVersion()).thenReturn(3);
        when(job.getElementId()).thenReturn("task_review_account");
        when(job.getCustomHeaders()).thenReturn(headers);
        when(job.getVariablesAsMap()).thenReturn(variables);
        return job;
    }
}
