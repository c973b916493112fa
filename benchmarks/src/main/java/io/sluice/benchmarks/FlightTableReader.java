package io.sluice.benchmarks;

import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reads a result with the native Arrow Flight SQL client, as a notebook does: one statement, every endpoint's stream,
 * and every value of every vector touched through {@code ValueVector.hashCode(index)}, which reads each value's bytes
 * (all of a string's bytes) without building Java objects.
 */
final class FlightTableReader implements TableReader {

    private final BufferAllocator allocator = new RootAllocator();
    private final FlightClient client;
    private final FlightSqlClient sqlClient;
    private final String sql;

    FlightTableReader(int port, String sql) {
        this.client = FlightClient.builder(allocator, Location.forGrpcInsecure("127.0.0.1", port))
                .build();
        this.sqlClient = new FlightSqlClient(client);
        this.sql = sql;
    }

    @Override
    public long readAll(Blackhole sink) throws Exception {
        FlightInfo info = sqlClient.execute(sql);
        long rows = 0;
        for (FlightEndpoint endpoint : info.getEndpoints()) {
            try (FlightStream stream = sqlClient.getStream(endpoint.getTicket())) {
                while (stream.next()) {
                    VectorSchemaRoot batch = stream.getRoot();
                    int batchRows = batch.getRowCount();
                    for (FieldVector vector : batch.getFieldVectors()) {
                        int hash = 0;
                        for (int row = 0; row < batchRows; row++) {
                            hash = 31 * hash + vector.hashCode(row);
                        }
                        sink.consume(hash);
                    }
                    rows += batchRows;
                }
            }
        }
        return rows;
    }

    @Override
    public void close() throws Exception {
        sqlClient.close();
        allocator.close();
    }
}
