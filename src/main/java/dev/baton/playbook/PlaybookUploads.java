package dev.baton.playbook;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PlaybookUploads extends JpaRepository<PlaybookUpload, Long> {

    List<PlaybookUpload> findAllByOrderByIdDesc();
}
