package dev.baton.lead;

import dev.baton.account.ContactReferences;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** A converted lead names the contact it became: a merge of that contact moves the lead to the survivor. */
@Component
class LeadContactReferences implements ContactReferences {

    private final JdbcTemplate jdbc;

    LeadContactReferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int moveContact(long duplicateId, long survivorId) {
        return jdbc.update(
                "update lead set contact_id = ?, version = version + 1 where contact_id = ?", survivorId, duplicateId);
    }
}
