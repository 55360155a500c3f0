package dev.baton.engine;

import dev.baton.task.TaskEngineSync;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The in-process Zeebe engine (Zeebe Process Test's) for the sandbox and the tests, used when no
 * Camunda cluster is configured. Its state dies with it, so a restart starts from nothing: its record
 * log is in memory, its state in Zeebe's RocksDB store in a temporary directory removed at stop
 * ({@code baton.embedded.engine.state}: rocksdb, or memory for the library's own store, any case; see
 * {@link RocksDbState} for why).
 * Not in the packaged jar (an optional dependency, not licensed for production): RunModes then
 * asks for a cluster.
 * It answers anyone reaching its port, without authentication: it listens on
 * {@code baton.embedded.engine.address} only (127.0.0.1 unless configured otherwise).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "io.camunda.zeebe.process.test.engine.EngineFactory")
@ConditionalOnProperty(name = "baton.embedded.engine.enabled", havingValue = "true")
class EmbeddedEngineConfiguration {

    static final String ENGINE_BEAN = "embeddedZeebeEngine";

    /** Removed after the engine has stopped: the engine depends on it, so it is closed later. */
    @Bean(destroyMethod = "close")
    EngineStateDirectory embeddedEngineState(@Value("${baton.embedded.engine.state:rocksdb}") String store) {
        return EngineStateDirectory.of(store);
    }

    @Bean(name = ENGINE_BEAN, destroyMethod = "stop")
    ZeebeTestEngine embeddedZeebeEngine(
            @Value("${baton.embedded.engine.address}") String address,
            @Value("${baton.embedded.engine.port}") int port,
            EngineStateDirectory embeddedEngineState) {
        ZeebeTestEngine engine = InMemoryEngines.create(address, port, embeddedEngineState.path());
        engine.start();
        return engine;
    }

    /** The engine's incidents, read from its record log: the gRPC API cannot be asked for them. */
    @Bean
    EngineIncidents engineIncidents(ZeebeTestEngine embeddedZeebeEngine) {
        return new LoggedIncidents(InMemoryEngines.logReader(embeddedZeebeEngine));
    }

    /** The elements each run is active in, read from its record log: the gRPC API cannot be asked for them. */
    @Bean
    ActiveElements activeElements(ZeebeTestEngine embeddedZeebeEngine) {
        return new LoggedActiveElements(InMemoryEngines.logReader(embeddedZeebeEngine));
    }

    /** How each instance started (a timer, a signal, a call), read from its record log: the gRPC API cannot tell. */
    @Bean
    EngineStarts engineStarts(ZeebeTestEngine embeddedZeebeEngine) {
        return new LoggedStarts(InMemoryEngines.logReader(embeddedZeebeEngine));
    }

    /** The user-task jobs the engine canceled, read from its record log, withdraw their tasks within seconds. */
    @Bean
    CanceledSteps canceledSteps(ZeebeTestEngine embeddedZeebeEngine, TaskEngineSync sync) {
        return new CanceledSteps(new LoggedJobCancellations(InMemoryEngines.logReader(embeddedZeebeEngine)), sync);
    }

    /** Off in tests ({@code baton.tasks.withdraw-canceled-on-schedule=false}), which call {@link CanceledSteps}. */
    @Bean
    @ConditionalOnProperty(
            name = "baton.tasks.withdraw-canceled-on-schedule",
            havingValue = "true",
            matchIfMissing = true)
    CanceledSteps.Schedule canceledStepsSchedule(CanceledSteps canceledSteps) {
        return new CanceledSteps.Schedule(canceledSteps);
    }

    /** The client (and with it the workers and the deployment) must not start before the engine. */
    @Bean
    static BeanFactoryPostProcessor clientStartsAfterEmbeddedEngine() {
        return beanFactory -> {
            for (String name : beanFactory.getBeanNamesForType(CamundaClient.class, true, false)) {
                BeanDefinition definition = beanFactory.getBeanDefinition(name);
                String[] dependsOn = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
                definition.setDependsOn(Stream.concat(Arrays.stream(dependsOn), Stream.of(ENGINE_BEAN))
                        .toArray(String[]::new));
            }
        };
    }
}
