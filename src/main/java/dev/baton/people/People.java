package dev.baton.people;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface People extends JpaRepository<Person, Long>, JpaSpecificationExecutor<Person> {

  Optional<Person> findByUsername(String username);

  /** As {@link #findByUsername}, holding the person's row until the transaction ends: serialises their writes. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select p from Person p where p.username = :username")
  Optional<Person> lockByUsername(String username);

  boolean existsByUsername(String username);

  boolean existsByEmailIgnoreCase(String email);

  List<Person> findByManager(Person manager);
}
