package dev.baton.people;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Absences extends JpaRepository<Absence, Long> {

    /** The person's absences sharing a day with {@code from}..{@code to} (both included), earliest first. */
    List<Absence> findByPersonIdAndStartsOnLessThanEqualAndEndsOnGreaterThanEqualOrderByStartsOn(
            Long personId, LocalDate to, LocalDate from);

    /**
     * The person's absences that have not ended by {@code day}, soonest first (asked for every new
     * task: JPQL, whose SQL Hibernate caches, see People#findByUsername).
     */
    @Query("select a from Absence a join fetch a.person p join fetch a.delegate"
            + " where p.username = :username and a.endsOn >= :day order by a.startsOn")
    List<Absence> findByPersonUsernameAndEndsOnGreaterThanEqualOrderByStartsOn(String username, LocalDate day);

    /** The absences {@code delegateId} covers that have not ended by {@code day}, soonest first. */
    @EntityGraph(attributePaths = {"person"})
    List<Absence> findByDelegateIdAndEndsOnGreaterThanEqualOrderByStartsOn(Long delegateId, LocalDate day);

    /** Everyone's absences that have not ended by {@code day}, soonest first. */
    @EntityGraph(attributePaths = {"person", "delegate"})
    List<Absence> findByEndsOnGreaterThanEqualOrderByStartsOn(LocalDate day);

    /** Everyone away on {@code day} (starts on or before, ends on or after). */
    @EntityGraph(attributePaths = {"person", "delegate"})
    List<Absence> findByStartsOnLessThanEqualAndEndsOnGreaterThanEqualOrderByEndsOn(LocalDate day, LocalDate sameDay);
}
