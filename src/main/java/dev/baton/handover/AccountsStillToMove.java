package dev.baton.handover;

import dev.baton.account.Account;
import dev.baton.account.PendingHandovers;
import java.util.Optional;
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
    public Optional<String> whyNotMoveNow(Account account) {
        return items.findStillToMove(account.getId()).stream()
                .findFirst()
                .map(item -> account.getName()
                        + " is being handed over from "
                        + item.getHandover().getDeparting().getFullName()
                        + (item.getSuccessor() == null
                                ? ""
                                : " to " + item.getSuccessor().getFullName())
                        + ": change its successor in that handover, or cancel the handover, first");
    }
}
