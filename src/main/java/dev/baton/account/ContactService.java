package dev.baton.account;

import static dev.baton.audit.Changes.fields;

import dev.baton.audit.AuditLog;
import dev.baton.audit.Changes;
import dev.baton.people.Person;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Contacts at an account: one primary at most, and contact data that decays unless verified. */
@Service
public class ContactService {

    /** Contact data not verified for a year is treated as doubtful. */
    static final Duration STALE_AFTER = Duration.ofDays(365);

    private final Contacts contacts;
    private final Interactions interactions;
    private final AccountService accounts;
    private final AuditLog audit;
    private final Clock clock;

    /** A provider: the features that keep such rows depend on accounts themselves. */
    private final ObjectProvider<ContactReferences> references;

    ContactService(
            Contacts contacts,
            Interactions interactions,
            AccountService accounts,
            AuditLog audit,
            Clock clock,
            ObjectProvider<ContactReferences> references) {
        this.references = references;
        this.contacts = contacts;
        this.interactions = interactions;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** The account's contacts (entities, for other features' reads): the primary one first, then by name. */
    @Transactional(readOnly = true)
    public List<Contact> ofAccount(Long accountId) {
        return contacts.findByAccountIdOrderByPrimaryDescFullNameAsc(accountId);
    }

    /** The contacts of every account the person owns, by account name then contact name (account fetched). */
    @Transactional(readOnly = true)
    public List<Contact> ofAccountsOwnedBy(Person owner) {
        return contacts.findOfAccountsOwnedBy(owner);
    }

    /** These contacts (entities, account fetched), by account name then contact name; unknown ids are left out. */
    @Transactional(readOnly = true)
    public List<Contact> byIds(java.util.Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : contacts.findByIdsWithAccount(ids);
    }

    /** The account's contacts by name; {@code stale} null means all, true only stale ones, false only fresh ones. */
    @Transactional(readOnly = true)
    public List<ContactView> forAccount(Long accountId, Boolean stale) {
        accounts.account(accountId);
        Instant now = clock.instant();
        return contacts.findByAccountIdOrderByFullName(accountId).stream()
                .map(c -> ContactView.from(c, now))
                .filter(c -> stale == null || c.stale() == stale)
                .toList();
    }

    @Transactional(readOnly = true)
    public ContactView get(Long id) {
        return ContactView.from(contact(id), clock.instant());
    }

    @Transactional
    public ContactView create(Long accountId, ContactDetails d) {
        Account account = accounts.account(accountId);
        Contact contact = new Contact(account, d.fullName(), d.title(), d.email(), d.phone(), d.preferences());
        makePrimary(contact, d.primary());
        contacts.save(contact);
        audit.record("contact.created", "contact", contact.getId(), accountId, null, snapshot(contact));
        return ContactView.from(contact, clock.instant());
    }

    @Transactional
    public ContactView update(Long id, ContactDetails d) {
        Contact contact = contact(id);
        Changes.requireVersion(d.version(), contact.getVersion(), "contact " + id);
        Map<String, Object> before = snapshot(contact);
        contact.update(d.fullName(), d.title(), d.email(), d.phone(), d.preferences());
        makePrimary(contact, d.primary());
        contacts.flush();
        Map<String, Object> after = snapshot(contact);
        // an edit that changes nothing is no event (as for accounts): Hibernate writes no row, and the
        // trail and the account's timeline must not say the contact was updated either
        if (!after.equals(before)) {
            audit.record("contact.updated", "contact", id, contact.getAccount().getId(), before, after);
        }
        return ContactView.from(contact, clock.instant());
    }

    @Transactional
    public ContactView verify(Long id) {
        Contact contact = contact(id);
        Instant before = contact.getLastVerifiedAt();
        contact.verifiedAt(clock.instant());
        contacts.flush();
        audit.record(
                "contact.verified",
                "contact",
                id,
                contact.getAccount().getId(),
                fields("lastVerifiedAt", before == null ? null : before.toString()),
                fields("lastVerifiedAt", contact.getLastVerifiedAt().toString()));
        return ContactView.from(contact, clock.instant());
    }

