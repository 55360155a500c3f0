package dev.baton.commitment;

import dev.baton.shared.PageQueries;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;

/** Spring Data's implementation of {@link CommitmentPaging} for {@link Commitments}. */
class CommitmentPagingImpl implements CommitmentPaging {

    private final EntityManager em;

    CommitmentPagingImpl(EntityManager em) {
        this.em = em;
    }

    @Override
    public Page<Commitment> findPage(
            Specification<Commitment> spec, List<Specification<Commitment>> countParts, Pageable pageable) {
        return PageQueries.countedInParts(
                em, Commitment.class, spec, countParts, pageable, "account", "madeBy", "owner", "deliveringTeam");
    }

    @Override
    public long countInParts(List<Specification<Commitment>> parts) {
        return PageQueries.count(em, Commitment.class, parts);
    }
}
