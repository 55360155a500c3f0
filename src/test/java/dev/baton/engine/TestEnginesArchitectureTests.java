package dev.baton.engine;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;

/**
 * Every in-memory engine of the JVM answers through {@link OneResponseAtATime}, tests included: one
 * engine built around it lets its answers be replaced by another's ({@link InMemoryEngineTest} says
 * how a CI run met that).
 */
@AnalyzeClasses(packages = "dev.baton")
class TestEnginesArchitectureTests {

    @ArchTest
    static final ArchRule processTestsUseInMemoryEngineTest = noClasses()
            .should()
            .beAnnotatedWith(ZeebeProcessTest.class)
            .because("its engine answers without OneResponseAtATime: use @InMemoryEngineTest");

    @ArchTest
    static final ArchRule onlyInMemoryEnginesBuildEngines = noClasses()
            .that()
            .doNotHaveFullyQualifiedName(InMemoryEngines.class.getName())
            .should()
            .callMethodWhere(target(owner(equivalentTo(EngineFactory.class))))
            .because("InMemoryEngines puts OneResponseAtATime before the library's response writer");
}
