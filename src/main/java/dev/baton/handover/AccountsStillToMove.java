package dev.baton.handover;

import dev.baton.account.PendingHandovers;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The accounts a starting or running handover has not moved yet, for {@link PendingHandovers}. */
@Component
class AccountsStillToMove implements PendingHandovers {

    private final HandoverItems items;

    AccountsStillToMove(HandoverItems items) {
        this.items = items;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, String> whyNotMoveNow(Collection<Long> accountIds) {
        Map<Long, String> why = new HashMap<>();
        if (accountIds.isEmpty()) {
            return why;
        }
        for (HandoverItem item : items.findStillToMove(accountIds)) {
            why.put(
                    item.getAccount().getId(),
                    item.getAccount().getName() + " is being handed over from "
                            + item.getHandover().getDeparting().getFullName()
                            + (item.getSuccessor() == null
                                    ? ": choose its successor in that handover, or cancel the handover, first"
                                    : " to " + item.getSuccessor().getFullName()
                                            + ": change its successor in that handover, or cancel the handover,"
                                            + " first"));
        }
        return why;
    }
}
