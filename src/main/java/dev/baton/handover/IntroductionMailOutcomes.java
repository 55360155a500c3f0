package dev.baton.handover;

import dev.baton.account.IntroductionOutcomes;
import dev.baton.notification.Outbox;
import dev.baton.notification.OutboxStatus;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The outbox's word on each account's introduction mail ({@link HandoverMails#introKey}), for its timeline. */
@Component
class IntroductionMailOutcomes implements IntroductionOutcomes {

    private final Outbox outbox;

    IntroductionMailOutcomes(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Standing> of(Collection<Long> handoverItemIds) {
        if (handoverItemIds.isEmpty()) {
            return Map.of();
        }
        List<String> keys =
                handoverItemIds.stream().map(HandoverMails::introKey).toList();
        Map<String, OutboxStatus> status = outbox.statusOf(keys);
        Map<String, Outbox.Queued> held = outbox.holding(keys);
        Map<Long, Standing> outcomes = new HashMap<>();
        for (Long id : handoverItemIds) {
            OutboxStatus s = status.get(HandoverMails.introKey(id));
            if (s != null) {
                Outbox.Queued mail = held.get(HandoverMails.introKey(id));
                outcomes.put(
                        id,
                        new Standing(
                                switch (s) {
                                    case PENDING -> Outcome.WAITING;
                                    case SENT -> Outcome.SENT;
                                    case FAILED -> Outcome.FAILED;
                                    case WITHDRAWN -> Outcome.WITHDRAWN;
                                },
                                s == OutboxStatus.SENT && mail != null ? mail.sentAt() : null));
            }
        }
        return outcomes;
    }
}
