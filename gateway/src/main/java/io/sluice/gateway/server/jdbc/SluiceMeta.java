package io.sluice.gateway.server.jdbc;

import io.sluice.gateway.error.ErrorCode;
import io.sluice.gateway.error.SluiceException;
import io.sluice.gateway.execution.QueryEngine;
import io.sluice.gateway.execution.RunningQueries;
import io.sluice.gateway.execution.SqlLanguage;
import io.sluice.gateway.security.Authenticator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.jdbc.JdbcMeta;
import org.apache.calcite.avatica.jdbc.StatementInfo;
import org.apache.calcite.avatica.jdbc.UtcFrames;
import org.apache.calcite.avatica.remote.TypedValue;
import org.apache.calcite.jdbc.CalciteConnection;

/**
 * Avatica's {@link JdbcMeta} over engine sessions: authenticates each new connection, and registers each execution
 * with {@link RunningQueries} so that the side channel can cancel it at the sources too.
 */
final class SluiceMeta extends JdbcMeta {

    private final QueryEngine engine;
    private final Authenticator authenticator;
    private final RunningQueries runningQueries;
    private final CatalogMetadata metadata;

    SluiceMeta(QueryEngine engine, Authenticator authenticator, RunningQueries runningQueries) throws SQLException {
        super("jdbc:sluice-engine:", new Properties());
        this.engine = engine;
        this.authenticator = authenticator;
        this.runningQueries = runningQueries;
        this.metadata = new CatalogMetadata(engine.catalog());
    }

    @Override
    protected Connection createConnection(String url, Properties info) throws SQLException {
        String user = authenticator.authenticate(info.getProperty("user"), info.getProperty("password"));
        return engine.openConnection(user);
    }

    @Override
    public ExecuteResult prepareAndExecute(
            StatementHandle h, String sql, long maxRowCount, int maxRowsInFirstFrame, PrepareCallback callback)
            throws NoSuchStatementException {
        return run(h, true, () -> uncheckedPrepareAndExecute(h, sql, maxRowCount, maxRowsInFirstFrame, callback));
    }

