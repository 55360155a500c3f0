package dev.baton.account;

import dev.baton.audit.AuditEvent;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/** One entry of an account's story: a logged interaction, a commitment event, or another recorded change. */
public record TimelineItem(String type, Instant when, String who, String summary) {

  public static final String INTERACTION = "INTERACTION";
  public static final String COMMITMENT = "COMMITMENT";
  public static final String CHANGE = "CHANGE";

  /** jsonb does not keep key order: say what the thing is first, then the rest alphabetically. */
  private static final List<String> LEADING = List.of("name", "fullName", "description", "status");
  private static final Comparator<String> READING_ORDER = Comparator
      .comparingInt((String field) -> LEADING.contains(field) ? LEADING.indexOf(field) : LEADING.size())
      .thenComparing(Comparator.naturalOrder());

  static TimelineItem of(Interaction i) {
    String with = i.getContact() == null ? "" : " with " + i.getContact().getFullName();
    return new TimelineItem(INTERACTION, i.getOccurredAt(), i.getBy().getUsername(), i.getKind() + with + ": " + i.getSummary());
  }

  /** "commitment 7 accepted: status PROPOSED → ACCEPTED", from the event's before/after fields. */
  static TimelineItem of(AuditEvent e) {
    String verb = e.getAction().substring(e.getAction().indexOf('.') + 1);
    String type = "commitment".equals(e.getEntityType()) ? COMMITMENT : CHANGE;
    return new TimelineItem(type, e.getAt(), e.getActor(),
        e.getEntityType() + " " + e.getEntityId() + " " + verb + describe(e.getBeforeState(), e.getAfterState()));
  }

  private static String describe(Map<String, Object> before, Map<String, Object> after) {
    if (after == null) {
      return "";
    }
    StringJoiner changes = new StringJoiner(", ", ": ", "").setEmptyValue("");
    after.keySet().stream().sorted(READING_ORDER).forEach(field -> {
      Object value = after.get(field);
      if (before == null && value != null) {
        changes.add(field + " " + value);
      } else if (before != null && !Objects.equals(before.get(field), value)) {
        changes.add(field + " " + before.get(field) + " → " + value);
      }
    });
    return changes.toString();
  }
}
