package dev.baton.lead;

import static dev.baton.audit.Changes.fields;

import dev.baton.account.AccountLookup;
import dev.baton.account.AccountService;
import dev.baton.account.ContactDetails;
import dev.baton.account.ContactService;
import dev.baton.account.InteractionKind;
import dev.baton.account.InteractionService;
import dev.baton.account.NewAccount;
import dev.baton.account.NewInteraction;
import dev.baton.audit.AuditLog;
import dev.baton.people.PeopleLookup;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A qualified lead (meeting booked) becomes a contact at its company's account: the existing one
 * (same name, or a contact with the same e-mail domain) or a new account owned by the lead's owner,
 * where the contact is primary. Its history goes onto the account's timeline, so whoever works the
 * account reads how it started: each entry in the name of who did it, Baton's own (an assignment by
 * territory or in turn, a reminder) as Baton's. An existing account someone else owns is theirs: they
 * are mailed that the lead joined it ({@link LeadMails#joinedAccount}), as they would otherwise find a
 * new contact and entries on their account unsaid (found by the session 35 probe).
 */
@Component
class LeadConversion {

    private final AccountLookup lookup;
    private final AccountService accounts;
    private final ContactService contacts;
    private final InteractionService interactions;
    private final AuditLog audit;
    private final PeopleLookup people;
    private final LeadMails mails;

    LeadConversion(
            AccountLookup lookup,
            AccountService accounts,
            ContactService contacts,
            InteractionService interactions,
            AuditLog audit,
            PeopleLookup people,
            LeadMails mails) {
        this.people = people;
        this.mails = mails;
        this.lookup = lookup;
        this.accounts = accounts;
        this.contacts = contacts;
        this.interactions = interactions;
        this.audit = audit;
    }

    /** Runs in the caller's transaction; {@code history} oldest first. */
    void convert(Lead lead, List<LeadActivity> history) {
        Optional<Long> existing = lookup.accountOf(lead.getCompany(), lead.getEmail());
        long accountId = existing.orElseGet(() -> accounts.createFromLead(
                        new NewAccount(lead.getCompany(), lead.getOwner().getId(), null, lead.getTerritory(), null))
                .id());
        long contactId = contacts.create(
                        accountId,
                        new ContactDetails(
                                lead.getPersonName(),
                                null,
                                lead.getEmail(),
                                lead.getPhone(),
                                null,
                                existing.isEmpty(),
                                null))
                .id();
        lead.converted(accountId, contactId);
        for (LeadActivity a : history) {
            interactions.log(
                    accountId,
                    new NewInteraction(
                            a.getKind() == LeadActivity.Kind.OUTCOME ? InteractionKind.MEETING : InteractionKind.NOTE,
                            "Lead: " + a.getSummary(),
                            contactId,
                            a.getOccurredAt()),
                    a.getBy() == null ? AuditLog.SYSTEM : a.getBy().getUsername());
        }
        audit.record(
                "lead.converted",
                "lead",
                lead.getId(),
                accountId,
                null,
                fields("accountId", accountId, "contactId", contactId, "joinedExisting", existing.isPresent()));
        if (existing.isPresent()) {
            var account = accounts.get(accountId);
            if (account.ownerUsername() != null
                    && !account.ownerUsername().equals(lead.getOwner().getUsername())) {
                people.byUsername(account.ownerUsername())
                        .ifPresent(to -> mails.joinedAccount(lead, to, accountId, account.name()));
            }
        }
    }
}
