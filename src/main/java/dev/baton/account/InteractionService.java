package dev.baton.account;

import static dev.baton.audit.Changes.fields;

import dev.baton.audit.AuditLog;
import dev.baton.people.PeopleService;
import dev.baton.people.Person;
import java.time.Clock;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The logged story of an account, newest first, so a successor can continue without asking again. */
@Service
public class InteractionService {

    private final Interactions interactions;
    private final AccountService accounts;
    private final ContactService contacts;
    private final PeopleService people;
    private final AuditLog audit;
    private final Clock clock;

    InteractionService(
            Interactions interactions,
            AccountService accounts,
            ContactService contacts,
            PeopleService people,
            AuditLog audit,
            Clock clock) {
        this.interactions = interactions;
        this.accounts = accounts;
        this.contacts = contacts;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<InteractionView> forAccount(Long accountId, Pageable pageable) {
        accounts.account(accountId);
        Pageable newestFirst = PageRequest.of(
                pageable.getPageNumber(), pageable.getPageSize(), Sort.by(Sort.Direction.DESC, "occurredAt", "id"));
        return interactions.findByAccountId(accountId, newestFirst).map(InteractionView::from);
    }

    /**
     * Puts {@code summary} in place of the interaction's words, for the feature that logged it from an
     * answer given again (the same step answered a second time keeps one entry with its latest words);
     * audited as {@code interaction.reworded}. The same words again change nothing.
     *
     * @throws dev.baton.shared.NotFoundException when there is no such interaction
     */
    @Transactional
    public void reword(long interactionId, String summary) {
        Interaction interaction = interactions
                .findById(interactionId)
                .orElseThrow(() -> new dev.baton.shared.NotFoundException("interaction", interactionId));
        String words = summary.trim();
        if (interaction.reword(words)) {
            audit.record(
                    "interaction.reworded",
                    "interaction",
                    interactionId,
                    interaction.getAccount().getId(),
                    null,
                    fields("summary", words));
        }
    }

    /**
     * Takes the interaction off the account's record, for the feature that logged it from an answer whose
     * author took the words back (the sales handoff's list step answered again with no note): its timeline
     * entry goes with it. The audit trail keeps what it said ({@code interaction.removed}, with its words,
     * kind and author before; off the timeline as other interaction events). Nothing happens when it is gone
     * already.
     *
     * @param interactionId the interaction the feature logged
     */
    @Transactional
    public void remove(long interactionId) {
        interactions.findById(interactionId).ifPresent(interaction -> {
            interactions.delete(interaction);
            audit.record(
                    "interaction.removed",
                    "interaction",
                    interactionId,
                    interaction.getAccount().getId(),
                    fields(
                            "kind",
                            interaction.getKind().name(),
                            "summary",
                            interaction.getSummary(),
                            "by",
                            interaction.getBy() == null
                                    ? AuditLog.SYSTEM
                                    : interaction.getBy().getUsername()),
                    null);
        });
    }

    /**
     * Logs the interaction with {@code username} (the signed-in person) as its author, or as Baton's own
     * for {@link AuditLog#SYSTEM} (no person: shown as by "Baton", e.g. a lead's assignment by the round
     * robin carried onto the account it became).
     *
     * @return the logged interaction
     * @throws dev.baton.shared.NotFoundException when the account, or the person named {@code username}, does not exist
     * @throws dev.baton.shared.BadRequestException at {@code contactId} when the contact is not the account's
     */
    @Transactional
    public InteractionView log(Long accountId, NewInteraction n, String username) {
        Account account = accounts.account(accountId);
        Contact contact = n.contactId() == null ? null : contacts.referenced(n.contactId(), account, "contactId");
        Person by = AuditLog.SYSTEM.equals(username) ? null : people.signedIn(username);
        Interaction interaction = interactions.save(new Interaction(
                account,
                contact,
                n.kind(),
                n.summary().trim(),
                by,
                n.occurredAt() == null ? clock.instant() : n.occurredAt()));
        audit.record(
                "interaction.logged",
                "interaction",
                interaction.getId(),
                accountId,
                null,
                fields(
                        "kind",
                        n.kind().name(),
                        "by",
                        by == null ? AuditLog.SYSTEM : by.getUsername(),
                        "contactId",
                        n.contactId()));
        return InteractionView.from(interaction);
    }
}
