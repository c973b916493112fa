package io.sluice.gateway.server.flight;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import org.apache.arrow.flight.CallStatus;

/**
 * What a query endpoint's ticket carries: an id naming this one query (so that CancelFlightInfo can find it) and what
 * to run, either the SQL text (any gateway instance can run it) or a prepared statement handle. It never carries the
 * user: a ticket is run as, and may only be cancelled by, the user of the call presenting it.
 *
 * <p>Encoded as the statement handle of a Flight SQL {@code TicketStatementQuery}: one format byte ({@value #FORMAT}),
 * one kind byte ({@code S} SQL, {@code P} prepared), the 16 bytes of the id, then the SQL in UTF-8 or the handle.
 *
 * @param id the query's id, random and unique per FlightInfo
 * @param kind whether {@code payload} is SQL text or a prepared statement handle
 * @param payload the SQL text in UTF-8, or the prepared statement handle
 */
record QueryTicket(UUID id, Kind kind, ByteString payload) {

    private static final byte FORMAT = 1;
    private static final int HEADER_BYTES = 2 + 16;

    /** What a ticket runs. */
    enum Kind {
        SQL('S'),
        PREPARED('P');

        private final byte tag;

        Kind(char tag) {
            this.tag = (byte) tag;
        }
    }

    QueryTicket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(payload, "payload");
    }

    static QueryTicket forSql(String sql) {
        return new QueryTicket(UUID.randomUUID(), Kind.SQL, ByteString.copyFromUtf8(sql));
    }

    static QueryTicket forPrepared(ByteString handle) {
        return new QueryTicket(UUID.randomUUID(), Kind.PREPARED, handle);
    }

    String sql() {
        return payload.toString(StandardCharsets.UTF_8);
    }

    ByteString encode() {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES)
                .put(FORMAT)
                .put(kind.tag)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits());
        return ByteString.copyFrom(header.array()).concat(payload);
    }

    /** Reads a ticket this class encoded; anything else is INVALID_ARGUMENT (never a server error). */
    static QueryTicket decode(ByteString handle) {
        if (handle.size() < HEADER_BYTES || handle.byteAt(0) != FORMAT) {
            throw invalid();
        }
        ByteBuffer header = handle.substring(0, HEADER_BYTES).asReadOnlyByteBuffer();
        header.get();
        byte tag = header.get();
        UUID id = new UUID(header.getLong(), header.getLong());
        ByteString payload = handle.substring(HEADER_BYTES);
        for (Kind kind : Kind.values()) {
            if (kind.tag == tag) {
                return new QueryTicket(id, kind, payload);
            }
        }
        throw invalid();
    }

    private static RuntimeException invalid() {
        return CallStatus.INVALID_ARGUMENT
                .withDescription("QUERY_INVALID: not a query ticket issued by Sluice; ask for the FlightInfo again")
                .toRuntimeException();
    }
}
