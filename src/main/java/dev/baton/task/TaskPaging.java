package dev.baton.task;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;

/** The inbox's pages, read in one pass over the matching tasks (see {@link dev.baton.shared.PageQueries#oneScan}). */
interface TaskPaging {

    Page<Task> findPage(Specification<Task> spec, Pageable pageable);
}
