package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** BATON_ENGINE_STATE as a person writes it: the store's name in any case, refused with the two names otherwise. */
class EngineStateDirectoryTests {

    @Test
    void takesTheStoreInAnyCaseWithBlanksAround() {
        Path rocks;
        try (EngineStateDirectory state = EngineStateDirectory.of(" RocksDB ")) {
            rocks = state.path();
            assertThat(rocks).isDirectory();
            assertThat(rocks.getFileName().toString()).startsWith("baton-engine-");
            assertThat(state).hasToString("in RocksDB in " + rocks);
        }
        assertThat(rocks).as("removed at close").doesNotExist();
        try (EngineStateDirectory state = EngineStateDirectory.of("MEMORY")) {
            assertThat(state.path()).isNull();
            assertThat(state).hasToString("in memory");
        }
    }

    @Test
    void refusesAnyOtherStoreNamingTheTwo() {
        assertThatThrownBy(() -> EngineStateDirectory.of("rocks"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("engine state store must be rocksdb or memory, was rocks");
        assertThatThrownBy(() -> EngineStateDirectory.of(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("engine state store must be rocksdb or memory, was  ");
        assertThatThrownBy(() -> EngineStateDirectory.of(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("engine state store must be rocksdb or memory, was null");
    }
}
