package dev.baton.stewardship;

import dev.baton.account.ContactReferences;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A stewardship review lists contacts: a merge moves the duplicate's lines to the survivor, except in a
 * review that lists the survivor already (one line per contact and review), where the survivor's line
 * stays and the duplicate's goes with it.
 */
@Component
class StewardshipContactReferences implements ContactReferences {

    private final JdbcTemplate jdbc;

    StewardshipContactReferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int moveContact(long duplicateId, long survivorId) {
        int moved = jdbc.update(
                "update stewardship_contact set contact_id = ? where contact_id = ? and review_id not in"
                        + " (select review_id from stewardship_contact where contact_id = ?)",
                survivorId,
                duplicateId,
                survivorId);
        jdbc.update("delete from stewardship_contact where contact_id = ?", duplicateId);
        return moved;
    }
}
