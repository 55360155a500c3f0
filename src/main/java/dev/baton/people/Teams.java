package dev.baton.people;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Teams extends JpaRepository<Team, Long> {

    Optional<Team> findByKey(String key);

    boolean existsByKey(String key);

    List<Team> findByKeyIn(Collection<String> keys);
}
