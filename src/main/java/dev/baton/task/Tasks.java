package dev.baton.task;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface Tasks extends JpaRepository<Task, Long>, JpaSpecificationExecutor<Task> {

  Optional<Task> findByJobKey(long jobKey);
}
