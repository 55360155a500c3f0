package dev.baton.account;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Contacts extends JpaRepository<Contact, Long> {

  List<Contact> findByAccountIdOrderByFullName(Long accountId);

  Optional<Contact> findByAccountIdAndPrimaryTrue(Long accountId);
}
