package dev.baton.task;

import dev.baton.audit.AuditLog;
import dev.baton.people.OwnedWork;
import dev.baton.people.Person;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open tasks as owned work: they move with a handover, and a person who still has some cannot be
 * deactivated (so no task waits on someone who has left). Only the row's assignee changes; the
 * engine's job carries no assignee that Baton reads again.
 */
@Service
@Order(3)
public class TaskTransfers implements OwnedWork {

  private static final String OPEN_OF = "from Task t where t.assignee = :assignee and t.status = :open";

  // queries here rather than on Tasks: the task package's repository belongs to the inbox's owner
  private final EntityManager em;
  private final AuditLog audit;

  TaskTransfers(EntityManager em, AuditLog audit) {
    this.em = em;
    this.audit = audit;
  }

  /**
   * Moves {@code from}'s open tasks about one account to {@code to}, in the caller's transaction.
   * Idempotent: a second call finds nothing left to move. Returns how many moved.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int transferOpen(String from, String to, Long accountId) {
    int moved = 0;
    List<Task> open = em.createQuery("select t " + OPEN_OF + " and t.accountId = :account", Task.class)
        .setParameter("assignee", from).setParameter("open", TaskStatus.OPEN).setParameter("account", accountId)
        .getResultList();
    for (Task task : open) {
      if (task.transferTo(to)) {
        audit.record("task.transferred", "task", task.getId(), accountId, Map.of("assignee", from), Map.of("assignee", to));
        moved++;
      }
    }
    return moved;
  }

  /** Open task ids assigned to the person, for a handover's orphan check. */
  @Transactional(readOnly = true)
  public List<Long> openAssignedTo(String username) {
    return em.createQuery("select t.id " + OPEN_OF + " order by t.id", Long.class)
        .setParameter("assignee", username).setParameter("open", TaskStatus.OPEN).getResultList();
  }

  @Override
  @Transactional(readOnly = true)
  public long countOwnedBy(Person person) {
    return em.createQuery("select count(t) " + OPEN_OF, Long.class)
        .setParameter("assignee", person.getUsername()).setParameter("open", TaskStatus.OPEN).getSingleResult();
  }

  @Override
  public String noun() {
    return "open tasks";
  }
}
