package io.sluice.gateway.server.flight;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import io.sluice.gateway.catalog.CatalogListing;
import io.sluice.gateway.config.FlightServerConfig;
import io.sluice.gateway.execution.QueryEngine;
import io.sluice.gateway.execution.RunningQueries;
import io.sluice.gateway.execution.SessionDefaults;
import java.util.List;
import org.apache.arrow.flight.CancelFlightInfoRequest;
import org.apache.arrow.flight.CancelStatus;
import org.apache.arrow.flight.CloseSessionRequest;
import org.apache.arrow.flight.CloseSessionResult;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.GetSessionOptionsRequest;
import org.apache.arrow.flight.GetSessionOptionsResult;
import org.apache.arrow.flight.PutResult;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.SchemaResult;
import org.apache.arrow.flight.SetSessionOptionsRequest;
import org.apache.arrow.flight.SetSessionOptionsResult;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.flight.sql.NoOpFlightSqlProducer;
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
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetXdbcTypeInfo;
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
    private final SqlInfoTable sqlInfo = new SqlInfoTable(ServerInfo.values());
    private final BufferAllocator allocator;
    private final FlightErrors errors;
    private final IssuedQueries issued = new IssuedQueries();
    private final FlightSessions sessions = new FlightSessions();
    private final SessionOptions sessionOptions;

    SluiceFlightSqlProducer(
            FlightServerConfig config,
            QueryEngine engine,
            RunningQueries runningQueries,
            BufferAllocator allocator,
            FlightErrors errors,
            ArrowPassThrough passThrough) {
        this.errors = errors;
        this.allocator = allocator;
        this.queries =
                new QueryStreams(engine, runningQueries, allocator, config.streams(), errors, issued, passThrough);
        this.prepared = new PreparedQueries(engine, allocator, config.preparedStatementIdleTimeout());
        this.catalog = new CatalogCommands(new CatalogListing(engine.catalog()), allocator);
        this.sessionOptions = new SessionOptions(new CatalogListing(engine.catalog()));
    }

    // Statements

    @Override
    public FlightInfo getFlightInfoStatement(
            CommandStatementQuery command, CallContext context, FlightDescriptor descriptor) {
        Schema schema = queries.schema(context.peerIdentity(), defaults(context), command.getQuery());
        return queryInfo(QueryTicket.forSql(command.getQuery()), context, descriptor, schema);
    }

    @Override
    public SchemaResult getSchemaStatement(
            CommandStatementQuery command, CallContext context, FlightDescriptor descriptor) {
        return new SchemaResult(queries.schema(context.peerIdentity(), defaults(context), command.getQuery()));
    }

    @Override
    public void getStreamStatement(TicketStatementQuery command, CallContext context, ServerStreamListener listener) {
        QueryTicket ticket;
        try {
            ticket = QueryTicket.decode(command.getStatementHandle());
        } catch (RuntimeException e) {
            listener.error(errors.toFlight(e));
            return;
        }
        switch (ticket.kind()) {
            case SQL -> queries.streamStatement(ticket, context.peerIdentity(), defaults(context), listener);
            case PREPARED -> streamPrepared(ticket, context.peerIdentity(), listener);
        }
    }

    @Override
    public void cancelFlightInfo(
            CancelFlightInfoRequest request, CallContext context, StreamListener<CancelStatus> listener) {
        try {
            listener.onNext(issued.cancel(request.getInfo(), context.peerIdentity()));
            listener.onCompleted();
        } catch (RuntimeException e) {
            listener.onError(errors.toFlight(e));
        }
    }

    // Prepared statements

    @Override
    public void createPreparedStatement(
            ActionCreatePreparedStatementRequest request, CallContext context, StreamListener<Result> listener) {
        try {
            ByteString handle = prepared.prepare(context.peerIdentity(), defaults(context), request.getQuery());
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
        QueryTicket ticket = QueryTicket.forPrepared(command.getPreparedStatementHandle());
        return queryInfo(ticket, context, descriptor, query.schema);
    }

    @Override
    public SchemaResult getSchemaPreparedStatement(
            CommandPreparedStatementQuery command, CallContext context, FlightDescriptor descriptor) {
        return new SchemaResult(prepared.get(command.getPreparedStatementHandle(), context.peerIdentity()).schema);
    }

    @Override
    public void getStreamPreparedStatement(
            CommandPreparedStatementQuery command, CallContext context, ServerStreamListener listener) {
        // Not a ticket we issue (ours are TicketStatementQuery), but a valid one: run it as a query of its own.
        streamPrepared(QueryTicket.forPrepared(command.getPreparedStatementHandle()), context.peerIdentity(), listener);
    }

    private void streamPrepared(QueryTicket ticket, String user, ServerStreamListener listener) {
        try {
            prepared.use(ticket.payload(), user, query -> {
                // One engine statement serves one execution at a time.
                synchronized (query) {
                    queries.stream(
                            ticket,
                            user,
                            query.statement,
                            query::execute,
                            queries.fastPath(query.planned, query.statement),
                            listener);
                }
            });
        } catch (RuntimeException e) {
            listener.error(errors.toFlight(e));
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
        guarded(listener, () -> sqlInfo.send(command.getInfoList(), allocator, listener));
    }

    @Override
    public FlightInfo getFlightInfoTypeInfo(
            CommandGetXdbcTypeInfo command, CallContext context, FlightDescriptor descriptor) {
        return info(command, descriptor, Schemas.GET_TYPE_INFO_SCHEMA);
    }

    @Override
    public void getStreamTypeInfo(CommandGetXdbcTypeInfo command, CallContext context, ServerStreamListener listener) {
        guarded(listener, () -> TypeInfoCommand.send(command, allocator, listener));
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

    // Sessions

    @Override
    public void setSessionOptions(
            SetSessionOptionsRequest request, CallContext context, StreamListener<SetSessionOptionsResult> listener) {
        answer(listener, () -> sessionOptions.set(request, session(context), context.peerIdentity()));
    }

    @Override
    public void getSessionOptions(
            GetSessionOptionsRequest request, CallContext context, StreamListener<GetSessionOptionsResult> listener) {
        answer(listener, () -> sessionOptions.get(session(context), context.peerIdentity()));
    }

    @Override
    public void closeSession(
            CloseSessionRequest request, CallContext context, StreamListener<CloseSessionResult> listener) {
        answer(listener, () -> sessionOptions.close(session(context), context.peerIdentity()));
    }

    /** The sessions whose options statements run with; the server installs them as middleware. */
    FlightSessions sessions() {
        return sessions;
    }

    @Override
    public void close() {
        prepared.close();
    }

    /** The FlightInfo of a query: one endpoint whose ticket names the query, remembered as given to the caller. */
    private FlightInfo queryInfo(QueryTicket ticket, CallContext context, FlightDescriptor descriptor, Schema schema) {
        issued.issued(ticket, context.peerIdentity());
        TicketStatementQuery command = TicketStatementQuery.newBuilder()
                .setStatementHandle(ticket.encode())
                .build();
        return info(command, descriptor, schema);
    }

    private static FlightSessions.Call session(CallContext context) {
        return context.getMiddleware(FlightSessions.KEY);
    }

    /** The default catalog and schema of the call's session, if it has one. */
    private static SessionDefaults defaults(CallContext context) {
        FlightSessions.Call session = session(context);
        return session == null ? SessionDefaults.NONE : session.defaults(context.peerIdentity());
    }

    private <T> void answer(StreamListener<T> listener, java.util.function.Supplier<T> result) {
        try {
            listener.onNext(result.get());
            listener.onCompleted();
        } catch (RuntimeException e) {
            listener.onError(errors.toFlight(e));
        }
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
