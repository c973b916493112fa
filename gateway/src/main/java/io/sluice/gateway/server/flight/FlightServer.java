package io.sluice.gateway.server.flight;

import io.sluice.gateway.config.FlightServerConfig;
import io.sluice.gateway.config.FlightTlsConfig;
import io.sluice.gateway.error.ErrorCode;
import io.sluice.gateway.error.ErrorTranslator;
import io.sluice.gateway.error.SluiceException;
import io.sluice.gateway.execution.QueryEngine;
import io.sluice.gateway.execution.RunningQueries;
import io.sluice.gateway.security.Authenticator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.Location;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Arrow Flight SQL server (gRPC, over TLS when configured) that notebooks and the Arrow Flight SQL JDBC
 * driver talk to. It owns the root allocator every stream allocates from, limited to {@code server.flight.memory_limit}.
 */
public final class FlightServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FlightServer.class);

    private final BufferAllocator allocator;
    private final SluiceFlightSqlProducer producer;
    private final org.apache.arrow.flight.FlightServer server;
    private final ArrowPassThrough passThrough;

    private FlightServer(
            BufferAllocator allocator,
            SluiceFlightSqlProducer producer,
            org.apache.arrow.flight.FlightServer server,
            ArrowPassThrough passThrough) {
        this.allocator = allocator;
        this.producer = producer;
        this.server = server;
        this.passThrough = passThrough;
    }

    /** Starts the server on {@code config}'s host and port (0: any free port). */
    public static FlightServer start(
            FlightServerConfig config,
            QueryEngine engine,
            Authenticator authenticator,
            RunningQueries runningQueries,
            ErrorTranslator errors) {
        BufferAllocator allocator = new RootAllocator(config.streams().memoryLimit());
        ArrowPassThrough passThrough = new ArrowPassThrough(engine.catalog(), config.arrowPassThrough());
        SluiceFlightSqlProducer producer = new SluiceFlightSqlProducer(
                config, engine, runningQueries, allocator, new FlightErrors(errors), passThrough);
        org.apache.arrow.flight.FlightServer server = null;
        try {
            server = build(config, allocator, producer, authenticator);
            server.start();
        } catch (IOException | RuntimeException e) {
            closeQuietly(server, producer, allocator);
            throw new SluiceException(
                    ErrorCode.CONFIG_INVALID,
                    "Cannot start the Flight SQL server on " + config.host() + ":" + config.port()
                            + " (server.flight): " + e.getMessage(),
                    e);
        }
        LOG.info(
                "Arrow Flight SQL server listening on {}:{} ({})",
                config.host(),
                server.getPort(),
                config.tls().isPresent() ? "TLS" : "plaintext");
        return new FlightServer(allocator, producer, server, passThrough);
    }

    private static org.apache.arrow.flight.FlightServer build(
            FlightServerConfig config,
            BufferAllocator allocator,
            SluiceFlightSqlProducer producer,
            Authenticator authenticator)
            throws IOException {
        Location location = config.tls().isPresent()
                ? Location.forGrpcTls(config.host(), config.port())
                : Location.forGrpcInsecure(config.host(), config.port());
        org.apache.arrow.flight.FlightServer.Builder builder = org.apache.arrow.flight.FlightServer.builder(
                        allocator, location, producer)
                .headerAuthenticator(FlightAuthenticator.create(authenticator))
                .middleware(FlightSessions.KEY, producer.sessions());
        if (config.tls().isPresent()) {
            FlightTlsConfig tls = config.tls().get();
            // The builder reads both files when the server is built; the config loader checked them already.
            try (InputStream chain = Files.newInputStream(tls.certificateChain());
                    InputStream key = Files.newInputStream(tls.privateKey())) {
                return builder.useTls(chain, key).build();
            }
        }
        return builder.build();
    }

    /** The port the server listens on (useful when the config asked for port 0). */
    public int port() {
        return server.getPort();
    }

    /** Bytes currently allocated by all streams: 0 when no stream is open and none leaked (for tests). */
    public long allocatedMemory() {
        return allocator.getAllocatedMemory();
    }

    /** Flight sessions open now (clients that set session options and have not closed them), for tests. */
    public long openSessions() {
        return producer.sessions().size();
    }

    /**
     * How many streams were answered with a source's own Arrow batches (the fast path), counted when the first batch is
     * about to go, whether or not the stream then ran to its end.
     */
    public long passedThroughStreams() {
        return passThrough.streams();
    }

    @Override
    public void close() {
        closeQuietly(server, producer, allocator);
    }

    private static void closeQuietly(
            org.apache.arrow.flight.FlightServer server, SluiceFlightSqlProducer producer, BufferAllocator allocator) {
        if (server != null) {
            try {
                server.shutdown();
                if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
                    LOG.warn("The Flight SQL server did not stop within 5 s; closing it anyway");
                }
                server.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.warn("Stopping the Flight SQL server failed: {}", e.toString());
            }
        }
        producer.close();
        try {
            allocator.close();
        } catch (RuntimeException e) {
            LOG.warn("Arrow memory was still allocated when the Flight SQL server stopped: {}", e.getMessage());
        }
    }
}
