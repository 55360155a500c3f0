package dev.baton.lead;

/** Where a lead stands: {@code NEW → WORKING → MEETING_BOOKED | DISQUALIFIED | RECYCLED}; the last three are final. */
public enum LeadStatus {
    NEW,
    WORKING,
    MEETING_BOOKED,
    DISQUALIFIED,
    RECYCLED;

    public boolean closed() {
        return this == MEETING_BOOKED || this == DISQUALIFIED || this == RECYCLED;
    }
}
