package dev.baton.people;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface People extends JpaRepository<Person, Long>, JpaSpecificationExecutor<Person> {

  Optional<Person> findByUsername(String username);

  Optional<Person> findByEmailIgnoreCase(String email);

  @Query("select p.id from Person p where p.active = false")
  List<Long> findIdsByActiveFalse();

  boolean existsByUsername(String username);

  boolean existsByEmailIgnoreCase(String email);

  List<Person> findByManager(Person manager);
}
