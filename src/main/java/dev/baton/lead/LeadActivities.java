package dev.baton.lead;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface LeadActivities extends JpaRepository<LeadActivity, Long> {

    List<LeadActivity> findByLeadIdOrderByOccurredAtAscIdAsc(Long leadId);

    boolean existsByLeadIdAndKindAndSummary(Long leadId, LeadActivity.Kind kind, String summary);
}
