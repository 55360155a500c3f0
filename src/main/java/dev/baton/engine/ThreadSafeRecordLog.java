package dev.baton.engine;

import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Makes Zeebe Process Test's record log safe to read while it is written. The library keeps the log
 * ({@code InMemoryLogStorage}, 8.8) in a plain {@link ArrayList} that the engine's writer appends to
 * while its stream processor and exporter read it on other threads, with nothing between them: a
 * reader can see the list's new size before the entry itself. Then the stream processor fails
 * ({@code NullPointerException} in {@code InMemoryLogStorage$ListLogStorageReader.next}, "Actor
 * StreamProcessor-1 failed in phase STARTED") and the engine processes nothing more until it is
 * restarted. Seen once in session 17, 7,500 accounts into ten handovers of 1,000 on the separate
 * engine; an engine that runs for hours, as the sandbox's does, can meet it too.
 *
 * <p>The list becomes a synchronized list (each append and each read of size or entry takes its
 * lock, so an entry is seen whole or not at all) and the set of commit listeners, which readers join
 * while entries are appended, a concurrent set. These are the library's own final fields, written
 * once by reflection before the engine starts; the parts are found by type, as {@link
 * InMemoryEngines} finds the others.
 */
final class ThreadSafeRecordLog {

    private ThreadSafeRecordLog() {}

    /**
     * Replaces the log storage's entry list and listener set of a built, not yet started engine.
     *
     * @throws IllegalStateException if the library's log is not built as this expects, or its fields
     *     cannot be written (a JDK that forbids writing final fields)
     */
    static void apply(ZeebeTestEngine engine) {
        try {
            LogStream log = (LogStream) InMemoryEngines.part(engine, LogStream.class);
            Object storage = InMemoryEngines.field(log, LogStorage.class);
            replace(storage, List.class, entries -> Collections.synchronizedList(new ArrayList<>(entries)));
            replace(storage, Set.class, listeners -> {
                Set<Object> concurrent = ConcurrentHashMap.newKeySet();
                concurrent.addAll(listeners);
                return concurrent;
            });
        } catch (IllegalStateException e) {
            throw e;
        } catch (IllegalAccessException | RuntimeException e) {
            throw InMemoryEngines.unexpected("its record log could not be made safe to read while written: " + e);
        }
    }

    private static <T> void replace(Object owner, Class<T> type, UnaryOperator<T> safe) throws IllegalAccessException {
        Field[] matches = Arrays.stream(owner.getClass().getDeclaredFields())
                .filter(f -> f.getType() == type)
                .toArray(Field[]::new);
        if (matches.length != 1) {
            throw InMemoryEngines.unexpected(matches.length + " fields of type " + type.getName() + " in "
                    + owner.getClass().getName());
        }
        matches[0].setAccessible(true);
        matches[0].set(owner, safe.apply(type.cast(matches[0].get(owner))));
    }
}
