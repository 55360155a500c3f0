package dev.baton.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.baton.engine.EngineIncidents;
import dev.baton.shared.BadRequestException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.domain.Pageable;

/** On a Camunda cluster Baton cannot read incidents: every answer says "not known", never "none". */
class StuckRunsTests {

    final PlaybookInstances instances = mock(PlaybookInstances.class);
    final StuckRuns onACluster = new StuckRuns(
            new StaticListableBeanFactory().getBeanProvider(EngineIncidents.class), null, instances, null);

    @Test
    void saysStuckRunsAreNotKnownOnACluster() {
        assertThat(onACluster.known()).isFalse();
        assertThat(onACluster.countsByProcess()).isEmpty();
        assertThat(onACluster.of(1L)).isEmpty();
        assertThatThrownBy(() -> onACluster.runs("renewal", true, 10))
                .isInstanceOfSatisfying(
                        BadRequestException.class,
                        e -> assertThat(e.getFieldErrors()).containsOnlyKeys("stuck"));
    }

    @Test
    void listsRunsWithIncidentsNotKnownOnACluster() {
        PlaybookInstance run = mock(PlaybookInstance.class);
        when(instances.findByBpmnProcessIdAndCalledByIsNullOrderByStartedAtDesc(eq("renewal"), any(Pageable.class)))
                .thenReturn(List.of(run));

        assertThat(onACluster.runs("renewal", false, 10))
                .singleElement()
                .satisfies(r -> assertThat(r.incidents()).isNull());
    }
}
