package dev.baton.stewardship;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;

/** One owner's periodic review of their contacts not verified within the window; closed when every outcome is in. */
@Entity
public class StewardshipReview {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, updatable = false)
    Long ownerId;

    @Column(nullable = false, updatable = false)
    Instant openedAt;

    Instant closedAt;

    @Version
    long version;

    protected StewardshipReview() {}

    void close(Instant at) {
        if (closedAt == null) {
            closedAt = at;
        }
    }

    public Long getId() {
        return id;
    }

    public Long getOwnerId() {
        return ownerId;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }
}
