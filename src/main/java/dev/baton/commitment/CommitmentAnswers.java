package dev.baton.commitment;

import org.springframework.data.jpa.repository.JpaRepository;

interface CommitmentAnswers extends JpaRepository<CommitmentAnswer, Long> {}
