package dev.baton.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an in-memory engine ({@link InMemoryEngines}) keeps its state: a new temporary directory for
 * Zeebe's RocksDB store ({@code rocksdb}), removed with everything in it on {@link #close()}, or none
 * for the library's in-memory store ({@code memory}). The engine's record log is in memory either
 * way, so the state is worth nothing once the engine stops. Close it after the engine has stopped.
 */
public final class EngineStateDirectory implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EngineStateDirectory.class);

    private final Path path;

    private EngineStateDirectory(Path path) {
        this.path = path;
    }

    /**
     * @param store {@code rocksdb} (a new directory {@code baton-engine-*} in the system's temporary
     *     directory) or {@code memory} (none), in any case and with blanks around ({@code RocksDB} is
     *     how the store spells itself)
     * @throws IllegalArgumentException for another store (or none), naming the two
     * @throws UncheckedIOException if the temporary directory cannot be created
     */
    public static EngineStateDirectory of(String store) {
        String name = store == null ? "" : store.strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "memory" -> new EngineStateDirectory(null);
            case "rocksdb" -> {
                try {
                    yield new EngineStateDirectory(Files.createTempDirectory("baton-engine-"));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot create the engine's state directory", e);
                }
            }
            default -> throw new IllegalArgumentException("engine state store must be rocksdb or memory, was " + store);
        };
    }

    /** The directory for {@link InMemoryEngines#create(String, int, Path)}; null for the in-memory store. */
    public Path path() {
        return path;
    }

    /** What to tell a person: which store and where, "in RocksDB in /tmp/baton-engine-…" or "in memory". */
    @Override
    public String toString() {
        return path == null ? "in memory" : "in RocksDB in " + path;
    }

    /** Removes the directory and everything in it (nothing for the in-memory store); logs what it cannot remove. */
    @Override
    public void close() {
        if (path == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not remove the engine's state directory {}: {}", path, e.toString());
        }
    }
}
