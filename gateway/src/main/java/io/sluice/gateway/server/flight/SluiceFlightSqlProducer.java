package io.sluice.gateway.server.flight;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import io.sluice.gateway.catalog.CatalogListing;
import io.sluice.gateway.execution.QueryEngine;
import io.sluice.gateway.execution.RunningQueries;
import java.util.List;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.PutResult;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.SchemaResult;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.flight.sql.NoOpFlightSqlProducer;
import org.apache.arrow.flight.sql.SqlInfoBuilder;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionClosePreparedStatementRequest;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionCreatePreparedStatementRequest;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionCreatePreparedStatementResult;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetCatalogs;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetCrossReference;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetDbSchemas;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetExportedKeys;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetImportedKeys;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetPrimaryKeys;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetSqlInfo;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetTableTypes;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetTables;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandPreparedStatementQuery;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementQuery;
import org.apache.arrow.flight.sql.impl.FlightSql.TicketStatementQuery;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The Flight SQL protocol surface of the gateway. It only routes: queries to {@link QueryStreams}, prepared statements
 * to {@link PreparedQueries}, catalog commands to {@link CatalogCommands}, server facts to {@link ServerInfo}. Every
 * endpoint carries a self-contained ticket (the command itself, or the SQL text) and no location, so clients read it
 * over the connection they already have; the user always comes from the authenticated call, never from a ticket.
 * Commands not overridden here (updates, Substrait, transactions) answer UNIMPLEMENTED.
 */
final class SluiceFlightSqlProducer extends NoOpFlightSqlProducer {

    private final QueryStreams queries;
    private final PreparedQueries prepared;
    private final CatalogCommands catalog;
    private final SqlInfoBuilder sqlInfo = ServerInfo.create();
    private final FlightErrors errors;

    SluiceFlightSqlProducer(
            QueryEngine engine,
            RunningQueries runningQueries,
            BufferAllocator allocator,
            FlightErrors errors,
            ArrowPassThrough passThrough) {
        this.errors = errors;
        this.queries = new QueryStreams(engine, runningQueries, allocator, errors, passThrough);
        this.prepared = new PreparedQueries(engine, allocator);
        this.catalog = new CatalogCommands(new CatalogListing(engine.catalog()), allocator);
    }

    // Statements

    @Override
    public FlightInfo getFlightInfoStatement(
            CommandStatementQuery command, CallContext context, FlightDescriptor descriptor) {
        Schema schema = queries.schema(context.peerIdentity(), command.getQuery());
        TicketStatementQuery ticket = TicketStatementQuery.newBuilder()
                .setStatementHandle(ByteString.copyFromUtf8(command.getQuery()))
                .build();
        return info(ticket, descriptor, schema);
    }

    @Override
    public SchemaResult getSchemaStatement(
            CommandStatementQuery command, CallContext context, FlightDescriptor descriptor) {
        return new SchemaResult(queries.schema(context.peerIdentity(), command.getQuery()));
    }

    @Override
    public void getStreamStatement(TicketStatementQuery ticket, CallContext context, ServerStreamListener listener) {
        queries.streamStatement(
                context.peerIdentity(), ticket.getStatementHandle().toStringUtf8(), listener);
    }

    // Prepared statements

    @Override
    public void createPreparedStatement(
            ActionCreatePreparedStatementRequest request, CallContext context, StreamListener<Result> listener) {
        try {
            ByteString handle = prepared.prepare(context.peerIdentity(), request.getQuery());
            PreparedQueries.PreparedQuery query = prepared.get(handle, context.peerIdentity());
            ActionCreatePreparedStatementResult result = ActionCreatePreparedStatementResult.newBuilder()
                    .setPreparedStatementHandle(handle)
                    .setDatasetSchema(ByteString.copyFrom(query.schema.serializeAsMessage()))
                    .setParameterSchema(ByteString.copyFrom(query.parameterSchema.serializeAsMessage()))
                    .build();
            listener.onNext(new Result(Any.pack(result).toByteArray()));
            listener.onCompleted();
        } catch (Exception e) {
            listener.onError(errors.toFlight(e));
        }
    }

    @Override
    public void closePreparedStatement(
            ActionClosePreparedStatementRequest request, CallContext context, StreamListener<Result> listener) {
        try {
            prepared.close(request.getPreparedStatementHandle(), context.peerIdentity());
            listener.onCompleted();
        } catch (RuntimeException e) {
            listener.onError(errors.toFlight(e));
        }
    }

    @Override
    public FlightInfo getFlightInfoPreparedStatement(
            CommandPreparedStatementQuery command, CallContext context, FlightDescriptor descriptor) {
        PreparedQueries.PreparedQuery query =
                prepared.get(command.getPreparedStatementHandle(), context.peerIdentity());
        return info(command, descriptor, query.schema);
    }

    @Override
    public SchemaResult getSchemaPreparedStatement(
            CommandPreparedStatementQuery command, CallContext context, FlightDescriptor descriptor) {
        return new SchemaResult(prepared.get(command.getPreparedStatementHandle(), context.peerIdentity()).schema);
    }

    @Override
    public void getStreamPreparedStatement(
            CommandPreparedStatementQuery command, CallContext context, ServerStreamListener listener) {
        PreparedQueries.PreparedQuery query;
        try {
            query = prepared.get(command.getPreparedStatementHandle(), context.peerIdentity());
        } catch (RuntimeException e) {
            listener.error(errors.toFlight(e));
            return;
        }
        // One engine statement serves one execution at a time.
        synchronized (query) {
            queries.stream(
                    query.statement,
                    () -> {
                        query.applyParameters();
                        return query.statement.executeQuery();
                    },
                    queries.fastPath(query.planned, query.statement),
                    listener);
        }
    }