    private ExecuteResult uncheckedPrepareAndExecute(
            StatementHandle h, String sql, long maxRowCount, int maxRowsInFirstFrame, PrepareCallback callback) {
        try {
            return super.prepareAndExecute(h, sql, maxRowCount, maxRowsInFirstFrame, callback);
        } catch (NoSuchStatementException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues, int maxRowsInFirstFrame)
            throws NoSuchStatementException {
        return run(h, true, () -> {
            try {
                return super.execute(h, parameterValues, maxRowsInFirstFrame);
            } catch (NoSuchStatementException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * Like {@link JdbcMeta#fetch} but reading with a UTC calendar, as Avatica reads the first frame; Avatica's own
     * fetch uses the local calendar and shifts every date-time after the first frame by the zone offset.
     */
    @Override
    public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount)
            throws NoSuchStatementException, MissingResultsException {
        StatementInfo info = getStatementCache().getIfPresent(h.id);
        if (info == null) {
            throw new NoSuchStatementException(h);
        }
        if (!info.isResultSetInitialized()) {
            throw new MissingResultsException(h);
        }
        return run(h, false, () -> {
            ResultSet resultSet = info.getResultSet();
            if (resultSet == null) {
                return Frame.EMPTY;
            }
            try {
                return UtcFrames.frame(info, resultSet, offset, fetchMaxRowCount);
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    /**
     * The engine's keywords and functions, from {@link SqlLanguage} as Flight SQL's {@code GetSqlInfo} reports them;
     * the engine's own metadata would list the JDBC escape functions ({@code {fn ...}}) only.
     */
    @Override
    public Map<DatabaseProperty, Object> getDatabaseProperties(ConnectionHandle ch) {
        Map<DatabaseProperty, Object> properties = new EnumMap<>(super.getDatabaseProperties(ch));
        properties.put(DatabaseProperty.GET_S_Q_L_KEYWORDS, String.join(",", SqlLanguage.keywords()));
        properties.put(DatabaseProperty.GET_NUMERIC_FUNCTIONS, String.join(",", SqlLanguage.numericFunctions()));
        properties.put(DatabaseProperty.GET_STRING_FUNCTIONS, String.join(",", SqlLanguage.stringFunctions()));
        properties.put(DatabaseProperty.GET_SYSTEM_FUNCTIONS, String.join(",", SqlLanguage.systemFunctions()));
        properties.put(DatabaseProperty.GET_TIME_DATE_FUNCTIONS, String.join(",", SqlLanguage.dateTimeFunctions()));
        properties.put(DatabaseProperty.GET_DEFAULT_TRANSACTION_ISOLATION, Connection.TRANSACTION_NONE);
        return properties;
    }

    @Override
    public MetaResultSet getCatalogs(ConnectionHandle ch) {
        return metadata.catalogs(ch.id);
    }

    @Override
    public MetaResultSet getSchemas(ConnectionHandle ch, String catalog, Pat schemaPattern) {
        return metadata.schemas(ch.id, catalog, schemaPattern.s);
    }

    @Override
    public MetaResultSet getTables(
            ConnectionHandle ch, String catalog, Pat schemaPattern, Pat tableNamePattern, List<String> typeList) {
        return metadata.tables(ch.id, catalog, schemaPattern.s, tableNamePattern.s, typeList);
    }

    @Override
    public MetaResultSet getTableTypes(ConnectionHandle ch) {
        return metadata.tableTypes(ch.id);
    }

    @Override
    public MetaResultSet getColumns(
            ConnectionHandle ch, String catalog, Pat schemaPattern, Pat tableNamePattern, Pat columnNamePattern) {
        return metadata.columns(ch.id, catalog, schemaPattern.s, tableNamePattern.s, columnNamePattern.s);
    }

    @Override
    public MetaResultSet getTypeInfo(ConnectionHandle ch) {
        return metadata.typeInfo(ch.id);
    }

    @Override
    public MetaResultSet getPrimaryKeys(ConnectionHandle ch, String catalog, String schema, String table) {
        return metadata.primaryKeys(ch.id, catalog, schema, table);
    }

    @Override
    public void closeStatement(StatementHandle h) {
        runningQueries.closed(h.connectionId, h.id);
        super.closeStatement(h);
    }

    @Override
    public void closeConnection(ConnectionHandle ch) {
        runningQueries.closed(ch.id);
        super.closeConnection(ch);
    }

    /**
     * Runs one step of a query with the thread attributed to it; when the query was stopped through the side channel,
     * whatever the stop made the engine or the source throw becomes QUERY_CANCELLED or QUERY_TIMEOUT.
     */
    private <T> T run(StatementHandle h, boolean restart, Supplier<T> step) throws NoSuchStatementException {
        StatementInfo info = getStatementCache().getIfPresent(h.id);
        if (info == null) {
            throw new NoSuchStatementException(h);
        }
        // StatementInfo hides its statement; reach it through the result set once execution has produced one.
        Supplier<Statement> engineStatement = () -> {
            try {
                ResultSet resultSet = info.getResultSet();
                return resultSet == null ? null : resultSet.getStatement();
            } catch (SQLException e) {
                return null;
            }
        };
        try (RunningQueries.Scope ignored =
                runningQueries.enter(h.connectionId, h.id, user(h.connectionId), engineStatement, restart)) {
            return step.get();
        } catch (RuntimeException e) {
            if (e instanceof IllegalStateException && e.getCause() instanceof NoSuchStatementException missing) {
                throw missing;
            }
            throw runningQueries
                    .stopReason(h.connectionId, h.id)
                    .map(reason -> stopped(reason, e))
                    .orElse(e);
        }
    }

    /** The authenticated user of a client connection (the engine session carries it). */
    private String user(String connectionId) {
        try {
            return getConnection(connectionId)
                    .unwrap(CalciteConnection.class)
                    .getProperties()
                    .getProperty("user", "unknown");
        } catch (SQLException | RuntimeException e) {
            return "unknown";
        }
    }

    private static RuntimeException stopped(RunningQueries.StopReason reason, RuntimeException cause) {
        return reason == RunningQueries.StopReason.TIMED_OUT
                ? new SluiceException(
                        ErrorCode.QUERY_TIMEOUT, "The query ran longer than its timeout and was stopped.", cause)
                : new SluiceException(ErrorCode.QUERY_CANCELLED, "The query was cancelled by the client.", cause);
    }
}
