package dev.baton.handover;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.Map;

/**
 * How the launching manager plans successors: one person for every account, a choice per account,
 * or a rule. Accounts a plan leaves open get a "choose successor" task for the manager.
 *
 * @param successorId for {@code ONE}
 * @param perAccount account id to successor id, for {@code PER_ACCOUNT} (others stay unplanned); a null
 *     successor in a JSON body is a 400 at {@code plan.perAccount[<account id>]}
 * @param teamId for {@code BALANCE_TEAM}: whose members share the book (default: the departing person's team)
 */
public record SuccessorPlan(
        Mode mode,
        Long successorId,
        @JsonSetter(contentNulls = Nulls.FAIL) Map<Long, Long> perAccount,
        Long teamId) {

    public enum Mode {
        /** One successor for the whole book. */
        ONE,
        /** A successor per account, as given. */
        PER_ACCOUNT,
        /** Each account to the team member with the smallest book at that moment. */
        BALANCE_TEAM,
        /** Each account to whoever already owns most accounts in its territory. */
        TERRITORY
    }

    public SuccessorPlan {
        perAccount = perAccount == null ? Map.of() : Map.copyOf(perAccount);
    }
}
