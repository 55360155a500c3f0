package dev.baton.task;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface Tasks extends JpaRepository<Task, Long>, JpaSpecificationExecutor<Task> {

  Optional<Task> findByJobKey(long jobKey);

  /** Tasks assigned to one of {@code assignees}, or offered to one of {@code teams} (only unclaimed ones if asked). */
  @Query(
      """
      select t from Task t where t.status in :statuses and (t.assignee in :assignees
        or ((:teamUnclaimedOnly = false or t.assignee is null)
            and exists (select 1 from Task c join c.candidateGroups g where c = t and g in :teams)))
      """)
  Page<Task> findVisible(
      Collection<String> assignees,
      Collection<String> teams,
      boolean teamUnclaimedOnly,
      Collection<TaskStatus> statuses,
      Pageable page);

  // Row locks that other app instances skip: each owed engine call is made by one instance only.

  @Query(value = "select * from task where id = :id and status = 'COMPLETING' for update skip locked", nativeQuery = true)
  Optional<Task> lockCompletingById(long id);

  @Query(
      value = "select * from task where status = 'COMPLETING' order by completed_at limit :limit for update skip locked",
      nativeQuery = true)
  List<Task> lockCompleting(int limit);

  @Query(
      value =
          "select * from task where status = 'OPEN' and lock_expires_at < :before"
              + " order by lock_expires_at limit :limit for update skip locked",
      nativeQuery = true)
  List<Task> lockOpenExpiringBefore(Instant before, int limit);
}
