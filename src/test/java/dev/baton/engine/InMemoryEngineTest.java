package dev.baton.engine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A process test on an in-memory engine of its own, one per test method: Zeebe Process Test's
 * {@code @ZeebeProcessTest} with the engine built by {@link InMemoryEngines} instead of the library's
 * factory. Fields of type {@code ZeebeTestEngine}, {@code ZeebeClient} and {@code RecordStream} are
 * filled before each test; {@code BpmnAssert} reads that engine's records.
 *
 * <p>Why not {@code @ZeebeProcessTest}: its engine answers through the library's response writer,
 * whose answer parts are static fields shared with every other engine of the JVM. The suite's cached
 * Spring contexts each run an engine whose workers poll all the time; an answer of theirs written at
 * the same moment as the test engine's replaced it: a CI run's job activation locked the user task in
 * the engine and handed the test another engine's empty batch (a commitment process test then waited
 * 45 s for a job it already held). {@link InMemoryEngines} answers under one lock for all engines of
 * the JVM ({@link OneResponseAtATime}), so every engine of the suite must come from it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(InMemoryEngineExtension.class)
public @interface InMemoryEngineTest {}
