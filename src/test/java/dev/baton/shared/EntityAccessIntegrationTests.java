package dev.baton.shared;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Hibernate reads and writes every entity's fields through a generated accessor class (its
 * reflection optimizer), not through {@code java.lang.reflect.Field}: it builds one only when no
 * persistent field is private, so entity fields are package-private. Reflective field access was
 * about 9 % of the handover benchmark's CPU samples (JFR, session 13).
 */
@SpringBootTest
class EntityAccessIntegrationTests {

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Test
    void everyEntityIsReadAndWrittenThroughGeneratedAccessors() {
        var metamodel =
                entityManagerFactory.unwrap(SessionFactoryImplementor.class).getMappingMetamodel();
        var entities = metamodel.streamEntityDescriptors().toList();

        assertThat(entities).hasSizeGreaterThan(20);
        assertThat(entities)
                .filteredOn(e -> e.getRepresentationStrategy().getReflectionOptimizer() == null
                        || e.getRepresentationStrategy()
                                        .getReflectionOptimizer()
                                        .getAccessOptimizer()
                                == null)
                .extracting(e -> e.getMappedClass().getSimpleName())
                .as("entities Hibernate reaches by reflection (a private field?)")
                .isEmpty();
    }
}
