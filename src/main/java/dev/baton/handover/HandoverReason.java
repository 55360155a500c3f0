package dev.baton.handover;

/** Why a book moves; it decides whether the departing person is copied on the customer introduction. */
public enum HandoverReason {
    LEAVING(false),
    ROLE_CHANGE(true),
    LEAVE_OF_ABSENCE(false),
    TERRITORY_CHANGE(true);

    private final boolean departingStaysReachable;

    HandoverReason(boolean departingStaysReachable) {
        this.departingStaysReachable = departingStaysReachable;
    }

    /** Still in the company and reachable, so the customer may see them in copy of the introduction. */
    public boolean copiesDepartingOnIntroduction() {
        return departingStaysReachable;
    }
}
