package dev.baton.people;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Teams extends JpaRepository<Team, Long> {

    Optional<Team> findByKey(String key);

    boolean existsByKey(String key);
}
