package dev.baton.engine;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Baton's own record of the incidents it raised for user-task jobs, newest first. */
public interface JobProblems extends JpaRepository<JobProblem, Long> {

    boolean existsByJobKey(long jobKey);

    List<JobProblem> findTop200ByOrderByCreatedAtDescIdDesc();
}
