package dev.baton.handover;

import dev.baton.people.Person;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Handovers extends JpaRepository<Handover, Long> {

    boolean existsByDepartingAndStatusIn(Person departing, Collection<HandoverStatus> statuses);

    Page<Handover> findByDepartingIdIn(Collection<Long> departingIds, Pageable page);

    List<Handover> findByStatusAndCreatedAtBeforeOrderById(HandoverStatus status, Instant before);
}
