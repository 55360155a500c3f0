package dev.baton.commitment;

import dev.baton.account.AccountAccess;
import dev.baton.people.PeopleService;
import dev.baton.people.Person;
import dev.baton.people.ReportingLines;
import dev.baton.people.Role;
import dev.baton.people.Team;
import dev.baton.people.TeamService;
import dev.baton.shared.BadRequestException;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may do what to a commitment, on the one rule of {@link ReportingLines}. Each check throws
 * {@link AccessDeniedException} saying why; an unknown commitment passes, so the request answers 404.
 * The role gates (e.g. only CS, managers and admins verify) stay on the endpoints.
 */
@Service
public class CommitmentAccess {

    private final Commitments commitments;
    private final AccountAccess accounts;
    private final PeopleService people;
    private final TeamService teams;
    private final ReportingLines lines;

    CommitmentAccess(
            Commitments commitments,
            AccountAccess accounts,
            PeopleService people,
            TeamService teams,
            ReportingLines lines) {
        this.commitments = commitments;
        this.accounts = accounts;
        this.people = people;
        this.teams = teams;
        this.lines = lines;
    }

    /**
     * Recording one: the actor may act on the account ({@link AccountAccess}), and may give the work
     * to the owner named ({@link ReportingLines#mayGiveWorkTo}: themselves, their team or line, the
     * delivering team's members). An unknown or inactive owner is a 400 first.
     */
    @Transactional(readOnly = true)
    public void requireMayRecord(NewCommitment n, String username) {
        Person actor = people.signedIn(username);
        requireMayRecordOn(n.accountId(), username);
        if (n.ownerId() != null) {
            Team delivering =
                    n.deliveringTeamId() == null ? null : teams.referenced(n.deliveringTeamId(), "deliveringTeamId");
            lines.requireMayGiveWorkTo(
                    actor, people.newOwner(n.ownerId(), "ownerId", "a commitment"), delivering, "a commitment");
        }
    }

    /**
     * The account part of {@link #requireMayRecord}: whether the person may record commitments on the
     * account at all, whoever owns them ({@link AccountAccess#requireMayActOn}: its owner, its account
     * team, a manager of the owner's line, an admin). Passes for an unknown account (the caller's 404).
     *
     * @throws AccessDeniedException saying whose line the account is in
     */
    @Transactional(readOnly = true)
    public void requireMayRecordOn(Long accountId, String username) {
        accounts.requireMayActOn(accountId, username);
    }

    /**
     * {@link #requireMayRecordOn} as a yes or no, for a page that offers the promise form only to
     * those who may submit it (the API answers the others 403). Not transactional itself: a refusal
     * thrown inside a transaction of the caller's would mark it for rollback.
     */
    public boolean mayRecordOn(Long accountId, String username) {
        try {
            requireMayRecordOn(accountId, username);
            return true;
        } catch (AccessDeniedException denied) {
            return false;
        }
    }

    /**
     * Accept, reject, deliver, cancel: its owner, a manager of the owner's line, an admin. Without an
     * owner it is its maker's (and their managers'). {@code byMakerToo}: the maker may also (cancel: it
     * was the maker's promise to take back).
     */
    @Transactional(readOnly = true)
    public void requireMayChangeStatus(Long id, String username, boolean byMakerToo, String what) {
        commitments.findById(id).ifPresent(c -> {
            Person actor = people.signedIn(username);
            Person owner = c.getOwner() == null ? c.getMadeBy() : c.getOwner();
            if (!lines.mayActFor(actor, owner) && !(byMakerToo && lines.mayActFor(actor, c.getMadeBy()))) {
                lines.requireMayActFor(actor, owner, what + " " + named(c));
            }
        });
    }

    /** Verify, reopen, breach: customer success and admins for any commitment; a manager for their line's. */
    @Transactional(readOnly = true)
    public void requireMayCheck(Long id, String username, String what) {
        Person actor = people.signedIn(username);
        if (!actor.hasRole(Role.CS) && !actor.hasRole(Role.ADMIN)) {
            requireMayChangeStatus(id, username, false, what);
        }
    }

