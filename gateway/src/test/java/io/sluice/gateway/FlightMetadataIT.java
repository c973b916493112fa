package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.adapters.testing.TestingMariaDbServer;
import io.sluice.adapters.testing.TestingPostgreSqlServer;
import io.sluice.gateway.testing.TestingFlight;
import io.sluice.gateway.testing.TestingFlightSqlClient;
import io.sluice.gateway.testing.TestingGateway;
import io.sluice.gateway.testing.TestingSources;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.arrow.flight.CloseSessionRequest;
import org.apache.arrow.flight.CloseSessionResult;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.GetSessionOptionsRequest;
import org.apache.arrow.flight.SessionOptionValueFactory;
import org.apache.arrow.flight.SetSessionOptionsRequest;
import org.apache.arrow.flight.SetSessionOptionsResult;
import org.apache.arrow.flight.sql.FlightSqlColumnMetadata;
import org.apache.arrow.flight.sql.impl.FlightSql;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Flight SQL metadata surface as BI tools read it, through the Arrow Flight SQL JDBC driver and Arrow's own Flight SQL
 * client, compared with what the Sluice JDBC driver reports for the same gateway: server facts (GetSqlInfo), types
 * (GetXdbcTypeInfo), columns with their comments (GetTables with schemas) and result metadata.
 */
class FlightMetadataIT {

    private static final TestingPostgreSqlServer POSTGRES = TestingPostgreSqlServer.instance();
    private static final TestingMariaDbServer MARIADB = TestingMariaDbServer.instance();

    /** The DatabaseMetaData getters the Flight SQL JDBC driver answers from GetSqlInfo. */
    private static final List<String> SQL_INFO_GETTERS = List.of(
            "getDatabaseProductName",
            "getDatabaseProductVersion",
            "getIdentifierQuoteString",
            "isReadOnly",
            "getSearchStringEscape",
            "getExtraNameCharacters",
            "supportsColumnAliasing",
            "nullPlusNonNullIsNull",
            "supportsConvert",
            "supportsTableCorrelationNames",
            "supportsDifferentTableCorrelationNames",
            "supportsExpressionsInOrderBy",
            "supportsOrderByUnrelated",
            "supportsGroupBy",
            "supportsGroupByUnrelated",
            "supportsLikeEscapeClause",
            "supportsNonNullableColumns",
            "supportsMinimumSQLGrammar",
            "supportsCoreSQLGrammar",
            "supportsExtendedSQLGrammar",
            "supportsANSI92EntryLevelSQL",
            // Not supportsANSI92IntermediateSQL: the driver (18.3) answers it true for an entry-level server.
            "supportsANSI92FullSQL",
            "supportsIntegrityEnhancementFacility",
            "supportsOuterJoins",
            "supportsFullOuterJoins",
            "supportsLimitedOuterJoins",
            "getSchemaTerm",
            "getProcedureTerm",
            "getCatalogTerm",
            "isCatalogAtStart",
            "supportsSchemasInProcedureCalls",
            "supportsSchemasInIndexDefinitions",
            "supportsSchemasInPrivilegeDefinitions",
            "supportsCatalogsInIndexDefinitions",
            "supportsCatalogsInPrivilegeDefinitions",
            "supportsPositionedDelete",
            "supportsPositionedUpdate",
            "supportsSelectForUpdate",
            "supportsStoredProcedures",
            "supportsSubqueriesInComparisons",
            "supportsSubqueriesInExists",
            "supportsSubqueriesInIns",
            "supportsSubqueriesInQuantifieds",
            "supportsCorrelatedSubqueries",
            "supportsUnion",
            "supportsUnionAll",
            "getMaxBinaryLiteralLength",
            "getMaxCharLiteralLength",
            "getMaxColumnNameLength",
            "getMaxColumnsInGroupBy",
            "getMaxColumnsInIndex",
            "getMaxColumnsInOrderBy",
            "getMaxColumnsInSelect",
            "getMaxColumnsInTable",
            "getMaxConnections",
            "getMaxCursorNameLength",
            "getMaxIndexLength",
            "getMaxSchemaNameLength",
            "getMaxProcedureNameLength",
            "getMaxCatalogNameLength",
            "getMaxRowSize",
            "doesMaxRowSizeIncludeBlobs",
            "getMaxStatementLength",
            "getMaxStatements",
            "getMaxTableNameLength",
            "getMaxTablesInSelect",
            "getMaxUserNameLength",
            "getDefaultTransactionIsolation",
            "supportsTransactions",
            "dataDefinitionCausesTransactionCommit",
            "dataDefinitionIgnoredInTransactions",
            "supportsBatchUpdates",
            "supportsSavepoints",
            "supportsNamedParameters",
            "locatorsUpdateCopy",
            "supportsStoredFunctionsUsingCallSyntax");

