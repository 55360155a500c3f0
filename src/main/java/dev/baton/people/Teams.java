package dev.baton.people;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Teams extends JpaRepository<Team, Long> {

    Optional<Team> findByKey(String key);

    boolean existsByKey(String key);

    List<Team> findByKeyIn(Collection<String> keys);

    /** The keys among {@code keys} of teams with at least one active member. {@link TeamService#staffed} is the API. */
    @Query("select distinct t.key from Person p join p.team t where p.active = true and t.key in :keys")
    List<String> findKeysWithActiveMember(Collection<String> keys);
}
