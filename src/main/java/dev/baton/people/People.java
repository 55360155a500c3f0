package dev.baton.people;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface People extends JpaRepository<Person, Long>, JpaSpecificationExecutor<Person> {

    /**
     * With the team and roles in the same query: the inbox's viewer and every task step read the person
     * this way, and the two would otherwise be a query each. JPQL with fetch
     * joins, not an entity graph: Hibernate 6.6 caches a JPQL string's SQL, but translates a query with
     * an entity graph (or a derived query) anew on every call, a CPU cost on every task and sign-in.
     */
    @Query("select p from Person p left join fetch p.team left join fetch p.roles where p.username = :username")
    Optional<Person> findByUsername(String username);

    Optional<Person> findByEmailIgnoreCase(String email);

    List<Person> findByFullNameIgnoreCaseAndActiveTrueOrderByUsername(String fullName);

    /**
     * The active members of the teams with these keys and the active people with these user names, each
     * once, with team and roles: one query however big the teams. Neither collection may be empty (SQL
     * has no empty {@code in}); {@link PeopleLookup#activeInTeamsOrNamed} is the API.
     */
    @Query("select distinct p from Person p left join fetch p.team t left join fetch p.roles"
            + " where p.active = true and (t.key in :teamKeys or p.username in :usernames)")
    List<Person> findActiveInTeamsOrNamed(
            java.util.Collection<String> teamKeys, java.util.Collection<String> usernames);

    @Query("select p.id from Person p where p.username in :usernames")
    List<Long> findIdsByUsernameIn(java.util.Collection<String> usernames);
    /** As {@link #findByUsername}, holding the person's row until the transaction ends: serialises their writes. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Person p where p.username = :username")
    Optional<Person> lockByUsername(String username);

    boolean existsByUsername(String username);

    boolean existsByEmailIgnoreCase(String email);

    List<Person> findByManager(Person manager);

    long countByManagerAndActiveTrue(Person manager);

    /**
     * The user names of everyone below the manager in the reporting chain (their reports, their
     * reports' reports, ...), active or not. {@code union} (not {@code union all}) ends a loop in
     * the data. The rule is {@link ReportingLines}'; use it, not this query.
     */
    @Query(
            value = "with recursive line(id) as (select id from person where manager_id = :managerId"
                    + " union select p.id from person p join line l on p.manager_id = l.id)"
                    + " select username from person where id in (select id from line)",
            nativeQuery = true)
    List<String> findUsernamesInLineOf(long managerId);

    /** {@link #findUsernamesInLineOf}, by person id. The rule is {@link ReportingLines}'; use it, not this query. */
    @Query(
            value = "with recursive line(id) as (select id from person where manager_id = :managerId"
                    + " union select p.id from person p join line l on p.manager_id = l.id)"
                    + " select id from line",
            nativeQuery = true)
    List<Long> findIdsInLineOf(long managerId);

    /** The active people with the role, by user name. {@link PeopleLookup#activeWithRole} is the API. */
    @Query("select p from Person p where p.active = true and :role member of p.roles order by p.username")
    List<Person> findActiveWithRole(Role role);

    /** Active people with the role, e.g. to keep at least one active admin. */
    @Query("select count(p) from Person p where p.active = true and :role member of p.roles")
    long countActiveWithRole(Role role);

    /** Active people with the role apart from {@code except} (not empty): who still has it once those lose it. */
    @Query("select count(p) from Person p where p.active = true and :role member of p.roles and p.id not in :except")
    long countActiveWithRoleExcept(Role role, java.util.Collection<Long> except);
}
