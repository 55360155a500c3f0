package dev.baton.engine;

import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.logstreams.log.LogStreamReader;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.process.test.engine.InMemoryEngine;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import io.camunda.zeebe.stream.impl.StreamProcessorContext;
import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Zeebe Process Test's in-memory engine with its gRPC server bound to one address. The engine
 * answers anyone who reaches its port, without authentication: {@link EngineFactory#create(int)}
 * binds every interface and has no bind option, so this builds the engine the library's way and
 * swaps its (not yet started, so never bound) gRPC server for one bound to the given address.
 *
 * <p>Why reflection: the library's gateway service and the engine's other parts are package-private
 * in {@code io.camunda.zeebe.process.test.engine}, and {@link InMemoryEngine}'s public constructor
 * takes them. So the parts are read from the engine the factory built (read only, matched by type,
 * not by field name) and handed to that public constructor with the new server; nothing is copied
 * from the library. The one write is {@link ThreadSafeRecordLog}'s: two fields of the record log,
 * which the library shares between threads unguarded. A library version whose engine no longer fits
 * fails here at start-up, loudly, and in {@code InMemoryEnginesTests}.
 */
public final class InMemoryEngines {

    private InMemoryEngines() {}

    /**
     * An in-memory engine whose gRPC gateway will listen on {@code bindAddress:port} only, e.g.
     * {@code 127.0.0.1} for this machine alone; {@code 0.0.0.0} restores the library's every-interface
     * binding. Not started: call {@link ZeebeTestEngine#start()} (which binds, and throws if the port
     * is taken) and {@link ZeebeTestEngine#stop()}. Its {@code getGatewayAddress()} still says
     * {@code 0.0.0.0:port} (the library's text): clients should use {@code bindAddress:port}.
     *
     * @param bindAddress an IP address or host name of this machine
     * @param port a fixed port (1-65535): the gateway reports it in its topology
     * @throws IllegalArgumentException if the address does not resolve or the port is out of range
     * @throws IllegalStateException if the library's engine is not built the way this expects
     */
    public static ZeebeTestEngine create(String bindAddress, int port) {
        return create(bindAddress, port, null);
    }

    /**
     * As {@link #create(String, int)}, with the engine's state in Zeebe's own RocksDB store under
     * {@code stateDirectory} instead of the library's in-memory store, whose every step costs in
     * proportion to all the engine holds ({@link RocksDbState} says why and how). The record log
     * stays in memory, so the state is of no use once the engine stops: the caller removes the
     * directory then.
     *
     * @param stateDirectory a directory of this machine's file system, created if missing; null for the
     *     library's in-memory store
     * @throws IllegalArgumentException if the address does not resolve or the port is out of range
     * @throws IllegalStateException if the library's engine is not built the way this expects, or RocksDB
     *     cannot open the directory
     */
    public static ZeebeTestEngine create(String bindAddress, int port, Path stateDirectory) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("engine port must be 1-65535, was " + port);
        }
        InetSocketAddress address = new InetSocketAddress(resolve(bindAddress), port);
        ZeebeTestEngine built = EngineFactory.create(port);
        if (!(built instanceof InMemoryEngine)) {
            throw unexpected("EngineFactory built a " + built.getClass().getName());
        }
        ThreadSafeRecordLog.apply(built);
        Constructor<?>[] constructors = InMemoryEngine.class.getConstructors();
        if (constructors.length != 1) {
            throw unexpected(constructors.length + " public constructors");
        }
        Class<?>[] types = constructors[0].getParameterTypes();
        Object[] parts = new Object[types.length];
        try {
            Map<Class<?>, Object> replaced = new HashMap<>();
            replaced.put(
                    Server.class,
                    NettyServerBuilder.forAddress(address)
                            .addService(gateway(built))
                            .build());
            if (stateDirectory != null) {
                replaced.putAll(RocksDbState.parts(built, stateDirectory));
            }
            for (int i = 0; i < types.length; i++) {
                parts[i] = replaced.containsKey(types[i]) ? replaced.get(types[i]) : part(built, types[i]);
            }
            ZeebeTestEngine engine = (ZeebeTestEngine) constructors[0].newInstance(parts);
            answerOneAtATime(engine);
            return engine;
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw unexpected(e.toString());
        }
    }

    /** Puts {@link OneResponseAtATime} before the library's response writer of the engine's stream processor. */
    private static void answerOneAtATime(ZeebeTestEngine engine) throws IllegalAccessException {
        StreamProcessor processor = (StreamProcessor) part(engine, StreamProcessor.class);
        StreamProcessorContext context = (StreamProcessorContext) field(processor, StreamProcessorContext.class);
        context.commandResponseWriter(new OneResponseAtATime(context.getCommandResponseWriter()));
    }

    /**
     * A new reader of the engine's record log (every record it wrote, from the first), for what the
     * engine's gRPC API cannot be asked (its incidents, the elements runs wait in). Close it when done.
     *
     * @param engine an engine this class created
     * @throws IllegalStateException if the library's engine is not built the way this expects
     */
    static LogStreamReader logReader(ZeebeTestEngine engine) {
        if (!(engine instanceof InMemoryEngine)) {
            throw unexpected("the engine is a " + engine.getClass().getName());
        }
        try {
            return ((LogStream) part(engine, LogStream.class)).newLogStreamReader();
        } catch (IllegalAccessException e) {
            throw unexpected(e.toString());
        }
    }

    private static InetAddress resolve(String bindAddress) {
        try {
            return InetAddress.getByName(bindAddress);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("engine bind address does not resolve: " + bindAddress, e);
        }
    }

    /** The library's gRPC service: the engine's one part that is a gRPC service. */
    private static BindableService gateway(ZeebeTestEngine engine) throws IllegalAccessException {
        return (BindableService) part(engine, BindableService.class);
    }

    /** The value of the engine's one field whose type is {@code type} (or, for an interface, implements it). */
    static Object part(ZeebeTestEngine engine, Class<?> type) throws IllegalAccessException {
        return field(engine, type);
    }

    /**
     * The value of {@code owner}'s one field (declared on its class) whose type is {@code type} or
     * implements it: the library's parts are read by type, not by field name.
     *
     * @throws IllegalStateException when no field or more than one matches
     */
    static Object field(Object owner, Class<?> type) throws IllegalAccessException {
        Field[] matches = Arrays.stream(owner.getClass().getDeclaredFields())
                .filter(f -> type.isAssignableFrom(f.getType()))
                .toArray(Field[]::new);
        if (matches.length != 1) {
            throw unexpected(matches.length + " fields of type " + type.getName() + " in "
                    + owner.getClass().getName());
        }
        matches[0].setAccessible(true);
        return matches[0].get(owner);
    }

    static IllegalStateException unexpected(String what) {
        return new IllegalStateException("Zeebe Process Test's InMemoryEngine is not built as "
                + InMemoryEngines.class.getName() + " expects (" + what + "): check it after a library upgrade");
    }
}
