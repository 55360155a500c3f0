package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * TCP connections from this machine to itself, telling a listener bound to loopback from one bound
 * to every interface: only the latter accepts a connection to the machine's other addresses.
 *
 * <p>A probe address proves something only if it does reach a listener on every interface, so each
 * one is first tried against such a listener (the control); one that does not reach it fails the
 * test rather than passing it for the wrong reason. A machine without any non-loopback interface
 * is probed at 127.0.0.2 instead: Linux routes all of 127.0.0.0/8 to the loopback interface, so a
 * listener on every interface answers there and one bound to 127.0.0.1 refuses. Where 127.0.0.2 is
 * not routed (macOS without an alias), the control fails and says so: no silent pass.
 */
final class Probes {

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private Probes() {}

    /** This machine's addresses other than loopback, each shown to reach an every-interface listener. */
    static List<InetAddress> otherAddresses() throws IOException {
        List<InetAddress> found = NetworkInterface.networkInterfaces()
                .filter(Probes::upAndNotLoopback)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> !a.isLoopbackAddress())
                .toList();
        List<InetAddress> probes = found.isEmpty() ? List.of(InetAddress.getByName("127.0.0.2")) : found;
        try (ServerSocket everyInterface = new ServerSocket(0)) {
            for (InetAddress probe : probes) {
                if (!accepts(probe, everyInterface.getLocalPort())) {
                    fail(
                            "%s (%s) does not reach a listener bound to every interface either, so it cannot show that a"
                                    + " port is loopback-only; this check needs an address of this machine other than 127.0.0.1",
                            probe,
                            found.isEmpty()
                                    ? "no non-loopback interface is up, tried 127.0.0.2"
                                    : "an interface address");
                }
            }
        }
        return probes;
    }

    /** Whether a TCP connection to {@code address:port} is accepted (false: refused). */
    static boolean accepts(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 5_000);
            return true;
        } catch (ConnectException refused) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("neither accepted nor refused: " + address + ":" + port, e);
        }
    }

    /** {@code port} takes connections on 127.0.0.1 and refuses them on every other address of this machine. */
    static void assertLoopbackOnly(String what, int port) throws IOException {
        assertThat(accepts(LOOPBACK, port))
                .as("%s on %s:%d", what, LOOPBACK.getHostAddress(), port)
                .isTrue();
        for (InetAddress other : otherAddresses()) {
            assertThat(accepts(other, port))
                    .as("%s reachable on %s:%d", what, other.getHostAddress(), port)
                    .isFalse();
        }
    }

    /** A free port below Linux's ephemeral range, which other connections of this JVM may take meanwhile. */
    static int freePort() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket socket =
                    new ServerSocket(ThreadLocalRandom.current().nextInt(20_000, 32_000))) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port between 20000 and 32000");
    }

    private static boolean upAndNotLoopback(NetworkInterface nic) {
        try {
            return nic.isUp() && !nic.isLoopback();
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }
}
