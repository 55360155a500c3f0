package dev.baton.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Nobody runs Docker here, so docker-compose.yml is checked by reading it: Baton's service must
 * point at services and ports that the file really defines. Placeholders count with their default.
 */
class ComposeFileTests {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Z_]+:-([^}]*)}");

    static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
            services = (Map<String, Map<String, Object>>)
                    new Yaml().<Map<String, Object>>load(reader).get("services");
        }
    }

    @Test
    void definesBatonAndTheServicesItNeeds() {
        assertThat(services).containsKeys("baton", "camunda", "elasticsearch", "postgres", "mailpit");
    }

    @Test
    void runsTheCamunda88ClusterOfTheClientVersionInPom() throws IOException {
        Matcher version = Pattern.compile("<camunda\\.version>([^<]+)</camunda\\.version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(version.find()).as("pom.xml sets camunda.version").isTrue();

        assertThat(version.group(1)).startsWith("8.8.");
        assertThat(services.get("camunda").get("image")).isEqualTo("camunda/camunda:" + version.group(1));
    }

    @Test
    void batonWaitsUntilTheClusterIsReadyNotOnlyListening() {
        assertThat(services.get("baton").get("depends_on"))
                .asInstanceOf(InstanceOfAssertFactories.MAP)
                .extractingByKey("camunda")
                .isEqualTo(Map.of("condition", "service_healthy"));
        assertThat(String.join(" ", healthcheck("camunda"))).contains("/actuator/health/readiness", " 200 ");
    }

    @Test
    void publishesPortsOnThisMachineOnly() {
        services.forEach((name, service) -> assertThat(entries(service, "ports"))
                .as(name + " ports")
                .allSatisfy(port -> assertThat(resolve(String.valueOf(port))).startsWith("127.0.0.1:")));
    }

    @Test
    void batonListensOnEveryInterfaceOfItsContainer() {
        assertThat(env("baton", "SERVER_ADDRESS")).isEqualTo("0.0.0.0");
    }

    @Test
    void pointsBatonsDatabaseAtThePostgresService() {
        URI jdbc = URI.create(env("baton", "SPRING_DATASOURCE_URL").substring("jdbc:".length()));

        assertThat(jdbc.getScheme()).isEqualTo("postgresql");
        assertThat(services).containsKey(jdbc.getHost());
        assertThat((String) services.get(jdbc.getHost()).get("image")).startsWith("postgres:");
        assertThat(containerPorts(jdbc.getHost())).contains(jdbc.getPort());
        assertThat(jdbc.getPath()).isEqualTo("/" + env("postgres", "POSTGRES_DB"));
        assertThat(env("baton", "SPRING_DATASOURCE_USERNAME")).isEqualTo(env("postgres", "POSTGRES_USER"));
        assertThat(env("baton", "SPRING_DATASOURCE_PASSWORD")).isEqualTo(env("postgres", "POSTGRES_PASSWORD"));
    }

    @Test
    void pointsBatonsClientAtTheCamundaGatewayAndRestApi() {
        assertThat(env("baton", "CAMUNDA_CLIENT_MODE")).isEqualTo("self-managed");
        for (String address : List.of("CAMUNDA_CLIENT_GRPCADDRESS", "CAMUNDA_CLIENT_RESTADDRESS")) {
            URI uri = URI.create(env("baton", address));
            assertThat(services).containsKey(uri.getHost());
            assertThat(containerPorts(uri.getHost())).contains(uri.getPort());
        }
    }

    @Test
    void pointsBatonsMailAtMailpit() {
        String host = env("baton", "SPRING_MAIL_HOST");

        assertThat(services).containsKey(host);
        assertThat(containerPorts(host)).contains(Integer.valueOf(env("baton", "SPRING_MAIL_PORT")));
    }

    @Test
    void letsBatonListenOnEveryInterfaceOfItsContainer() {
        // Baton's default is loopback only, which the published port 8080 would not reach
        assertThat(env("baton", "SERVER_ADDRESS")).isEqualTo("0.0.0.0");
    }

    @Test
    void dependsOnlyOnServicesThatExist() {
        services.forEach((name, service) -> {
            Object dependsOn = service.get("depends_on");
            Collection<?> names = dependsOn instanceof Map<?, ?> map
                    ? map.keySet()
                    : dependsOn instanceof List<?> list ? list : List.of();
            assertThat(names)
                    .as(name + " depends on")
                    .allSatisfy(dependency -> assertThat(services).containsKey((String) dependency));
        });
        assertThat(services.get("baton").get("depends_on"))
                .asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsKeys("postgres", "camunda", "mailpit");
    }

    @SuppressWarnings("unchecked")
    private static String env(String service, String name) {
        Object value = ((Map<String, Object>) services.get(service).get("environment")).get(name);
        assertThat(value).as(service + " sets " + name).isNotNull();
        return resolve(String.valueOf(value));
    }

    /**
     * The ports inside the container, which other services connect to: published ("127.0.0.1:8088:8080"
     * → 8080) or only exposed to the other containers ("1025").
     */
    private static List<Integer> containerPorts(String service) {
        return Stream.concat(
                        entries(services.get(service), "ports").stream(),
                        entries(services.get(service), "expose").stream())
                .map(p -> resolve(String.valueOf(p)))
                .map(p -> Integer.valueOf(p.substring(p.lastIndexOf(':') + 1)))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> entries(Map<String, Object> service, String key) {
        return (List<Object>) service.getOrDefault(key, List.of());
    }

    @SuppressWarnings("unchecked")
    private static List<String> healthcheck(String service) {
        return (List<String>) ((Map<String, Object>) services.get(service).get("healthcheck")).get("test");
    }

    private static String resolve(String value) {
        Matcher placeholder = PLACEHOLDER.matcher(value);
        return placeholder.replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    }
}
