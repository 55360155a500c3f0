package dev.baton.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditActionsTests {

    @Test
    void namesEachKnownActionInWordsAsBatonSpellsThem() {
        assertThat(AuditActions.label("handover.launched")).isEqualTo("Handover launched");
        assertThat(AuditActions.label("commitment.cancelled")).isEqualTo("Commitment canceled");
        assertThat(AuditActions.label("task.completed")).isEqualTo("Task completed");
        assertThat(AuditActions.label("mail.retried")).isEqualTo("Failed mail sent again");
    }

    @Test
    void readsAnActionItDoesNotKnowAsItsCodeInWordsNeverAsTheBareCode() {
        assertThat(AuditActions.label("lead.re-scored")).isEqualTo("Lead re scored");
        assertThat(AuditActions.label("HANDOVER_PAUSED")).isEqualTo("Handover paused");
        assertThat(AuditActions.label("renewal.reminder_cancelled")).isEqualTo("Renewal reminder canceled");
        assertThat(AuditActions.label(null)).isEmpty();
        assertThat(AuditActions.label(" ")).isEmpty();
    }
}
