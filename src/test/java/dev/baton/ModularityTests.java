package dev.baton;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each top-level package under {@code dev.baton} is a Spring Modulith module: no cycles between
 * modules, and a module uses another only through its published API (its base package and named
 * interfaces), never its {@code web} or {@code engine} internals.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(BatonApplication.class);

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersPublishedApi() {
        MODULES.verify();
    }

    /** Writes the module canvases and C4 diagrams to target/spring-modulith-docs (linked from the README). */
    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES).writeDocumentation();
    }
}
