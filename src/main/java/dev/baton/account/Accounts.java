package dev.baton.account;

import dev.baton.people.Person;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface Accounts extends JpaRepository<Account, Long>, JpaSpecificationExecutor<Account> {

  long countByOwner(Person owner);
}
