package dev.baton.playbook;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PlaybookUploads extends JpaRepository<PlaybookUpload, Long> {

    List<PlaybookUpload> findAllByOrderByIdDesc();

    /** An upload's id and the process ids it deployed (comma-separated), without its files. */
    interface Ids {
        Long getId();

        String getProcessIds();
    }

    @Query("select u.id as id, u.processIds as processIds from PlaybookUpload u order by u.id desc")
    List<Ids> findIdsNewestFirst();
}
