package dev.baton.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** axe-core's script, unpacked into the test classes by the build (see pom.xml, execution axe-core). */
final class Axe {

    static final String SOURCE = read();

    private Axe() {}

    private static String read() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe-core/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("no axe-core/axe.min.js in the test classes: build with Maven");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
