package dev.baton.playbook;

import org.springframework.data.jpa.repository.JpaRepository;

interface PlaybookRetirements extends JpaRepository<PlaybookRetirement, String> {}
