package dev.baton.imports;

import java.util.Collection;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ImportJobs extends JpaRepository<ImportJob, Long> {

    Page<ImportJob> findByKindIn(Collection<ImportKind> kinds, Pageable pageable);
}
