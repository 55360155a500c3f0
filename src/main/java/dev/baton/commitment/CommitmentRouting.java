package dev.baton.commitment;

import dev.baton.people.Person;
import java.time.LocalDate;

/**
 * What routing a commitment's next step reads of it: its state, its owner, its maker, its account's owner
 * and its delivering team. The routing rules live here, once, whether the facts came from the entity
 * ({@link #of(Commitment)}: the steps that queue mails) or from one SQL row ({@link CommitmentRoutingQuery}:
 * the read step that runs for every change a process is told of).
 *
 * @param owner null while nobody owns the commitment
 * @param accountOwnerId the id of the person who owns the commitment's account, null for none
 * @param teamKey the delivering team's key, null for none (the configured default team delivers)
 * @param processInstanceKey the process instance following the commitment, null until its first read
 */
record CommitmentRouting(
        long id,
        long accountId,
        CommitmentStatus status,
        long version,
        LocalDate dueDate,
        Long processInstanceKey,
        Party owner,
        Party maker,
        Long accountOwnerId,
        String teamKey) {

    /**
     * A person as routing sees them.
     *
     * @param timeZone their IANA zone id, null for the company's
     * @param managerUsername their manager's user name, null for none
     */
    record Party(long id, String username, boolean active, String timeZone, String managerUsername) {

        static Party of(Person p) {
            return p == null
                    ? null
                    : new Party(
                            p.getId(),
                            p.getUsername(),
                            p.isActive(),
                            p.getTimeZone(),
                            p.getManager() == null ? null : p.getManager().getUsername());
        }
    }

    static CommitmentRouting of(Commitment c) {
        return new CommitmentRouting(
                c.getId(),
                c.getAccount().getId(),
                c.getStatus(),
                c.getVersion(),
                c.getDueDate(),
                c.getProcessInstanceKey(),
                Party.of(c.getOwner()),
                Party.of(c.getMadeBy()),
                c.getAccount().getOwner() == null
                        ? null
                        : c.getAccount().getOwner().getId(),
                c.getDeliveringTeam() == null ? null : c.getDeliveringTeam().getKey());
    }

    /** The stage its process routes to: {@link CommitmentStage#of}. */
    CommitmentStage stage() {
        return CommitmentStage.of(status, owner != null && owner.active());
    }

    String ownerUsername() {
        return owner == null ? null : owner.username();
    }

    /**
     * Who renegotiates a rejected promise with the customer: its maker, unless the commitment went with
     * its account to a new owner (a handover: the successor owns both and now speaks for the account);
     * never an inactive person.
     */
    String renegotiator() {
        boolean movedOn = owner != null
                && owner.active()
                && owner.id() != maker.id()
                && accountOwnerId != null
                && owner.id() == accountOwnerId;
        if (maker.active() && !movedOn) {
            return maker.username();
        }
        return owner != null && owner.active() ? owner.username() : escalateTo();
    }

    /** The owner's manager; else the maker's manager; else the maker. */
    String escalateTo() {
        if (owner != null && owner.managerUsername() != null) {
            return owner.managerUsername();
        }
        return maker.managerUsername() != null ? maker.managerUsername() : maker.username();
    }

    /**
     * The zone id the due date is judged in (as {@link CommitmentService#dueZone}): the owner's, the
     * maker's while nobody owns it; null for the company's.
     */
    String dueZone() {
        return owner != null ? owner.timeZone() : maker.timeZone();
    }
}