    /**
     * Moving the due date ({@code POST /api/commitments/{id}/reschedule}): customer success and admins
     * for any commitment (DESIGN.md: customer success tracks every commitment's due date and agrees new
     * dates with customers); otherwise who may take it back ({@link #requireMayChangeStatus} with the
     * maker: its owner, its maker, a manager of either's line). Throws {@link AccessDeniedException}
     * saying why; an unknown commitment passes.
     */
    @Transactional(readOnly = true)
    public void requireMayReschedule(Long id, String username) {
        Person actor = people.signedIn(username);
        if (!actor.hasRole(Role.CS) && !actor.hasRole(Role.ADMIN)) {
            requireMayChangeStatus(id, username, true, "reschedule");
        }
    }

    /**
     * The decisions of a commitment step that the API reserves ({@code POST /api/commitments/{id}/...}),
     * asked of whoever answers the step, as {@link #requireMayReassign} is for a new owner: verify,
     * reopen and breach as the API's (customer success, managers and admins, by {@link
     * #requireMayCheck}), cancel as the API's (owner or maker, their managers, admins). Whoever: the
     * person the process routed the step to, or anyone it was delegated or reassigned to since (ADR
     * 014). The step's other outcomes (accept, reject, deliver, renegotiate, reschedule) are the work the
     * step hands out, which whoever it reaches may do. An unknown commitment passes.
     *
     * @param decision the step's {@code decision} value
     * @throws AccessDeniedException saying who may not, and why
     */
    @Transactional(readOnly = true)
    public void requireMayDecide(Long id, String decision, String username) {
        switch (decision == null ? "" : decision) {
            case "verify", "reopen", "breach" -> {
                String what = decision.equals("breach") ? "mark breached" : decision;
                Person actor = people.signedIn(username);
                if (!actor.hasRole(Role.CS) && !actor.hasRole(Role.MANAGER) && !actor.hasRole(Role.ADMIN)) {
                    throw new AccessDeniedException(actor.getFullName() + " may not " + what + " "
                            + commitments
                                    .findById(id)
                                    .map(CommitmentAccess::named)
                                    .orElse("commitment " + id)
                            + ": only customer success, managers and admins do");
                }
                requireMayCheck(id, username, what);
            }
            case "cancel" -> requireMayChangeStatus(id, username, true, "cancel");
            default -> {}
        }
    }

    /** {@link #requireMayReassign(Long, Long, String, String)} for a request naming the new owner at {@code ownerId}. */
    @Transactional(readOnly = true)
    public void requireMayReassign(Long id, Long newOwnerId, String username) {
        requireMayReassign(id, newOwnerId, "ownerId", username);
    }

    /**
     * Giving the commitment to a new owner, the one rule for the API's reassign ({@code PUT
     * /api/commitments/{id}/owner}) and for a commitment step whose answer names one ("Assign owner",
     * "reassign" when overdue), whoever answers it: the person the process routed the step to, or
     * anyone it was delegated or reassigned to since. Only customer success, managers and admins give
     * commitments owners; the actor must act for the current owner (themselves, a manager of their
     * line, an admin), unless it has no active owner (CS is alerted to those); and the new owner must
     * be someone the actor may give work to ({@link ReportingLines#mayGiveWorkTo}, with the
     * commitment's delivering team). ADR 014. An unknown commitment passes (the caller's 404 follows).
     *
     * @param newOwnerId the person to own it
     * @param ownerField the request's field naming the new owner ({@code ownerId} in the API, {@code
     *     newOwnerUsername} in a step's form), for the 400 when they are unknown or inactive
     * @throws BadRequestException naming {@code ownerField} when the new owner is unknown, inactive, or
     *     leaving or being handed over ({@link PeopleService#newOwner})
     * @throws AccessDeniedException saying who may not give it to whom, and why
     */
    @Transactional(readOnly = true)
    public void requireMayReassign(Long id, Long newOwnerId, String ownerField, String username) {
        requireMayGive(id, newOwnerId, ownerField, username, false);
    }

