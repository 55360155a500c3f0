package dev.baton.notification;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface MailPreferences extends JpaRepository<MailPreference, Long> {

    /**
     * Digest subscribers not yet served {@code today}, locked so that a second app instance skips
     * them: each person gets one digest a day however many instances run.
     */
    @Query(
            value = "select * from notification_preference where daily_digest and (last_digest_on is null"
                    + " or last_digest_on < :today) order by person_id limit :limit for update skip locked",
            nativeQuery = true)
    List<MailPreference> lockDigestsDue(LocalDate today, int limit);
}