    /** Getters returning comma-separated lists; the Flight SQL JDBC driver joins with ", ", Sluice's with ",". */
    private static final List<String> LIST_GETTERS = List.of(
            "getSQLKeywords",
            "getNumericFunctions",
            "getStringFunctions",
            "getSystemFunctions",
            "getTimeDateFunctions");

    static String pgSchema;
    static String myDatabase;
    static TestingGateway gateway;

    @BeforeAll
    static void setUp() throws Exception {
        pgSchema = POSTGRES.createSchema("fmeta");
        myDatabase = MARIADB.createDatabase("fmeta");
        try (Connection pg = POSTGRES.openConnection();
                Statement s = pg.createStatement()) {
            s.execute(
                    "CREATE TABLE " + pgSchema + ".typed (id integer PRIMARY KEY, small smallint, big bigint NOT NULL,"
                            + " amount numeric(12,2), ratio real, score double precision, flag boolean, code char(3),"
                            + " label varchar(40), body text, payload bytea, day date, at_time time(3), stamp timestamp(3),"
                            + " stamp6 timestamp, stamptz timestamptz)");
            s.execute("COMMENT ON TABLE " + pgSchema + ".typed IS 'Typed rows'");
            s.execute("COMMENT ON COLUMN " + pgSchema + ".typed.amount IS 'Amount in EUR'");
            s.execute("COMMENT ON COLUMN " + pgSchema + ".typed.label IS 'Label, ünïcode'");
            s.execute("INSERT INTO " + pgSchema + ".typed VALUES (1, 2, 3, 4.50, 1.5, 2.25, true, 'abc', 'x', 'body',"
                    + " '\\x0102', DATE '2024-03-10', TIME '12:34:56.789', TIMESTAMP '2024-03-10 01:02:03.456',"
                    + " TIMESTAMP '2024-03-10 01:02:03', TIMESTAMPTZ '2024-03-10 01:02:03+00'),"
                    + " (2, NULL, 4, NULL, NULL, NULL, NULL, NULL, 'Y', NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
            // Same name as a MariaDB table, for the session tests: which one a query reads shows the default.
            s.execute("CREATE TABLE " + pgSchema + ".accounts (name varchar(20))");
            s.execute("INSERT INTO " + pgSchema + ".accounts VALUES ('from postgresql')");
        }
        try (Connection my = MARIADB.openConnection(myDatabase);
                Statement s = my.createStatement()) {
            s.execute("CREATE TABLE typed (id INT PRIMARY KEY COMMENT 'Row id', tiny TINYINT,"
                    + " amount DECIMAL(10,3) NOT NULL COMMENT 'Total', name VARCHAR(30) COMMENT 'Customer name',"
                    + " note TEXT, day DATE, stamp DATETIME(3), blobby BLOB) COMMENT='Customers, typed'");
            s.execute("CREATE TABLE accounts (name VARCHAR(20))");
            s.execute("INSERT INTO accounts VALUES ('from mariadb')");
        }
        gateway = TestingGateway.builder()
                .source("pg", TestingSources.postgresql())
                .source("my", TestingSources.mariaDb(myDatabase))
                .start();
    }

    @AfterAll
    static void tearDown() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @AfterEach
    void noArrowMemoryLeft() throws InterruptedException {
        TestingFlight.assertClean(gateway.gateway());
    }

    @Test
    void sqlInfo_databaseMetaDataEqualsSluiceJdbc() throws Exception {
        try (Connection flight = TestingFlight.jdbc(gateway.gateway());
                Connection sluice = gateway.connectWithDriver()) {
            assertThat(answers(flight.getMetaData(), SQL_INFO_GETTERS))
                    .isEqualTo(answers(sluice.getMetaData(), SQL_INFO_GETTERS));
            assertThat(lists(flight.getMetaData())).isEqualTo(lists(sluice.getMetaData()));
            for (int type : new int[] {
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.TYPE_SCROLL_SENSITIVE
            }) {
                assertThat(flight.getMetaData().supportsResultSetType(type))
                        .as("supportsResultSetType(%d)", type)
                        .isEqualTo(sluice.getMetaData().supportsResultSetType(type));
            }
            for (int level : new int[] {
                Connection.TRANSACTION_NONE, Connection.TRANSACTION_READ_COMMITTED, Connection.TRANSACTION_SERIALIZABLE
            }) {
                assertThat(flight.getMetaData().supportsTransactionIsolationLevel(level))
                        .as("supportsTransactionIsolationLevel(%d)", level)
                        .isEqualTo(sluice.getMetaData().supportsTransactionIsolationLevel(level));
            }
            DatabaseMetaData metadata = flight.getMetaData();
            assertThat(metadata.getDatabaseProductName()).isEqualTo("Sluice");
            assertThat(metadata.isReadOnly()).isTrue();
            assertThat(metadata.supportsTransactions()).isFalse();
            assertThat(metadata.getIdentifierQuoteString()).isEqualTo("\"");
            assertThat(metadata.getCatalogTerm()).isEqualTo("catalog");
            assertThat(metadata.getNumericFunctions()).contains("ABS").contains("MOD");
            assertThat(metadata.getSQLKeywords()).contains("LIMIT");
            assertThat(sluice.getMetaData().supportsANSI92IntermediateSQL()).isFalse();
        }
        try (TestingFlightSqlClient client = new TestingFlightSqlClient(gateway)) {
            List<Object> level = client.read(client.sql()
                            .getSqlInfo(
                                    new FlightSql.SqlInfo[] {FlightSql.SqlInfo.SQL_ANSI92_SUPPORTED_LEVEL},
                                    client.bearer()))
                    .rows()
                    .get(0);
            assertThat(level.get(1)).isEqualTo(1 << FlightSql.SupportedAnsi92SqlGrammarLevel.ANSI92_ENTRY_SQL_VALUE);
        }
    }

    /** What GetSqlInfo claims, tried on the engine: each statement would fail if its claim were false. */
    @Test
    void sqlInfo_claimsHoldInTheEngine() throws Exception {
        String typed = "pg." + pgSchema + ".typed";
        try (Connection flight = TestingFlight.jdbc(gateway.gateway())) {
            // Identifiers match case-insensitively, quoted or not; $ is a name character; a correlation name may be
            // the table's own name.
            assertThat(single(
                            flight,
                            "SELECT T.ID AS a$b FROM PG." + pgSchema.toUpperCase(java.util.Locale.ROOT)
                                    + ".\"TYPED\" AS t WHERE t.id = 1"))
                    .isEqualTo("1");
            assertThat(single(flight, "SELECT typed.id FROM " + typed + " AS typed WHERE typed.id = 2"))
                    .isEqualTo("2");
            // NULL sorts high: last when ascending.
            assertThat(column(flight, "SELECT small FROM " + typed + " ORDER BY small"))
                    .containsExactly("2", null);
            // Quantified, correlated and IN subqueries; ORDER BY and GROUP BY columns not selected; LIKE ... ESCAPE.
            assertThat(single(
                            flight,
                            "SELECT count(*) FROM " + typed + " WHERE big > ALL (SELECT big - 1 FROM " + typed
                                    + " t2 WHERE t2.id = " + typed + ".id) AND id IN (SELECT id FROM " + typed + ")"))
                    .isEqualTo("2");
            assertThat(column(flight, "SELECT label FROM " + typed + " ORDER BY big DESC"))
                    .containsExactly("Y", "x");
            assertThat(column(flight, "SELECT count(*) FROM " + typed + " GROUP BY flag ORDER BY count(*)"))
                    .containsExactly("1", "1");
            assertThat(single(flight, "SELECT count(*) FROM " + typed + " WHERE 'a_c' LIKE 'a!_c' ESCAPE '!'"))
                    .isEqualTo("2");
            // FULL OUTER JOIN and UNION across sources; a function from each list GetSqlInfo names.
            assertThat(single(
                            flight,
                            "SELECT count(*) FROM (SELECT id FROM " + typed + " UNION SELECT id FROM my." + myDatabase
                                    + ".typed) u FULL OUTER JOIN " + typed + " t ON u.id = t.id"))
                    .isEqualTo("2");
            assertThat(single(
                            flight,
                            "SELECT CAST(ABS(-3) AS VARCHAR(5)) || UPPER('a') || CAST(CHAR_LENGTH(CAST(CURRENT_DATE AS"
                                    + " VARCHAR(20))) AS VARCHAR(5)) || TO_CHAR(DATE '2024-01-02', 'YYYY') FROM "
                                    + typed + " WHERE id = 1"))
                    .isEqualTo("3A102024");
        }
    }

    @Test
    void xdbcTypeInfo_equalsSluiceJdbcTypeInfo() throws Exception {
        List<List<Object>> expected = new ArrayList<>();
        try (Connection sluice = gateway.connectWithDriver();
                ResultSet rs = sluice.getMetaData().getTypeInfo()) {
            while (rs.next()) {
                expected.add(Arrays.asList(
                        rs.getString("TYPE_NAME"),
                        rs.getInt("DATA_TYPE"),
                        rs.getObject("PRECISION"),
                        rs.getString("LITERAL_PREFIX"),
                        rs.getString("LITERAL_SUFFIX"),
                        rs.getString("CREATE_PARAMS"),
                        (int) rs.getShort("NULLABLE"),
                        rs.getBoolean("CASE_SENSITIVE"),
                        (int) rs.getShort("SEARCHABLE"),
                        rs.getObject("UNSIGNED_ATTRIBUTE"),
                        rs.getBoolean("FIXED_PREC_SCALE"),
                        rs.getObject("AUTO_INCREMENT"),
                        rs.getString("LOCAL_TYPE_NAME"),
                        rs.getObject("MINIMUM_SCALE") == null ? null : (int) rs.getShort("MINIMUM_SCALE"),
                        rs.getObject("MAXIMUM_SCALE") == null ? null : (int) rs.getShort("MAXIMUM_SCALE"),
                        rs.getObject("NUM_PREC_RADIX")));
            }
        }
        assertThat(expected).extracting(row -> row.get(0)).contains("INTEGER", "VARCHAR", "DECIMAL", "TIMESTAMP");
        try (Connection flight = TestingFlight.jdbc(gateway.gateway());
                ResultSet rs = flight.getMetaData().getTypeInfo()) {
            // The Flight SQL JDBC driver (18.3) never sends GetXdbcTypeInfo: its getTypeInfo is Avatica's empty one.
            assertThat(rs.next()).isFalse();
        }
        try (TestingFlightSqlClient client = new TestingFlightSqlClient(gateway)) {
            List<List<Object>> actual = typeInfoRows(client.read(client.sql().getXdbcTypeInfo(client.bearer())));
            assertThat(actual).isEqualTo(expected);
            List<List<Object>> timestamps =
                    typeInfoRows(client.read(client.sql().getXdbcTypeInfo(Types.TIMESTAMP, client.bearer())));
            assertThat(timestamps)
                    .isNotEmpty()
                    .isEqualTo(expected.stream()
                            .filter(row -> row.get(1).equals(Types.TIMESTAMP))
                            .toList());
        }
    }

    @Test
    void getColumns_equalsSluiceJdbcColumnByColumnWithComments() throws Exception {
        for (String[] table : new String[][] {{"pg", pgSchema}, {"my", myDatabase}}) {
            List<String> expected;
            try (Connection sluice = gateway.connectWithDriver()) {
                expected = columns(sluice, table[0], table[1]);
            }
            try (Connection flight = TestingFlight.jdbc(gateway.gateway())) {
                assertThat(columns(flight, table[0], table[1]))
                        .as("%s.%s.typed", table[0], table[1])
                        .isEqualTo(expected);
            }
        }
        try (Connection sluice = gateway.connectWithDriver()) {
            assertThat(columns(sluice, "pg", pgSchema))
                    .anyMatch(c -> c.startsWith("amount ") && c.endsWith(" Amount in EUR"))
                    .anyMatch(c -> c.startsWith("label ") && c.endsWith(" Label, ünïcode"))
                    .anyMatch(c -> c.startsWith("body ") && c.endsWith(" null"));
            assertThat(columns(sluice, "my", myDatabase))
                    .anyMatch(c -> c.startsWith("id ") && c.endsWith(" Row id"))
                    .anyMatch(c -> c.startsWith("name ") && c.endsWith(" Customer name"))
                    .anyMatch(c -> c.startsWith("note ") && c.endsWith(" null"));
            assertThat(tableRemarks(sluice, "pg", pgSchema)).isEqualTo("Typed rows");
            assertThat(tableRemarks(sluice, "my", myDatabase)).isEqualTo("Customers, typed");
        }
    }

    @Test
    void getTablesWithSchema_everyFieldCarriesColumnMetadata() throws Exception {
        try (TestingFlightSqlClient client = new TestingFlightSqlClient(gateway)) {
            FlightInfo info = client.sql().getTables("pg", pgSchema, "typed", null, true, client.bearer());
            byte[] serialized = (byte[]) client.read(info).rows().get(0).get(4);
            List<Field> fields = org.apache.arrow.vector.types.pojo.Schema.deserializeMessage(
                            java.nio.ByteBuffer.wrap(serialized))
                    .getFields();
            assertThat(fields).hasSize(16);
            for (Field field : fields) {
                FlightSqlColumnMetadata metadata = new FlightSqlColumnMetadata(field.getMetadata());
                assertThat(metadata.getCatalogName()).as(field.getName()).isEqualTo("pg");
                assertThat(metadata.getSchemaName()).isEqualTo(pgSchema);
                assertThat(metadata.getTableName()).isEqualTo("typed");
                assertThat(metadata.getTypeName()).isNotEmpty();
                assertThat(metadata.getPrecision()).as(field.getName()).isNotNull();
                assertThat(metadata.isAutoIncrement()).isFalse();
                assertThat(metadata.isCaseSensitive()).isNotNull();
                assertThat(metadata.isReadOnly()).isTrue();
                assertThat(metadata.isSearchable()).isTrue();
            }
            Map<String, Field> byName = new LinkedHashMap<>();
            fields.forEach(field -> byName.put(field.getName(), field));
            assertThat(byName.get("id").isNullable()).isFalse();
            assertThat(byName.get("big").isNullable()).isFalse();
            assertThat(byName.get("small").isNullable()).isTrue();
            FlightSqlColumnMetadata amount =
                    new FlightSqlColumnMetadata(byName.get("amount").getMetadata());
            assertThat(List.of(amount.getTypeName(), amount.getPrecision(), amount.getScale(), amount.getRemarks()))
                    .containsExactly("DECIMAL", 12, 2, "Amount in EUR");
            assertThat(new FlightSqlColumnMetadata(byName.get("body").getMetadata()).getRemarks())
                    .isNull();
        }
    }

    @Test
    void resultSetMetaData_equalsSluiceJdbcForStatementsAndPreparedStatements() throws Exception {
        String sql = "SELECT id, big, amount, ratio, score, flag, code, label, \"day\", at_time, stamp, stamptz,"
                + " amount * 2 AS doubled FROM pg." + pgSchema + ".typed WHERE id = ?";
        List<String> expected;
        try (Connection sluice = gateway.connectWithDriver();
                PreparedStatement statement = sluice.prepareStatement(sql)) {
            statement.setInt(1, 1);
            try (ResultSet rs = statement.executeQuery()) {
                expected = describe(rs.getMetaData());
            }
        }
        assertThat(expected.get(2)).contains("." + pgSchema + ".typed.amount").contains(" 12,2 ");
        try (Connection flight = TestingFlight.jdbc(gateway.gateway());
                PreparedStatement statement = flight.prepareStatement(sql)) {
            assertThat(describe(statement.getMetaData())).isEqualTo(expected);
            statement.setInt(1, 1);
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(describe(rs.getMetaData())).isEqualTo(expected);
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt("id")).isEqualTo(1);
            }
        }
        try (Connection flight = TestingFlight.jdbc(gateway.gateway());
                Statement statement = flight.createStatement();
                ResultSet rs = statement.executeQuery(sql.replace("?", "1"))) {
            assertThat(describe(rs.getMetaData())).isEqualTo(expected);
        }
    }

    /**
     * Type names and nullability do not survive the Flight SQL JDBC driver (it derives both from the Arrow type); the
     * schema itself carries them, and the stream announces the very schema the FlightInfo did.
     */
    @Test
    void resultSchema_carriesTypeNamesAndNullabilityAndMatchesTheStream() throws Exception {
        String sql = "SELECT id, small, code, stamptz FROM pg." + pgSchema + ".typed ORDER BY id";
        List<String> expected = new ArrayList<>();
        try (Connection sluice = gateway.connectWithDriver();
                Statement statement = sluice.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData metadata = rs.getMetaData();
            for (int i = 1; i <= metadata.getColumnCount(); i++) {
                expected.add(metadata.getColumnName(i) + " " + metadata.getColumnTypeName(i) + " "
                        + (metadata.isNullable(i) == ResultSetMetaData.columnNullable));
            }
        }
        try (TestingFlightSqlClient client = new TestingFlightSqlClient(gateway)) {
            FlightInfo info = client.sql().execute(sql, client.bearer());
            List<String> actual = new ArrayList<>();
            for (Field field : info.getSchemaOptional().orElseThrow().getFields()) {
                actual.add(field.getName() + " " + new FlightSqlColumnMetadata(field.getMetadata()).getTypeName() + " "
                        + field.isNullable());
            }
            assertThat(actual).isEqualTo(expected);
            TestingFlightSqlClient.Result result = client.read(info);
            assertThat(result.schema()).isEqualTo(info.getSchemaOptional().orElseThrow());
            assertThat(result.rows()).hasSize(2);
            org.apache.arrow.flight.sql.FlightSqlClient.PreparedStatement prepared =
                    client.sql().prepare(sql, client.bearer());
            try {
                assertThat(prepared.getResultSetSchema())
                        .isEqualTo(info.getSchemaOptional().orElseThrow());
                FlightInfo preparedInfo = prepared.execute(client.bearer());
                assertThat(client.read(preparedInfo).schema()).isEqualTo(prepared.getResultSetSchema());
            } finally {
                prepared.close(client.bearer());
            }
        }
    }

    @Test
    void sessionCatalog_fromTheJdbcDriversCatalogProperty_resolvesNamesPerConnection() throws Exception {
        String query = "SELECT name FROM %s.accounts";
        Connection onMariaDb = TestingFlight.jdbc(gateway.gateway(), Map.of("catalog", "my"));
        Connection onPostgres = TestingFlight.jdbc(gateway.gateway(), Map.of("catalog", "pg"));
        try (Connection plain = TestingFlight.jdbc(gateway.gateway())) {
            assertThat(gateway.gateway().flightServer().openSessions()).isEqualTo(2);
            assertThat(column(onMariaDb, query.formatted(myDatabase))).containsExactly("from mariadb");
            assertThat(column(onPostgres, query.formatted(pgSchema))).containsExactly("from postgresql");
            try (PreparedStatement statement = onMariaDb.prepareStatement(query.formatted(myDatabase));
                    ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("from mariadb");
            }
            assertThat(failure(() -> column(plain, query.formatted(myDatabase))))
                    .contains("SCHEMA_NOT_FOUND: Unknown source '" + myDatabase + "'");
            assertThat(column(plain, "SELECT name FROM my." + myDatabase + ".accounts"))
                    .containsExactly("from mariadb");
        } finally {
            closeWithCatalog(onMariaDb);
            closeWithCatalog(onPostgres);
        }
        // The driver closed both sessions (CloseSession) before failing in close().
        assertThat(gateway.gateway().flightServer().openSessions()).isZero();
        assertThat(failure(() -> TestingFlight.jdbc(gateway.gateway(), Map.of("catalog", "nope"))))
                .contains("Cannot set session option for catalog");
        assertThat(gateway.gateway().flightServer().openSessions()).isZero();
    }

    /**
     * Closes a connection made with the driver's {@code catalog} property. Driver 18.3 sends CloseSession, then closes
     * its client twice, and the second CloseSession fails on the closed channel (apache/arrow-java GH-863, fixed after
     * 18.3 by suppressing it).
     */
    private static void closeWithCatalog(Connection connection) {
        assertThat(failure(connection::close)).contains("Channel shutdown invoked");
    }

    @Test
    void sessionOptions_setGetAndClose_withArrowsFlightClient() throws Exception {
        try (TestingFlightSqlClient client = new TestingFlightSqlClient(gateway);
                TestingFlightSqlClient other = new TestingFlightSqlClient(gateway)) {
            SetSessionOptionsResult set = client.flight()
                    .setSessionOptions(
                            new SetSessionOptionsRequest(Map.of(
                                    "catalog", SessionOptionValueFactory.makeSessionOptionValue("pg"),
                                    "schema", SessionOptionValueFactory.makeSessionOptionValue(pgSchema))),
                            client.bearer());
            assertThat(set.hasErrors()).isFalse();
            assertThat(options(client)).containsExactly(Map.entry("catalog", "pg"), Map.entry("schema", pgSchema));
            assertThat(client.read(client.sql().execute("SELECT name FROM accounts", client.bearer()))
                            .rows())
                    .containsExactly(List.of(new org.apache.arrow.vector.util.Text("from postgresql")));
            // Another client's session is its own.
            assertThat(options(other)).isEmpty();
            assertThat(catchFlight(() -> other.sql().execute("SELECT name FROM accounts", other.bearer())))
                    .contains("Unknown source 'accounts'");

            SetSessionOptionsResult refused = client.flight()
                    .setSessionOptions(
                            new SetSessionOptionsRequest(Map.of(
                                    "colour", SessionOptionValueFactory.makeSessionOptionValue("blue"),
                                    "schema", SessionOptionValueFactory.makeSessionOptionValue("no_such_schema"))),
                            client.bearer());
            assertThat(refused.getErrors())
                    .containsOnlyKeys("colour", "schema")
                    .containsEntry(
                            "colour",
                            new SetSessionOptionsResult.Error(SetSessionOptionsResult.ErrorValue.INVALID_NAME))
                    .containsEntry(
                            "schema",
                            new SetSessionOptionsResult.Error(SetSessionOptionsResult.ErrorValue.INVALID_VALUE));
            assertThat(client.lastHeader("sluice-session-option-errors"))
                    .contains("unknown option \"colour\"; the options are catalog, schema")
                    .contains("no schema \"no_such_schema\" in catalog pg");
            assertThat(options(client)).containsEntry("schema", pgSchema);

            CloseSessionResult closed = client.flight().closeSession(new CloseSessionRequest(), client.bearer());
            assertThat(closed.getStatus()).isEqualTo(CloseSessionResult.Status.CLOSED);
            assertThat(options(client)).isEmpty();
            assertThat(catchFlight(() -> client.sql().execute("SELECT name FROM accounts", client.bearer())))
                    .contains("Unknown source 'accounts'");
        }
        assertThat(gateway.gateway().flightServer().openSessions()).isZero();
    }

    private static Map<String, String> options(TestingFlightSqlClient client) {
        Map<String, String> options = new java.util.TreeMap<>();
        client.flight()
                .getSessionOptions(new GetSessionOptionsRequest(), client.bearer())
                .getSessionOptions()
                .forEach((name, value) -> options.put(name, value.toString().replaceAll("^\"|\"$", "")));
        return options;
    }

    private static String catchFlight(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(org.apache.arrow.flight.FlightRuntimeException.class);
        return thrown.getMessage();
    }

    /** The exception chain of what {@code call} threw, as text (the driver's Flight classes are shaded). */
    private static String failure(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(SQLException.class);
        StringBuilder chain = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            chain.append(t).append('\n');
        }
        return chain.toString();
    }

    private static Map<String, Object> answers(DatabaseMetaData metadata, List<String> getters) throws Exception {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (String getter : getters) {
            Method method = DatabaseMetaData.class.getMethod(getter);
            answers.put(getter, method.invoke(metadata));
        }
        return answers;
    }

    private static Map<String, TreeSet<String>> lists(DatabaseMetaData metadata) throws Exception {
        Map<String, TreeSet<String>> lists = new LinkedHashMap<>();
        for (Map.Entry<String, Object> answer : answers(metadata, LIST_GETTERS).entrySet()) {
            TreeSet<String> names = new TreeSet<>();
            for (String name : ((String) answer.getValue()).split(",")) {
                names.add(name.trim());
            }
            lists.put(answer.getKey(), names);
        }
        return lists;
    }

    private static List<List<Object>> typeInfoRows(TestingFlightSqlClient.Result result) {
        List<String> names =
                result.schema().getFields().stream().map(Field::getName).toList();
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            Map<String, Object> byName = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                Object value = row.get(i);
                byName.put(names.get(i), value instanceof org.apache.arrow.vector.util.Text ? value.toString() : value);
            }
            List<?> createParams = (List<?>) byName.get("create_params");
            rows.add(Arrays.asList(
                    byName.get("type_name"),
                    byName.get("data_type"),
                    byName.get("column_size"),
                    byName.get("literal_prefix"),
                    byName.get("literal_suffix"),
                    createParams == null
                            ? null
                            : String.join(
                                    ",",
                                    createParams.stream().map(String::valueOf).toList()),
                    byName.get("nullable"),
                    byName.get("case_sensitive"),
                    byName.get("searchable"),
                    byName.get("unsigned_attribute"),
                    byName.get("fixed_prec_scale"),
                    byName.get("auto_increment"),
                    byName.get("local_type_name"),
                    byName.get("minimum_scale"),
                    byName.get("maximum_scale"),
                    byName.get("num_prec_radix")));
        }
        return rows;
    }

    /** getColumns of the {@code typed} table, one line per column, the fields BI tools build column lists from. */
    private static List<String> columns(Connection connection, String catalog, String schema) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getColumns(catalog, schema, "typed", null)) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME") + " " + rs.getString("TYPE_NAME") + " "
                        + dataType(rs.getInt("DATA_TYPE")) + " " + rs.getObject("COLUMN_SIZE") + " "
                        + rs.getObject("DECIMAL_DIGITS") + " " + rs.getInt("NULLABLE") + " "
                        + rs.getInt("ORDINAL_POSITION") + " " + rs.getString("REMARKS"));
            }
        }
        return columns;
    }

    /**
     * DATA_TYPE as comparable across both drivers. The Flight SQL JDBC driver derives it from the Arrow type, which has
     * no fixed-length text, no single-precision REAL (it reports FLOAT) and no sized BINARY.
     */
    private static int dataType(int jdbcType) {
        return switch (jdbcType) {
            case Types.CHAR -> Types.VARCHAR;
            case Types.REAL -> Types.FLOAT;
            case Types.BINARY -> Types.VARBINARY;
            default -> jdbcType;
        };
    }

    private static String tableRemarks(Connection connection, String catalog, String schema) throws SQLException {
        try (ResultSet rs = connection.getMetaData().getTables(catalog, schema, "typed", null)) {
            assertThat(rs.next()).isTrue();
            return rs.getString("REMARKS");
        }
    }

    /** What the Flight SQL JDBC driver can carry of each result column, from the field metadata. */
    private static List<String> describe(ResultSetMetaData metadata) throws SQLException {
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= metadata.getColumnCount(); i++) {
            columns.add(metadata.getColumnName(i) + " " + metadata.getCatalogName(i) + "." + metadata.getSchemaName(i)
                    + "." + metadata.getTableName(i) + "." + metadata.getColumnName(i) + " " + metadata.getPrecision(i)
                    + "," + metadata.getScale(i) + " " + metadata.isAutoIncrement(i) + " " + metadata.isCaseSensitive(i)
                    + " " + metadata.isReadOnly(i) + " " + metadata.isSearchable(i));
        }
        return columns;
    }

    private static String single(Connection connection, String sql) throws SQLException {
        List<String> values = column(connection, sql);
        assertThat(values).as(sql).hasSize(1);
        return values.get(0);
    }

    private static List<String> column(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