    /**
     * {@link #requireMayReassign(Long, Long, String, String)} for a book going back to the person it was
     * handed over from (a leave whose ownership returns): they may still have a handover running, so
     * only unknown or inactive is refused at {@code ownerField}.
     */
    @Transactional(readOnly = true)
    public void requireMayReturn(Long id, Long backId, String ownerField, String username) {
        requireMayGive(id, backId, ownerField, username, true);
    }

    /**
     * The work {@link #requireMayReassign} judges a new owner for ({@link ReportingLines#mayGiveWorkTo}): the
     * commitment, delivered by its delivering team (none: null). What a step's type-ahead for the new owner
     * asks the people it offers by ({@code TaskCompletionHandler#givenWork}), so that it offers whom the answer
     * accepts.
     *
     * @return empty for an unknown commitment
     */
    @Transactional(readOnly = true)
    public java.util.Optional<dev.baton.task.TaskCompletionHandler.GivenWork> givenWork(Long id) {
        return commitments
                .findById(id)
                .map(c -> new dev.baton.task.TaskCompletionHandler.GivenWork(
                        c.getDeliveringTeam() == null
                                ? null
                                : c.getDeliveringTeam().getKey()));
    }

    private void requireMayGive(Long id, Long newOwnerId, String ownerField, String username, boolean returning) {
        commitments.findById(id).ifPresent(c -> {
            Person actor = people.signedIn(username);
            if (!actor.hasRole(Role.CS) && !actor.hasRole(Role.MANAGER) && !actor.hasRole(Role.ADMIN)) {
                throw new AccessDeniedException(actor.getFullName() + " may not give " + named(c)
                        + " an owner: only customer success, managers and admins give commitments owners");
            }
            if (c.getOwner() != null && c.getOwner().isActive()) {
                lines.requireMayActFor(actor, c.getOwner(), "give " + named(c) + " to someone else");
            }
            lines.requireMayGiveWorkTo(
                    actor,
                    returning
                            ? people.activeOwner(newOwnerId, ownerField, "a commitment")
                            : people.newOwner(newOwnerId, ownerField, "a commitment"),
                    c.getDeliveringTeam(),
                    "a commitment");
        });
    }

    /** The commitment as a refusal names it ({@link Commitment#named()}). */
    private static String named(Commitment c) {
        return c.named();
    }

    /**
     * What the viewer may do to the commitment now, by its status and the rules above (and the role
     * gate of verify, reopen and breach: customer success, managers, admins): a subset of accept,
     * reject, deliver, verify, reopen, reschedule, cancel, breach. Empty for an unknown commitment.
     */
    @Transactional(readOnly = true)
    public Set<String> actions(Long id, String username) {
        Set<String> actions = new LinkedHashSet<>();
        commitments.findById(id).ifPresent(c -> {
            Person actor = people.signedIn(username);
            Person owner = c.getOwner() == null ? c.getMadeBy() : c.getOwner();
            boolean forOwner = lines.mayActFor(actor, owner);
            boolean checker =
                    (actor.hasRole(Role.CS) || actor.hasRole(Role.ADMIN)) || (actor.hasRole(Role.MANAGER) && forOwner);
            CommitmentStatus s = c.getStatus();
            if (forOwner && s == CommitmentStatus.PROPOSED) {
                actions.addAll(List.of("accept", "reject"));
            }
            if (forOwner && s == CommitmentStatus.ACCEPTED) {
                actions.add("deliver");
            }
            if (checker && s == CommitmentStatus.DELIVERED) {
                actions.addAll(List.of("verify", "reopen"));
            }
            boolean forOwnerOrMaker = forOwner || lines.mayActFor(actor, c.getMadeBy());
            if ((forOwnerOrMaker || actor.hasRole(Role.CS) || actor.hasRole(Role.ADMIN))
                    && CommitmentStatus.AWAITING_DELIVERY.contains(s)) {
                actions.add("reschedule");
            }
            if (forOwnerOrMaker
                    && EnumSet.of(CommitmentStatus.PROPOSED, CommitmentStatus.ACCEPTED, CommitmentStatus.REJECTED)
                            .contains(s)) {
                actions.add("cancel");
            }
            if (checker && CommitmentStatus.AWAITING_DELIVERY.contains(s)) {
                actions.add("breach");
            }
        });
        return actions;
    }
}
