package dev.baton;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.web.bind.annotation.RestController;

/** Package rules from CONVENTIONS.md, checked on the production classes. */
@AnalyzeClasses(packages = "dev.baton", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    /**
     * A feature's engine adapters (workers, start and message senders) live in its {@code engine}
     * subpackage; the shared {@code dev.baton.engine} module holds the embedding, the deployment and
     * the user-task bridge. Everything else speaks Baton's terms, so the engine can be replaced (or
     * user tasks moved to Camunda user tasks) without touching a feature's logic.
     */
    @ArchTest
    static final ArchRule onlyEnginePackagesTalkToCamunda = noClasses()
            .that()
            .resideOutsideOfPackages("dev.baton.engine..", "dev.baton.*.engine..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.camunda..")
            .because("io.camunda is used only in engine packages");

    /** Features talk through services; one feature's controllers are not another's API. */
    @ArchTest
    static final ArchRule noFeatureUsesAnotherFeaturesWebPackage = noClasses()
            .that()
            .resideInAPackage("dev.baton..")
            .should(dependOnAnotherFeaturesWebPackage())
            .because("a feature's web package is its HTTP edge, not a library for other features");

    /**
     * Other features ask the people module through its services ({@code PeopleLookup}, {@code
     * PeopleService}, {@code TeamService}, ...), never its repositories: its tables stay its own.
     * Tests outside the module may still seed through them (only production classes are checked).
     */
    @ArchTest
    static final ArchRule onlyThePeopleModuleReadsItsTables = noClasses()
            .that()
            .resideOutsideOfPackage("dev.baton.people..")
            .should()
            .dependOnClassesThat()
            .haveNameMatching("dev\\.baton\\.people\\.(People|Teams|Absences)")
            .because("a feature asks another through its published services, not its repositories");

    /**
     * Entity fields are package-private so that Hibernate can build its generated accessors (see
     * EntityAccessIntegrationTests), not for other classes to use: a lazy relation is a proxy whose
     * own fields stay empty, so only the entity's methods may read or write its fields.
     */
    @ArchTest
    static final ArchRule onlyAnEntityTouchesItsFields = noClasses()
            .should()
            .accessFieldWhere(DescribedPredicate.describe(
                    "another class's entity field",
                    (JavaFieldAccess access) -> !access.getOriginOwner().equals(access.getTargetOwner())
                            && access.getTargetOwner().isAnnotatedWith(Entity.class)
                            && access.getTarget()
                                    .resolveMember()
                                    .map(f -> !f.getModifiers().contains(JavaModifier.STATIC))
                                    .orElse(true)))
            .because("an entity's state is reached through its methods: a lazy proxy's fields are empty");

    @ArchTest
    static final ArchRule controllersDoNotReturnEntities = methods()
            .that()
            .areDeclaredInClassesThat()
            .areAnnotatedWith(RestController.class)
            .and()
            .areNotPrivate()
            .should(notReturnAnEntity())
            .because("entities hold lazy relations and internal state: the API returns records")
            .allowEmptyShould(true); // until the first REST controller lands

    private static final Pattern WEB = Pattern.compile("^dev\\.baton\\.([a-z0-9]+)\\.web(\\..*)?$");
    private static final Pattern FEATURE = Pattern.compile("^dev\\.baton\\.([a-z0-9]+)(\\..*)?$");

    private static ArchCondition<JavaClass> dependOnAnotherFeaturesWebPackage() {
        return new ArchCondition<>("depend on another feature's web package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String feature = group(FEATURE, origin.getPackageName());
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    String webOf = group(WEB, dependency.getTargetClass().getPackageName());
                    if (webOf != null && !webOf.equals(feature)) {
                        events.add(SimpleConditionEvent.satisfied(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaMethod> notReturnAnEntity() {
        DescribedPredicate<JavaClass> entity =
                DescribedPredicate.describe("entity", c -> c.isAnnotatedWith(Entity.class));
        return new ArchCondition<>("not return an entity, or a collection or response of entities") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                if (typesIn(method.getReturnType()).anyMatch(entity)) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName() + " returns an entity"));
                }
            }
        };
    }

    /** The type and, for ResponseEntity&lt;List&lt;Account&gt;&gt; and the like, its type arguments. */
    private static Stream<JavaClass> typesIn(JavaType type) {
        Stream<JavaClass> arguments = type instanceof JavaParameterizedType parameterized
                ? parameterized.getActualTypeArguments().stream().flatMap(ArchitectureTests::typesIn)
                : Stream.empty();
        return Stream.concat(Stream.of(type.toErasure()), arguments);
    }

    private static String group(Pattern pattern, String packageName) {
        Matcher matcher = pattern.matcher(packageName);
        return matcher.matches() ? matcher.group(1) : null;
    }
}
