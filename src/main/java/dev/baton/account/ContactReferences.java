package dev.baton.account;

/**
 * Rows of another feature that name a contact, moved when {@link ContactService#merge} merges that
 * contact into another, before either contact is read and before the duplicate is deleted (a move may be
 * a bulk update that clears the persistence context). Features that keep such rows (commitments, leads,
 * contact stewardship reviews) implement it, so the account feature depends on none of them. Found by a
 * probe: a contact a lead had been converted into could not be merged away (the lead's reference refused
 * the delete with a bare 409).
 */
public interface ContactReferences {

    /**
     * Makes every row of the feature that names {@code duplicateId} name {@code survivorId} instead, in the
     * caller's transaction. A row that would then name the survivor twice where it may do so once is the
     * feature's to resolve (keep the survivor's).
     *
     * @return how many rows now name the survivor
     */
    int moveContact(long duplicateId, long survivorId);
}
