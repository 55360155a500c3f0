package dev.baton.handover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.lead.LeadStatus;
import dev.baton.lead.LeadTransfers.OpenLead;
import dev.baton.task.TaskSubjectSource.Link;
import org.junit.jupiter.api.Test;

/** The wording of what a handover left behind, as the manager's "Resolve orphaned work" step lists it. */
class OrphanedWorkTests {

    @Test
    void aLeadLeftBehindReadsAsThePersonTheCompanyItsOpenStepAndItsOwnerAndLinksToTheLead() {
        OpenLead lead =
                new OpenLead(7, "Jane Doe", "Acme", LeadStatus.NEW, "First touch", "rob", "Rob Miller", "/leads/7");

        assertThat(OrphanedWork.lead(lead))
                .isEqualTo(new Link("Lead: Jane Doe (Acme) — First touch, owned by Rob Miller", "/leads/7"));
    }
}
