package io.sluice.adapters.jdbc.postgresql;

import io.sluice.adapters.jdbc.JdbcColumn;
import io.sluice.adapters.jdbc.JdbcColumnTypes;
import io.sluice.adapters.jdbc.JdbcSourceDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBinaryStringLiteral;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.BitString;
import org.postgresql.core.BaseConnection;

/** PostgreSQL's quirks. */
final class PostgreSqlSourceDialect extends JdbcSourceDialect {

    private static final String ROW_COUNT_SQL = "SELECT CASE WHEN c.reltuples >= 0 THEN c.reltuples::bigint"
            + " ELSE (SELECT s.n_live_tup FROM pg_stat_user_tables s WHERE s.relid = c.oid) END"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = ? AND c.relname = ?";

    /**
     * Calcite's PostgreSQL dialect, writing binary literals as {@code '\x…'} (bytea's hex input) instead of SQL's
     * {@code X'…'}, which PostgreSQL reads as a bit string ("operator does not exist: bytea = bit").
     */
    private static final SqlDialect SQL_DIALECT = new PostgresqlSqlDialect(PostgresqlSqlDialect.DEFAULT_CONTEXT) {
        @Override
        public void unparseCall(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
            super.unparseCall(writer, withByteaLiterals(call), leftPrec, rightPrec);
        }
    };

    @Override
    public SqlDialect sqlDialect() {
        return SQL_DIALECT;
    }

    private static SqlCall withByteaLiterals(SqlCall call) {
        List<SqlNode> operands = call.getOperandList();
        for (int i = 0; i < operands.size(); i++) {
            if (operands.get(i) instanceof SqlBinaryStringLiteral binary && call instanceof SqlBasicCall basic) {
                String hex = binary.getValueAs(BitString.class).toHexString();
                basic.setOperand(i, SqlLiteral.createCharString("\\x" + hex, binary.getParserPosition()));
            }
        }
        return call;
    }

    @Override
    public String urlPrefix() {
        return "jdbc:postgresql:";
    }

    @Override
    public Map<String, String> streamingProperties(int fetchSize) {
        // pgjdbc reads the whole result into memory unless a fetch size is set AND auto-commit is off.
        return Map.of("defaultRowFetchSize", String.valueOf(fetchSize), "ApplicationName", "sluice");
    }

    @Override
    public boolean streamsOnlyInTransaction() {
        return true;
    }

    @Override
    public boolean isSystemSchema(String schemaName) {
        return schemaName.equals("information_schema")
                || schemaName.startsWith("pg_catalog")
                || schemaName.startsWith("pg_toast")
                || schemaName.startsWith("pg_temp");
    }

    /**
     * pgjdbc's {@code Statement.cancel()} sends one cancel request per execution and ignores later calls, so a cancel
     * that reaches the server just before the statement starts is lost for good. The connection's cancel request is
     * sent every time it is asked for; the gateway repeats it only while the query still holds this connection.
     */
    @Override
    public void cancel(Statement statement) throws SQLException {
        if (statement.isClosed()) {
            return;
        }
        statement.getConnection().unwrap(BaseConnection.class).cancelQuery();
    }

    @Override
    public OptionalLong estimatedRowCount(Connection connection, String schema, String table) throws SQLException {
        return rowCountFrom(connection, ROW_COUNT_SQL, schema, table);
    }

    @Override
    public RelDataType columnType(RelDataTypeFactory typeFactory, JdbcColumn column) {
        // timestamptz needs nothing of its own: pgjdbc reports it as TIMESTAMP, and the standard mapping reads it as
        // the
        // instant's wall-clock time in the gateway's time zone (pgjdbc sets the session's TimeZone to the JVM's, so
        // pushed-down literals mean the same wall-clock time).
        return switch (column.typeName()) {
            case "uuid" -> typeFactory.createSqlType(SqlTypeName.VARCHAR, 36);
            case "json", "jsonb", "xml", "inet", "cidr", "macaddr", "interval", "money" -> typeFactory.createSqlType(
                    SqlTypeName.VARCHAR);
            default -> JdbcColumnTypes.standard(typeFactory, column);
        };
    }

    /** The "C" collation compares the UTF-8 bytes, which is code point order; equality is exact in every collation. */
    @Override
    public String codePointOrder(String expression) {
        return expression + " COLLATE \"C\"";
    }
}
