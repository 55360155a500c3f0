package dev.baton.task;

import dev.baton.account.AccountAccess;
import dev.baton.blocks.Blocks;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * A step's answer may point its run at an account ({@code accountId}, the variable the building
 * blocks act on: a playbook may ask "which account?"). Whoever answers may name only an account they
 * may act on, by the API's rule ({@link AccountAccess#requireMayActOn}): otherwise a step of a run
 * that nobody launched (a timer's), whose blocks have no launcher to ask, would let anyone who
 * answers it act on any account. The blocks still ask the launcher's rights when they run (ADR 014).
 * A value that is not a Baton account id (a CRM's id, an unknown number) is left to the run, as
 * business ids that are not Baton's are.
 */
@Component
class AccountAnswers {

    private final AccountAccess access;

    AccountAnswers(AccountAccess access) {
        this.access = access;
    }

    /**
     * @param values the answer as the form's validation left it (top-level keys are variable names)
     * @param username the person answering
     * @throws InvalidFormValues naming {@code accountId} when they may not act on the account it names;
     *     nothing has changed then
     */
    void requireMayName(Map<String, Object> values, String username) {
        Long accountId = accountId(values.get(Blocks.ACCOUNT_ID));
        if (accountId == null) {
            return;
        }
        try {
            access.requireMayActOn(accountId, username);
        } catch (AccessDeniedException refused) {
            throw new InvalidFormValues(Map.of(
                    Blocks.ACCOUNT_ID,
                    "you may not point this step at account " + accountId + ": " + refused.getMessage()));
        }
    }

    /** A whole number, as a number or as digits (a text field), else null. */
    private static Long accountId(Object value) {
        try {
            if (value instanceof Number n) {
                return new BigDecimal(n.toString()).longValueExact();
            }
            if (value instanceof String s && s.strip().matches("\\d{1,18}")) {
                return Long.valueOf(s.strip());
            }
        } catch (ArithmeticException | NumberFormatException notAWholeNumber) {
            return null;
        }
        return null;
    }
}
