package dev.baton.commitment;

import dev.baton.people.Leavers;
import dev.baton.people.Person;
import org.springframework.stereotype.Component;

/**
 * Who speaks for a promise to the customer: the person who renegotiates it when delivery says no (the
 * playbook's Renegotiate step) and who hears that it was delivered. One rule, used by the process and the
 * mails alike.
 *
 * <p>The maker, while they still can: active, and either the account's owner, or (owning it no longer, or
 * never: a sales engineer, the rep after a sales-to-CS handoff) neither leaving the company nor being handed
 * over ({@link Leavers#leaving}) nor the one a handover moved the account from ({@link Leavers#handedOver}).
 * Otherwise whoever holds the relationship now: the account's owner; with none active, the maker's manager;
 * with none active either, the commitment owner's manager. Never the person who must deliver it, unless they
 * own the account too, and never an inactive person.
 */
@Component
class RelationshipHolder {

    private final Leavers leavers;

    RelationshipHolder(Leavers leavers) {
        this.leavers = leavers;
    }

    /**
     * @return who speaks for {@code c} to its customer, as above; null when nobody active does (the maker and
     *     every manager named are gone, the account has no active owner)
     */
    Person of(Commitment c) {
        return of(c, c.getAccount().getOwner());
    }

    /**
     * {@link #of(Commitment)} as it was, or would be, with the account owned by {@code accountOwner} (null for
     * nobody): before an owner change, to tell whether the change moved the relationship.
     */
    Person of(Commitment c, Person accountOwner) {
        Person maker = c.getMadeBy();
        if (maker.isActive() && (same(maker, accountOwner) || stillSpeaksFor(maker, c))) {
            return maker;
        }
        if (accountOwner != null && accountOwner.isActive()) {
            return accountOwner;
        }
        if (maker.getManager() != null && maker.getManager().isActive()) {
            return maker.getManager();
        }
        Person owner = c.getOwner();
        Person ownersManager = owner == null ? null : owner.getManager();
        return ownersManager != null && ownersManager.isActive() ? ownersManager : null;
    }

    /**
     * Who renegotiates {@code c} with the customer once rejected (the Renegotiate step's assignee), with the
     * account owned by {@code accountOwner} (null for nobody; {@code c}'s own owner for now): whoever speaks
     * for it ({@link #of(Commitment, Person)}); with nobody active to, whoever would decide it once overdue
     * ({@link OverdueDecider}).
     *
     * @return a user name, never null
     */
    String renegotiator(Commitment c, Person accountOwner) {
        Person holder = of(c, accountOwner);
        return holder != null
                ? holder.getUsername()
                : OverdueDecider.of(c.getOwner(), c.getMadeBy(), accountOwner)
                        .person()
                        .getUsername();
    }

    /** A maker who does not own the account: unless they are leaving or it was handed over from them. */
    private boolean stillSpeaksFor(Person maker, Commitment c) {
        return leavers.leaving(maker).isEmpty()
                && !leavers.handedOver(maker, c.getAccount().getId());
    }

    private static boolean same(Person a, Person b) {
        return b != null && a.getId().equals(b.getId());
    }
}
