package dev.baton.account;

import dev.baton.audit.AuditEvents;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's story in one list, newest first: logged interactions, plus what the audit log
 * recorded for the account (commitments made and their status changes, edits, transfers).
 */
@Service
public class Timeline {

  private final AccountService accounts;
  private final Interactions interactions;
  private final AuditEvents events;

  Timeline(AccountService accounts, Interactions interactions, AuditEvents events) {
    this.accounts = accounts;
    this.interactions = interactions;
    this.events = events;
  }

  @Transactional(readOnly = true)
  public List<TimelineItem> of(Long accountId) {
    accounts.account(accountId);
    Stream<TimelineItem> logged = interactions.findByAccountIdOrderByOccurredAtDesc(accountId).stream()
        .map(TimelineItem::of);
    // an interaction's own audit event would only repeat the interaction
    Stream<TimelineItem> recorded = events.findByAccountIdOrderByAt(accountId).stream()
        .filter(e -> !"interaction".equals(e.getEntityType()))
        .map(TimelineItem::of);
    return Stream.concat(logged, recorded).sorted(Comparator.comparing(TimelineItem::when).reversed()).toList();
  }
}
