package dev.baton.people;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface People extends JpaRepository<Person, Long>, JpaSpecificationExecutor<Person> {

  Optional<Person> findByUsername(String username);

  Optional<Person> findByEmailIgnoreCase(String email);

  boolean existsByUsername(String username);

  boolean existsByEmailIgnoreCase(String email);

  List<Person> findByManager(Person manager);
}
