package dev.baton.handover;

import dev.baton.account.AccountAccess;
import dev.baton.commitment.Commitment;
import dev.baton.commitment.CommitmentAccess;
import dev.baton.people.PeopleService;
import dev.baton.people.Person;
import dev.baton.people.Role;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether someone may give a book back after a leave ("Decide ownership after leave", answered
 * "return"): {@link HandoverClosing#settleLeave} then moves each account the successor still holds,
 * with their open commitments on it, back to the returning person, so whoever answers is asked what
 * the API asks of those moves (ADR 014: the answer is checked, not the route, since the step can be
 * delegated or reassigned to anyone active). Letting the successors keep the book moves nothing, so
 * needs nothing.
 */
@Component
class BookReturnRules {

    private final Handovers handovers;
    private final HandoverItems items;
    private final Book book;
    private final PeopleService people;
    private final AccountAccess accounts;
    private final CommitmentAccess commitments;

    BookReturnRules(
            Handovers handovers,
            HandoverItems items,
            Book book,
            PeopleService people,
            AccountAccess accounts,
            CommitmentAccess commitments) {
        this.handovers = handovers;
        this.items = items;
        this.book = book;
        this.people = people;
        this.accounts = accounts;
        this.commitments = commitments;
    }

    /**
     * The returning person must exist and be active ({@link PeopleService#activeOwner}); {@code actor}
     * must be a manager or admin (the role gate of {@code PUT /api/accounts/{id}/owner}) allowed to move
     * each account that would go back ({@link AccountAccess#requireMayTransfer}: acts for the successor
     * holding it, may give the returning person work) and to give each open commitment that would go
     * with it to the returning person ({@link CommitmentAccess#requireMayReturn}). A leave settled
     * already moves nothing more, so passes.
     *
     * @param field the answer's field, named by a refusal for an unknown or inactive returning person
     * @throws BadRequestException naming {@code field} when the returning person is unknown or inactive
     * @throws AccessDeniedException saying who may not move what
     * @throws NotFoundException for an unknown handover
     */
    @Transactional(readOnly = true)
    void requireMayReturn(long handoverId, String actor, String field) {
        Handover h = handovers.findById(handoverId).orElseThrow(() -> new NotFoundException("handover", handoverId));
        if (h.getLeaveOutcome() != null) {
            return;
        }
        Person back = people.activeOwner(h.getDeparting().getId(), field, "an account");
        Person me = people.signedIn(actor);
        if (!me.hasRole(Role.MANAGER) && !me.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException(
                    me.getFullName() + " may not give the accounts back: only managers and admins move accounts");
        }
        for (HandoverItem item : items.findByHandoverIdOrderById(h.getId())) {
            Person holder = item.getSuccessor();
            if (holder == null) {
                continue;
            }
            // what BookTransfer.giveBack moves: the account while the successor holds it, their open commitments on it
            Person owner = item.getAccount().getOwner();
            if (owner != null && owner.getId().equals(holder.getId())) {
                accounts.requireMayTransfer(item.getAccount().getId(), back.getId(), actor);
            }
            for (Commitment c : book.openCommitments(holder, item.getAccount().getId())) {
                commitments.requireMayReturn(c.getId(), back.getId(), field, actor);
            }
        }
    }
}
