package dev.baton.lead;

import java.time.Instant;

/**
 * A lead as the API and pages show it; the owner by id, user name and full name (the name pages show),
 * instants in UTC.
 */
public record LeadView(
        Long id,
        String company,
        String personName,
        String email,
        String phone,
        String source,
        String campaign,
        Integer score,
        String territory,
        String firstTouchSla,
        LeadStatus status,
        String outcomeReason,
        Long ownerId,
        String ownerUsername,
        String ownerName,
        Instant firstTouchDueAt,
        Instant firstTouchedAt,
        Instant closedAt,
        Long accountId,
        Long contactId,
        Instant createdAt,
        long version) {

    static LeadView from(Lead l) {
        return new LeadView(
                l.getId(),
                l.getCompany(),
                l.getPersonName(),
                l.getEmail(),
                l.getPhone(),
                l.getSource(),
                l.getCampaign(),
                l.getScore(),
                l.getTerritory(),
                l.getFirstTouchSla(),
                l.getStatus(),
                l.getOutcomeReason(),
                l.getOwner() == null ? null : l.getOwner().getId(),
                l.getOwner() == null ? null : l.getOwner().getUsername(),
                l.getOwner() == null ? null : l.getOwner().getFullName(),
                l.getFirstTouchDueAt(),
                l.getFirstTouchedAt(),
                l.getClosedAt(),
                l.getAccountId(),
                l.getContactId(),
                l.getCreatedAt(),
                l.getVersion());
    }

    /**
     * One line of a lead's history.
     *
     * @param byUsername who did it, null for what Baton did on its own (the assignment, a reminder)
     * @param byFullName their full name, as the lead's page shows it, null as {@code byUsername}
     */
    public record Activity(String kind, String summary, String byUsername, String byFullName, Instant occurredAt) {

        static Activity from(LeadActivity a) {
            return new Activity(
                    a.getKind().name(),
                    a.getSummary(),
                    a.getBy() == null ? null : a.getBy().getUsername(),
                    a.getBy() == null ? null : a.getBy().getFullName(),
                    a.getOccurredAt());
        }
    }

    /** A lead with its history, oldest first. */
    public record Details(LeadView lead, java.util.List<Activity> history) {}
}
