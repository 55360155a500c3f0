package dev.baton.task;

import dev.baton.shared.PageQueries;
import jakarta.persistence.EntityManager;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;

/** Spring Data's implementation of {@link TaskPaging} for {@link Tasks}. */
class TaskPagingImpl implements TaskPaging {

    private final EntityManager em;

    TaskPagingImpl(EntityManager em) {
        this.em = em;
    }

    @Override
    public Page<Task> findPage(Specification<Task> spec, Pageable pageable) {
        // the page's candidate groups and users in the same query as its tasks (a task has few of each)
        return PageQueries.oneScan(em, Task.class, spec, pageable, "candidateGroups", "candidateUsers");
    }
}
