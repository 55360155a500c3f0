package dev.baton.imports;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ImportJobs extends JpaRepository<ImportJob, Long> {}
