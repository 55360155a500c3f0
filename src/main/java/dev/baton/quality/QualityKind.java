package dev.baton.quality;

/** What is wrong, and the one-click fix each offers (verify, merge, assign) where there is one. */
public enum QualityKind {
    STALE_CONTACT("Stale contacts", "verify"),
    DUPLICATE_CONTACTS("Likely duplicate contacts", "merge"),
    UNREACHABLE_CONTACT("Contacts with neither e-mail nor phone", null),
    ACCOUNT_WITHOUT_OWNER("Accounts without an owner", "assign"),
    ACCOUNT_OWNER_INACTIVE("Accounts owned by someone who left", "assign"),
    ACCOUNT_WITHOUT_PRIMARY_CONTACT("Accounts without a primary contact", null),
    COMMITMENT_WITHOUT_ACTIVE_OWNER("Open commitments without an active owner", "assign");

    private final String title;
    private final String fix;

    QualityKind(String title, String fix) {
        this.title = title;
        this.fix = fix;
    }

    public String getTitle() {
        return title;
    }

    /** {@code verify}, {@code merge}, {@code assign} or null (fixed on the account's page). */
    public String getFix() {
        return fix;
    }
}
