package dev.baton.commitment;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;

/** The register's pages and counts, counted in parts (see {@link dev.baton.shared.PageQueries#countedInParts}). */
interface CommitmentPaging {

    /** The page with its account, people and team; the total from {@code countParts} (disjoint, same rows). */
    Page<Commitment> findPage(
            Specification<Commitment> spec, List<Specification<Commitment>> countParts, Pageable pageable);

    /** How many rows the disjoint filters match together. */
    long countInParts(List<Specification<Commitment>> parts);
}
