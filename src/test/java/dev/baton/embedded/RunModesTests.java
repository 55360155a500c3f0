package dev.baton.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.mock.env.MockEnvironment;

/** The packaged jar has neither the in-memory engine nor embedded PostgreSQL on its class path. */
class RunModesTests {

    SpringApplication application = new SpringApplication();
    List<ApplicationContextInitializer<?>> before = List.copyOf(application.getInitializers());

    @Test
    void aJarWithNothingConfiguredStopsWithOneMessageNamingEachServiceToConfigure() {
        MockEnvironment env = new MockEnvironment();

        new RunModes(className -> false).postProcessEnvironment(env, application);

        MissingExternalService failure = catchThrowableOfType(MissingExternalService.class, this::startContext);
        FailureAnalysis analysis = new MissingExternalService.Analyzer().analyze(failure);
        assertThat(analysis.getDescription())
                .contains(
                        "no CAMUNDA_CLIENT_GRPCADDRESS set and this jar has no in-memory engine",
                        "no SPRING_DATASOURCE_URL set and this jar has no embedded PostgreSQL");
        assertThat(analysis.getAction()).contains("./mvnw spring-boot:run");
        assertThat(env.getProperty("baton.embedded.engine.enabled", Boolean.class))
                .isFalse();
        assertThat(env.getProperty("baton.embedded.postgres.enabled", Boolean.class))
                .isFalse();
    }

    @Test
    void aJarWithOnlyTheDatabaseConfiguredAsksForTheClusterAlone() {
        MockEnvironment env = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/baton");

        new RunModes(className -> false).postProcessEnvironment(env, application);

        assertThat(catchThrowableOfType(MissingExternalService.class, this::startContext))
                .hasMessageContaining("CAMUNDA_CLIENT_GRPCADDRESS")
                .hasMessageNotContaining("SPRING_DATASOURCE_URL");
    }

    @Test
    void aJarOnExternalServicesStarts() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db/baton")
                .withProperty("camunda.client.grpc-address", "http://camunda:26500");

        new RunModes(className -> false).postProcessEnvironment(env, application);

        assertThat(application.getInitializers()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void theSandboxRunsEverythingEmbeddedWhereTheClassesAreThere() {
        MockEnvironment env = new MockEnvironment();

        new RunModes(className -> true).postProcessEnvironment(env, application);

        assertThat(application.getInitializers()).containsExactlyInAnyOrderElementsOf(before);
        assertThat(env.getProperty("baton.embedded.engine.enabled", Boolean.class))
                .isTrue();
        assertThat(env.getProperty("baton.embedded.postgres.enabled", Boolean.class))
                .isTrue();
        assertThat(env.getProperty("camunda.client.auth.method")).isEqualTo("none");
    }

    @Test
    void aConfiguredClusterKeepsTheAuthenticationItIsGivenOrTheClientsDefault() {
        MockEnvironment env =
                new MockEnvironment().withProperty("camunda.client.grpc-address", "https://camunda:26500");

        new RunModes(className -> true).postProcessEnvironment(env, application);

        assertThat(env.getProperty("baton.embedded.engine.enabled", Boolean.class))
                .isFalse();
        assertThat(env.getProperty("camunda.client.auth.method")).isNull();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void startContext() {
        application.getInitializers().stream()
                .filter(i -> !before.contains(i))
                .forEach(i -> ((ApplicationContextInitializer) i).initialize(null));
    }
}