    /**
     * The person left the company: the contact is retired (no longer primary or champion) and kept with
     * its history; audited as {@code contact.retired}. Retiring twice changes nothing.
     *
     * @throws NotFoundException for an unknown contact
     */
    @Transactional
    public ContactView retire(Long id) {
        Contact contact = contact(id);
        if (!contact.isRetired()) {
            Map<String, Object> before = snapshot(contact);
            contact.retire(clock.instant());
            contacts.flush();
            audit.record(
                    "contact.retired",
                    "contact",
                    id,
                    contact.getAccount().getId(),
                    before,
                    fields(
                            "fullName",
                            contact.getFullName(),
                            "retiredAt",
                            contact.getRetiredAt().toString()));
        }
        return ContactView.from(contact, clock.instant());
    }

    /**
     * Makes the contact the account's primary contact and/or its champion (each one per account: the
     * previous one loses the mark); false leaves that mark as it is. Audited as {@code contact.updated}
     * when a mark changed; a contact that has them already is answered as it is, with nothing recorded.
     *
     * @throws BadRequestException naming {@code contactId} when the contact left the company
     */
    @Transactional
    public ContactView appoint(Long id, boolean primary, boolean champion) {
        Contact contact = contact(id);
        if (contact.isRetired()) {
            throw new BadRequestException("contactId", contact.getFullName() + " left the company");
        }
        Map<String, Object> before = appointment(contact);
        makePrimary(contact, primary || contact.isPrimary());
        if (champion && !contact.isChampion()) {
            contacts.findByAccountIdAndChampionTrue(contact.getAccount().getId())
                    .ifPresent(previous -> {
                        previous.markChampion(false);
                        contacts.saveAndFlush(previous);
                    });
            contact.markChampion(true);
        }
        contacts.flush();
        Map<String, Object> after = appointment(contact);
        if (!after.equals(before)) { // already so: nothing changed, nothing to record (probe 47)
            audit.record("contact.updated", "contact", id, contact.getAccount().getId(), before, after);
        }
        return ContactView.from(contact, clock.instant());
    }

    private static Map<String, Object> appointment(Contact c) {
        return fields("fullName", c.getFullName(), "primary", c.isPrimary(), "champion", c.isChampion());
    }