    @Override
    public Runnable acceptPutPreparedStatementQuery(
            CommandPreparedStatementQuery command,
            CallContext context,
            FlightStream parameters,
            StreamListener<PutResult> ackStream) {
        return () -> {
            try {
                PreparedQueries.PreparedQuery query =
                        prepared.get(command.getPreparedStatementHandle(), context.peerIdentity());
                query.bind(ParameterValues.read(parameters));
                ackStream.onCompleted();
            } catch (RuntimeException e) {
                ackStream.onError(errors.toFlight(e));
            }
        };
    }

    // Server facts

    @Override
    public FlightInfo getFlightInfoSqlInfo(
            CommandGetSqlInfo command, CallContext context, FlightDescriptor descriptor) {
        return info(command, descriptor, Schemas.GET_SQL_INFO_SCHEMA);
    }

    @Override
    public void getStreamSqlInfo(CommandGetSqlInfo command, CallContext context, ServerStreamListener listener) {
        sqlInfo.send(command.getInfoList(), listener);
    }

    // Catalog

    @Override
    public FlightInfo getFlightInfoCatalogs(
            CommandGetCatalogs command, CallContext context, FlightDescriptor descriptor) {
        return info(command, descriptor, Schemas.GET_CATALOGS_SCHEMA);
    }

    @Override
    public void getStreamCatalogs(CallContext context, ServerStreamListener listener) {
        guarded(listener, () -> catalog.catalogs(listener));
    }

    @Override
    public FlightInfo getFlightInfoSchemas(
            CommandGetDbSchemas command, CallContext context, FlightDescriptor descriptor) {
        return info(command, descriptor, Schemas.GET_SCHEMAS_SCHEMA);
    }

    @Override
    public void getStreamSchemas(CommandGetDbSchemas command, CallContext context, ServerStreamListener listener) {
        guarded(listener, () -> catalog.schemas(command, listener));
    }

    @Override
    public FlightInfo getFlightInfoTables(CommandGetTables command, CallContext context, FlightDescriptor descriptor) {
        Schema schema = command.getIncludeSchema() ? Schemas.GET_TABLES_SCHEMA : Schemas.GET_TABLES_SCHEMA_NO_SCHEMA;
        return info(command, descriptor, schema);
    }

    @Override
    public void getStreamTables(CommandGetTables command, CallContext context, ServerStreamListener listener) {
        guarded(listener, () -> catalog.tables(command, listener));
    }

    @Override
    public FlightInfo getFlightInfoTableTypes(
            CommandGetTableTypes command, CallContext context, FlightDescriptor descriptor) {
        return info(command, descriptor, Schemas.GET_TABLE_TYPES_SCHEMA);
    }

    @Override
    public void getStreamTableTypes(CallContext context, ServerStreamListener listener) {
        guarded(listener, () -> catalog.tableTypes(listener));
    }

    @Override
    public FlightInfo getFlightInfoPrimaryKeys(
            CommandGetPrimaryKeys command, CallContext context, FlightDescriptor descriptor) {
        return info(command, descriptor, Schemas.GET_PRIMARY_KEYS_SCHEMA);
    }

    @Override
    public void getStreamPrimaryKeys(
            CommandGetPrimaryKeys command, CallContext context, ServerStreamListener listener) {
        guarded(listener, () -> catalog.primaryKeys(command, listener));
    }

    @Override
    public FlightInfo getFlightInfoImportedKeys(
            CommandGetImportedKeys command, CallContext context, FlightDescriptor descriptor) {
        return info(command, descriptor, Schemas.GET_IMPORTED_KEYS_SCHEMA);
    }

    @Override
    public void getStreamImportedKeys(
            CommandGetImportedKeys command, CallContext context, ServerStreamListener listener) {
        guarded(listener, () -> catalog.empty(Schemas.GET_IMPORTED_KEYS_SCHEMA, listener));
    }

    @Override
    public FlightInfo getFlightInfoExportedKeys(
            CommandGetExportedKeys command, CallContext context, FlightDescriptor descriptor) {
        return info(command, descriptor, Schemas.GET_EXPORTED_KEYS_SCHEMA);
    }

    @Override
    public void getStreamExportedKeys(
            CommandGetExportedKeys command, CallContext context, ServerStreamListener listener) {
        guarded(listener, () -> catalog.empty(Schemas.GET_EXPORTED_KEYS_SCHEMA, listener));
    }

    @Override
    public FlightInfo getFlightInfoCrossReference(
            CommandGetCrossReference command, CallContext context, FlightDescriptor descriptor) {
        return info(command, descriptor, Schemas.GET_CROSS_REFERENCE_SCHEMA);
    }

    @Override
    public void getStreamCrossReference(
            CommandGetCrossReference command, CallContext context, ServerStreamListener listener) {
        guarded(listener, () -> catalog.empty(Schemas.GET_CROSS_REFERENCE_SCHEMA, listener));
    }

    @Override
    public void close() {
        prepared.close();
    }

    /** One endpoint whose ticket is the command itself, with no location: read it where you asked. */
    private static FlightInfo info(Message ticket, FlightDescriptor descriptor, Schema schema) {
        FlightEndpoint endpoint = new FlightEndpoint(new Ticket(Any.pack(ticket).toByteArray()));
        return new FlightInfo(schema, descriptor, List.of(endpoint), -1, -1);
    }

    private void guarded(ServerStreamListener listener, Runnable command) {
        try {
            command.run();
        } catch (RuntimeException e) {
            listener.error(errors.toFlight(e));
        }
    }
}
