package dev.baton.commitment;

import dev.baton.people.Person;
import java.util.HashSet;
import java.util.Set;

/**
 * Who decides what happens to an overdue commitment (the playbook's <i>Decide overdue commitment</i> step and
 * the "Overdue commitment" mail): a new date, another owner, or breached. One rule, used by the process and
 * by an import's report on what its rows will do.
 *
 * <p>The nearest active manager above the commitment's owner: their manager while active, else the next one up
 * the reporting line, and so on. With none, the nearest active manager above its maker; with none either, the
 * maker while active; else the nearest active manager above the account's owner. So never someone deactivated
 * (their mail is not sent, so nobody would hear of it). With nobody active anywhere there, the step names the
 * maker, and the inbox, which gives no step to an inactive person, puts it in the admins' unassigned queue
 * saying so. Until session 41 the owner's manager was named even when deactivated.
 */
final class OverdueDecider {

    private OverdueDecider() {}

    /**
     * Who decides, and how an import's report says why it is them.
     *
     * @param person who decides; inactive only when nobody active is there ({@code who} says so)
     * @param who "the owner's manager", "a manager above the owner", ..., for a reader
     */
    record Decider(Person person, String who) {}

    /**
     * Who decides about {@code c} now, by the rule above.
     *
     * @return never null: the maker when nobody active is there
     */
    static Decider of(Commitment c) {
        return of(c.getOwner(), c.getMadeBy(), c.getAccount().getOwner());
    }

    /**
     * The rule for a commitment owned by {@code owner} (null for nobody), made by {@code maker} on an account
     * owned by {@code accountOwner} (null for nobody): for a commitment not yet in Baton (an import's row).
     */
    static Decider of(Person owner, Person maker, Person accountOwner) {
        Person above = activeManagerAbove(owner);
        if (above != null) {
            return new Decider(
                    above, above == owner.getManager() ? "the owner's manager" : "a manager above the owner");
        }
        above = activeManagerAbove(maker);
        if (above != null) {
            return new Decider(above, "a manager above whoever made it (the owner has no active manager)");
        }
        if (maker.isActive()) {
            return new Decider(maker, "whoever made it (neither they nor the owner has an active manager)");
        }
        above = activeManagerAbove(accountOwner);
        if (above != null) {
            return new Decider(
                    above,
                    "a manager above the account's owner (whoever made it is inactive, and no manager above"
                            + " them or the owner is active)");
        }
        return new Decider(maker, "nobody active: the admins' unassigned tasks");
    }

    /** The first active person up {@code p}'s reporting line (their manager, theirs, ...); null when none is. */
    private static Person activeManagerAbove(Person p) {
        Set<Long> seen = new HashSet<>();
        for (Person m = p == null ? null : p.getManager(); m != null && seen.add(m.getId()); m = m.getManager()) {
            if (m.isActive()) {
                return m;
            }
        }
        return null;
    }
}