    /**
     * Merges a duplicate into the contact that stays, keeping all history: the duplicate's interactions
     * move over, its details fill the survivor's blanks, the later verification and the primary flag
     * carry over, its CRM ids become the survivor's other ids (files naming them find the survivor), then
     * the duplicate is deleted; audited as {@code contact.merged} with both before-states. Rows of other
     * features that name the duplicate move first ({@link ContactReferences}: commitments, leads,
     * stewardship reviews), and the champion carries over like the primary flag.
     * Both rows are held (in id order) before either is read, so two merges of one pair at once, either
     * way round, are one after the other: the second finds its duplicate or survivor gone.
     *
     * @param duplicateId the contact that goes
     * @param survivorId the contact that stays
     * @return the survivor as now
     * @throws NotFoundException for an unknown duplicate (also one that a merge just before this deleted)
     * @throws BadRequestException at {@code intoId} for an unknown survivor ("no contact 9", also one a merge
     *     just before this deleted), when the two are one contact or at two accounts, or the
     *     survivor has left the company and the duplicate is the primary contact or champion
     */
    @Transactional
    public ContactView merge(Long duplicateId, Long survivorId) {
        // both rows held before either is read: two opposite merges of one pair at once deleted both
        // contacts (found by a probe); now the second waits and finds its duplicate (404) or survivor (400) gone
        List<Long> held = contacts.lockIds(List.of(duplicateId, survivorId));
        if (!held.contains(duplicateId)) {
            throw new NotFoundException("contact", duplicateId);
        }
        if (!held.contains(survivorId)) {
            // an id the body gives is the caller's to fix, at its field (found by a probe: a bare 404)
            throw BadRequestException.noSuch("intoId", "contact", survivorId);
        }
        // the references move first and the contacts are read after: a bulk move may clear the persistence
        // context, and entities read before it would be detached, their merge never written (found by a
        // probe). A refusal below rolls the moves back with the rest.
        references.orderedStream().forEach(r -> r.moveContact(duplicateId, survivorId));
        Contact duplicate = contact(duplicateId);
        Contact survivor = contact(survivorId);
        if (duplicateId.equals(survivorId)
                || !duplicate.getAccount().getId().equals(survivor.getAccount().getId())) {
            throw new BadRequestException("intoId", "only two different contacts at one account can be merged");
        }
        Map<String, Object> before = fields("survivor", snapshot(survivor), "duplicate", snapshot(duplicate));
        int moved = interactions.moveContact(duplicate, survivor);
        survivor.update(
                survivor.getFullName(),
                or(survivor.getTitle(), duplicate.getTitle()),
                or(survivor.getEmail(), duplicate.getEmail()),
                or(survivor.getPhone(), duplicate.getPhone()),
                or(survivor.getPreferences(), duplicate.getPreferences()));
        if (duplicate.getLastVerifiedAt() != null
                && (survivor.getLastVerifiedAt() == null
                        || duplicate.getLastVerifiedAt().isAfter(survivor.getLastVerifiedAt()))) {
            survivor.verifiedAt(duplicate.getLastVerifiedAt());
        }
        if (survivor.isRetired() && (duplicate.isPrimary() || duplicate.isChampion())) {
            throw new BadRequestException(
                    "intoId",
                    survivor.getFullName() + " left the company and cannot take " + duplicate.getFullName()
                            + "'s place as " + (duplicate.isPrimary() ? "primary contact" : "champion")
                            + ": merge into a current contact");
        }
        boolean primary = duplicate.isPrimary();
        // found by a probe: the champion was lost with the duplicate (the primary flag carried over)
        boolean champion = duplicate.isChampion();
        contacts.keepIdsOf(duplicateId, survivorId);
        contacts.delete(duplicate);
        contacts.flush();
        if (primary) {
            survivor.markPrimary(true);
            contacts.flush();
        }
        if (champion) {
            survivor.markChampion(true);
            contacts.flush();
        }
        audit.record(
                "contact.merged",
                "contact",
                survivorId,
                survivor.getAccount().getId(),
                before,
                fields("survivor", snapshot(survivor), "mergedContactId", duplicateId, "interactionsMoved", moved));
        return ContactView.from(survivor, clock.instant());
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The contact a request names in {@code field}; it must exist and belong to {@code account} (else 400). */
    @Transactional(readOnly = true)
    public Contact referenced(Long id, Account account, String field) {
        Contact contact = contacts.findById(id).orElseThrow(() -> BadRequestException.noSuch(field, "contact", id));
        if (!contact.getAccount().getId().equals(account.getId())) {
            throw new BadRequestException(
                    field, "contact " + id + " belongs to another account, not " + account.getId());
        }
        return contact;
    }

    /**
     * The previous primary is unset and flushed first: the database allows one primary per account,
     * and Hibernate would otherwise write the new one before clearing the old one.
     */
    private void makePrimary(Contact contact, boolean primary) {
        if (primary && !contact.isPrimary()) {
            contacts.findByAccountIdAndPrimaryTrue(contact.getAccount().getId()).ifPresent(previous -> {
                previous.markPrimary(false);
                contacts.saveAndFlush(previous);
                audit.record(
                        "contact.updated",
                        "contact",
                        previous.getId(),
                        previous.getAccount().getId(),
                        fields("primary", true),
                        fields("primary", false));
            });
        }
        contact.markPrimary(primary);
    }

    private Contact contact(Long id) {
        return contacts.findById(id).orElseThrow(() -> new NotFoundException("contact", id));
    }

    private static Map<String, Object> snapshot(Contact c) {
        return fields(
                "fullName",
                c.getFullName(),
                "title",
                c.getTitle(),
                "email",
                c.getEmail(),
                "phone",
                c.getPhone(),
                "preferences",
                c.getPreferences(),
                "primary",
                c.isPrimary());
    }
}
