package dev.baton.notification;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface MailPreferences extends JpaRepository<MailPreference, Long> {

    /**
     * Digest subscribers possibly due, in person-id order after {@code afterPersonId}, without locks:
     * those not yet served on {@code latestDay} (today where it is latest; whether each is due is judged
     * in their own zone by the caller, who then claims the due ones with {@link #lockDigestSubscribers}).
     */
    @Query(
            value = "select * from notification_preference where daily_digest and (last_digest_on is null"
                    + " or last_digest_on < :latestDay) and person_id > :afterPersonId order by person_id limit :limit",
            nativeQuery = true)
    List<MailPreference> digestCandidates(LocalDate latestDay, long afterPersonId, int limit);

    /**
     * The digest subscribers among {@code personIds}, locked; rows another instance holds are skipped,
     * so each person gets one digest a day however many instances run (check {@link
     * MailPreference#digestDueOn} on the locked row: another instance may have served it meanwhile).
     */
    @Query(
            value = "select * from notification_preference where daily_digest and person_id in (:personIds)"
                    + " order by person_id for update skip locked",
            nativeQuery = true)
    List<MailPreference> lockDigestSubscribers(Collection<Long> personIds);
}
