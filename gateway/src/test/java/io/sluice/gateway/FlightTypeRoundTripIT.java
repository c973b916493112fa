package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.sluice.adapters.jdbc.duckdb.DuckDbSourceConfig;
import io.sluice.adapters.testing.TestingMariaDbServer;
import io.sluice.adapters.testing.TestingPostgreSqlServer;
import io.sluice.gateway.testing.TestingFlight;
import io.sluice.gateway.testing.TestingGateway;
import io.sluice.gateway.testing.TestingSources;
import io.sluice.gateway.testing.TestingTypeTables;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.arrow.adbc.core.AdbcConnection;
import org.apache.arrow.adbc.core.AdbcDatabase;
import org.apache.arrow.adbc.core.AdbcDriver;
import org.apache.arrow.adbc.core.AdbcStatement;
import org.apache.arrow.adbc.driver.flightsql.FlightSqlDriver;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.DurationVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntervalYearVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What travels in the Arrow stream, value by value: every column of the typed tables of PostgreSQL, MariaDB and DuckDB
 * ({@link TestingTypeTables}), and every other type the engine yields, read through the Arrow Flight SQL JDBC driver and
 * as Arrow vectors through the ADBC Flight SQL driver, equals what the Sluice JDBC path (Avatica) returns for the same
 * query; the Arrow types are exact (Decimal128 with the declared precision and scale, Date32, Time64 and Timestamp in
 * microseconds, …). After every test the Flight server's Arrow memory is back to zero. The gateway here has the DuckDB
 * fast path off: it is the general path that must equal the JDBC path; ArrowPassThroughIT compares the fast path with
 * this one, and pins where it keeps more of the source's value.
 */
class FlightTypeRoundTripIT {

    private static final TestingPostgreSqlServer POSTGRES = TestingPostgreSqlServer.instance();
    private static final TestingMariaDbServer MARIADB = TestingMariaDbServer.instance();

    @TempDir
    static Path dir;

    static String pgSchema;
    static String myDatabase;
    static TestingGateway gateway;
    static BufferAllocator clientAllocator;

    @BeforeAll
    static void setUp() throws Exception {
        pgSchema = POSTGRES.createSchema("flight_types");
        myDatabase = MARIADB.createDatabase("flight_types");
        Path duckFile = dir.resolve("types.duckdb");
        TestingTypeTables.create(pgSchema, myDatabase, duckFile);
        gateway = TestingGateway.builder()
                .source("pg", TestingSources.postgresql())
                .source("my", TestingSources.mariaDb(myDatabase))
                .source("duck", new DuckDbSourceConfig(Optional.of(duckFile), true))
                .arrowPassThrough(false)
                .start();
        clientAllocator = new RootAllocator();
    }

    @AfterAll
    static void tearDown() {
        if (gateway != null) {
            gateway.close();
        }
        if (clientAllocator != null) {
            clientAllocator.close();
        }
    }

    @AfterEach
    void noArrowMemoryLeft() throws InterruptedException {
        TestingFlight.assertClean(gateway.gateway());
    }

    @ParameterizedTest
    @ValueSource(strings = {"pg", "my", "duck"})
    void scan_flightJdbcAndAdbcEqualSluiceJdbc(String source) throws Exception {
        assertSameEverywhere("SELECT * FROM " + table(source, "types") + " ORDER BY id", 5);
    }

    /** A PostgreSQL ⋈ MariaDB join runs in the engine: every column of both sides, read as Arrow through ADBC. */
    @Test
    void crossSourceJoin_adbcReadsArrowEqualToSluiceJdbc() throws Exception {
        String sql = "SELECT p.*, m.* FROM " + table("pg", "types") + " p JOIN " + table("my", "types")
                + " m ON p.id = m.id ORDER BY p.id";
        try (Connection c = gateway.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR " + sql)) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1))
                    .containsPattern("Enumerable\\w*Join")
                    .contains("source=[pg]")
                    .contains("source=[my]");
        }
        assertSameEverywhere(sql, 5);
    }

    /** Types that come from expressions rather than tables, NULL-typed columns among them. */
    @Test
    void engineTypes_flightJdbcAndAdbcEqualSluiceJdbc() throws Exception {
        String sql = "SELECT CAST(id AS TINYINT) AS c_tiny, CAST(NULL AS INTEGER) AS c_null_int, NULL AS c_null,"
                + " CAST(c_int AS DOUBLE) / 3 AS c_ratio, c_dec10 * c_dec10 AS c_product, c_dec10 + 1 AS c_sum,"
                + " CAST(c_double AS FLOAT) AS c_float, CAST(c_date AS TIMESTAMP) AS c_midnight,"
                + " c_ts - INTERVAL '1' DAY AS c_yesterday, CAST(c_small AS DECIMAL(7, 2)) AS c_small_decimal,"
                + " CAST(c_varchar AS CHAR(3)) AS c_char3, CAST(c_uuid AS VARCHAR) AS c_uuid_text"
                + " FROM " + table("pg", "types") + " ORDER BY id";
        assertSameEverywhere(sql, 5);
    }

    /**
     * Instants and intervals, computed in the engine (over VALUES: pushed down to PostgreSQL, such casts and interval
     * columns fail at the source today). TIMESTAMP WITH LOCAL TIME ZONE is sent as Timestamp(MICROSECOND, "UTC").
     * NOTES.md said zoned timestamps make the Flight JDBC driver's getObject() fail: still so with driver 18.3, while
     * getObject(OffsetDateTime.class) reads them exactly; Arrow clients (ADBC) get a real instant.
     */
    @Test
    void instantsAndIntervals_sameAsSluiceJdbc() throws Exception {
        String sql = "SELECT id, CAST(ts AS TIMESTAMP WITH LOCAL TIME ZONE) AS c_instant,"
                + " CASE WHEN ts IS NOT NULL THEN INTERVAL '3' DAY END AS c_days,"
                + " CASE WHEN ts IS NOT NULL THEN INTERVAL '1:30:15.5' HOUR TO SECOND END AS c_seconds,"
                + " CASE WHEN ts IS NOT NULL THEN INTERVAL '1-2' YEAR TO MONTH END AS c_months"
                + " FROM (VALUES (1, TIMESTAMP '2024-03-10 12:34:56'), (2, TIMESTAMP '1969-12-31 23:59:59'),"
                + " (3, TIMESTAMP '2022-10-30 01:30:00'), (4, CAST(NULL AS TIMESTAMP))) AS t (id, ts) ORDER BY id";
        assertThat(adbcSchema(sql).getFields())
                .extracting(Field::getType)
                .containsExactly(
                        new ArrowType.Int(32, true),
                        new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC"),
                        new ArrowType.Duration(TimeUnit.MILLISECOND),
                        new ArrowType.Duration(TimeUnit.MILLISECOND),
                        new ArrowType.Interval(IntervalUnit.YEAR_MONTH));
        assertSameEverywhere(sql, 4);
        assertThat(adbcRows(sql).get(0).subList(1, 5))
                .containsExactly(
                        LocalDateTime.parse("2024-03-10T12:34:56")
                                .atZone(ZoneId.systemDefault())
                                .toInstant(),
                        Duration.ofDays(3),
                        Duration.parse("PT1H30M15.5S"),
                        Period.of(1, 2, 0));
        // Confirmed with driver 18.3: getObject() of a zoned timestamp fails in the driver's Avatica layer (JDBC type
        // TIMESTAMP_WITH_TIMEZONE); getObject(OffsetDateTime.class), compared above, works.
        try (Connection flight = connectFlight();
                Statement s = flight.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getMetaData().getColumnType(2)).isEqualTo(Types.TIMESTAMP_WITH_TIMEZONE);
            assertThat(catchThrowable(() -> rs.getObject(2))).hasMessageContaining("not implemented");
        }
    }

    @Test
    void schema_exactArrowTypes() throws Exception {
        Schema schema = adbcSchema("SELECT * FROM " + table("pg", "types"));
        Map<String, ArrowType> types = new HashMap<>();
        for (Field field : schema.getFields()) {
            types.put(field.getName(), field.getType());
            // Nullability is the table's, as on the JDBC path: only the primary key holds no nulls.
            assertThat(field.isNullable())
                    .as(field.getName())
                    .isEqualTo(!field.getName().equals("id"));
        }
        ArrowType micros = new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
        assertThat(types)
                .containsEntry("id", new ArrowType.Int(32, true))
                .containsEntry("c_dec38", new ArrowType.Decimal(38, 10, 128))
                .containsEntry("c_dec10", new ArrowType.Decimal(10, 2, 128))
                .containsEntry("c_date", new ArrowType.Date(DateUnit.DAY))
                .containsEntry("c_time", new ArrowType.Time(TimeUnit.MICROSECOND, 64))
                .containsEntry("c_ts", micros)
                .containsEntry("c_tstz", micros)
                .containsEntry("c_bool", ArrowType.Bool.INSTANCE)
                .containsEntry("c_char", ArrowType.Utf8.INSTANCE)
                .containsEntry("c_varchar", ArrowType.Utf8.INSTANCE)
                .containsEntry("c_text", ArrowType.Utf8.INSTANCE)
                .containsEntry("c_small", new ArrowType.Int(16, true))
                .containsEntry("c_big", new ArrowType.Int(64, true))
                .containsEntry("c_real", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE))
                .containsEntry("c_double", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE))
                .containsEntry("c_bytea", ArrowType.Binary.INSTANCE)
                .containsEntry("c_uuid", ArrowType.Utf8.INSTANCE)
                .containsEntry("c_jsonb", ArrowType.Utf8.INSTANCE);
        assertThat(adbcSchema("SELECT CAST(1 AS TINYINT) AS t, NULL AS n FROM " + table("pg", "ids"))
                        .getFields())
                .extracting(Field::getType)
                .containsExactly(new ArrowType.Int(8, true), ArrowType.Null.INSTANCE);
    }

    /** Calcite lets DECIMAL(38, 10) + 1 overflow to 39 digits; Decimal128 cannot hold them, so the stream says so. */
    @Test
    void decimalOverflow_failsNamingTheColumn() throws Exception {
        String sql = "SELECT id, c_dec38 + 1 AS c_sum FROM " + table("pg", "types") + " WHERE id = 4";
        try (Connection flight = connectFlight();
                Statement statement = flight.createStatement()) {
            Throwable thrown = catchThrowable(() -> statement.executeQuery(sql).close());
            assertThat(chain(thrown))
                    .contains("INVALID_ARGUMENT: QUERY_INVALID: Column c_sum has a value of 39 digits, more than its"
                            + " type DECIMAL(38, 10) holds");
        }
    }

    @Test
    void unsupportedType_failsNamingTheColumn() throws Exception {
        String sql = "SELECT id, ARRAY[id, id] AS pair FROM " + table("pg", "ids");
        try (Connection flight = connectFlight();
                Statement statement = flight.createStatement()) {
            Throwable thrown = catchThrowable(() -> statement.executeQuery(sql).close());
            assertThat(chain(thrown))
                    .contains("UNIMPLEMENTED: NOT_SUPPORTED: Column pair has type INTEGER ARRAY")
                    .contains("cast it");
        }
        // The gateway goes on serving.
        assertThat(adbcRows("SELECT count(*) FROM " + table("pg", "ids"))).containsExactly(List.of(5L));
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Runs {@code sql} through the three clients and asserts that they return the same values, row by row. */
    private static void assertSameEverywhere(String sql, int expectedRows) throws Exception {
        List<List<Object>> expected = new ArrayList<>();
        try (Connection sluice = gateway.connect()) {
            for (List<Object> row : jdbcRows(sluice, sql)) {
                expected.add(row.stream()
                        .map(FlightTypeRoundTripIT::withoutAvaticaDayShift)
                        .toList());
            }
        }
        assertThat(expected).hasSize(expectedRows);
        List<List<Object>> flightJdbc;
        try (Connection flight = connectFlight()) {
            flightJdbc = jdbcRows(flight, sql);
        }
        List<List<Object>> adbc = adbcRows(sql);
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(flightJdbc).hasSize(expectedRows);
        soft.assertThat(adbc).hasSize(expectedRows);
        for (int row = 0; row < Math.min(expectedRows, Math.min(flightJdbc.size(), adbc.size())); row++) {
            for (int column = 0; column < expected.get(row).size(); column++) {
                String where = "row " + row + " column " + (column + 1);
                Object value = expected.get(row).get(column);
                soft.assertThat(flightJdbc.get(row).get(column))
                        .as("Flight JDBC " + where)
                        .isEqualTo(value);
                soft.assertThat(adbc.get(row).get(column)).as("ADBC " + where).isEqualTo(value);
            }
        }
        soft.assertAll();
    }

    /**
     * The value the Sluice JDBC path meant: Avatica's server counts the days of dates and timestamps before 1582-10-15
     * with java.sql.Date's hybrid Julian/Gregorian calendar, so that 1000-01-01 arrives as 1000-01-06 (README, "Type
     * fidelity"). Flight carries the engine's day number as it is; this undoes Avatica's shift (an identity from
     * 1582-10-15 on).
     */
    private static Object withoutAvaticaDayShift(Object value) {
        if (value instanceof LocalDate date) {
            return julianFields(date);
        }
        if (value instanceof LocalDateTime dateTime) {
            return LocalDateTime.of(julianFields(dateTime.toLocalDate()), dateTime.toLocalTime());
        }
        return value;
    }

    private static LocalDate julianFields(LocalDate date) {
        GregorianCalendar calendar = new GregorianCalendar(java.util.TimeZone.getTimeZone("UTC"), Locale.ROOT);
        calendar.setTimeInMillis(date.toEpochDay() * 86_400_000L);
        return LocalDate.of(
                calendar.get(Calendar.YEAR), calendar.get(Calendar.MONTH) + 1, calendar.get(Calendar.DAY_OF_MONTH));
    }

    /** Rows read through a JDBC driver, each value in a comparable form chosen by its JDBC type. */
    static List<List<Object>> jdbcRows(Connection connection, String sql) throws SQLException {
        boolean flight = connection.getClass().getName().contains("arrow");
        List<List<Object>> rows = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object value = jdbcValue(rs, i, md.getColumnType(i), md.getColumnTypeName(i), flight);
                    row.add(rs.wasNull() ? null : value);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static Object jdbcValue(ResultSet rs, int i, int type, String typeName, boolean flight)
            throws SQLException {
        if (typeName.startsWith("TIMESTAMP_WITH_LOCAL_TIME_ZONE") && !flight) {
            // Avatica shows an instant as its wall-clock time at UTC.
            return parse(rs.getString(i), text -> LocalDateTime.parse(text, TypeRoundTripIT.TIMESTAMP_TEXT)
                    .toInstant(ZoneOffset.UTC));
        }
        if (typeName.startsWith("INTERVAL_")) {
            // Avatica gives the engine's numbers: months, or milliseconds.
            boolean months = typeName.startsWith("INTERVAL_YEAR") || typeName.startsWith("INTERVAL_MONTH");
            return months ? Period.ofMonths(rs.getInt(i)).normalized() : Duration.ofMillis(rs.getLong(i));
        }
        return switch (type) {
            case Types.BOOLEAN, Types.BIT -> rs.getBoolean(i);
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> rs.getLong(i);
                // The Flight driver reports Float4 as FLOAT (JDBC's double): compare every float as the double it
                // widens to.
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> rs.getDouble(i);
            case Types.DECIMAL, Types.NUMERIC -> decimal(rs.getBigDecimal(i));
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR -> rs.getString(i);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> hex(rs.getBytes(i));
                // Both drivers print a DATE from its day number (proleptic Gregorian); java.sql.Date would not.
            case Types.DATE -> parse(rs.getString(i), LocalDate::parse);
                // The Flight driver's getObject(LocalTime) drops the fraction (java.sql.Time#toLocalTime) and fails on
                // NULL.
            case Types.TIME -> flight ? flightObject(rs.getObject(i)) : parse(rs.getString(i), LocalTime::parse);
                // Avatica has no java.time getters; the Flight driver's getTimestamp() shifts zone-less values.
            case Types.TIMESTAMP -> flight
                    ? rs.getObject(i, LocalDateTime.class)
                    : parse(rs.getString(i), text -> LocalDateTime.parse(text, TypeRoundTripIT.TIMESTAMP_TEXT));
            case Types.TIMESTAMP_WITH_TIMEZONE -> instant(rs.getObject(i, OffsetDateTime.class));
            default -> flightObject(rs.getObject(i));
        };
    }

    /** Rows read as Arrow through the ADBC Flight SQL driver, each value in the same form as {@link #jdbcRows}. */
    static List<List<Object>> adbcRows(String sql) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        adbcQuery(sql, root -> {
            for (int row = 0; row < root.getRowCount(); row++) {
                List<Object> values = new ArrayList<>();
                for (FieldVector vector : root.getFieldVectors()) {
                    values.add(vector.isNull(row) ? null : arrowValue(vector, row));
                }
                rows.add(values);
            }
        });
        return rows;
    }

    private static Schema adbcSchema(String sql) throws Exception {
        List<Schema> schema = new ArrayList<>();
        adbcQuery(sql, root -> schema.add(root.getSchema()));
        return schema.get(0);
    }

    /** Runs {@code sql} through ADBC and hands each record batch to {@code batches}. */
    private static void adbcQuery(String sql, Consumer<VectorSchemaRoot> batches) throws Exception {
        try (AdbcDatabase database = adbcDatabase(gateway);
                AdbcConnection connection = database.connect();
                AdbcStatement statement = connection.createStatement()) {
            statement.setSqlQuery(sql);
            try (AdbcStatement.QueryResult result = statement.executeQuery();
                    ArrowReader reader = result.getReader()) {
                while (reader.loadNextBatch()) {
                    batches.accept(reader.getVectorSchemaRoot());
                }
            }
        }
    }

    static AdbcDatabase adbcDatabase(TestingGateway gateway) throws Exception {
        Map<String, Object> parameters = new HashMap<>();
        AdbcDriver.PARAM_URI.set(
                parameters, "grpc+tcp://127.0.0.1:" + gateway.gateway().flightPort());
        AdbcDriver.PARAM_USERNAME.set(parameters, TestingGateway.USER);
        AdbcDriver.PARAM_PASSWORD.set(parameters, TestingGateway.PASSWORD);
        return new FlightSqlDriver(clientAllocator).open(parameters);
    }

    private static Object arrowValue(FieldVector vector, int row) {
        if (vector instanceof BitVector v) {
            return v.get(row) != 0;
        } else if (vector instanceof BaseIntVector v) {
            return v.getValueAsLong(row);
        } else if (vector instanceof Float4Vector v) {
            return (double) v.get(row);
        } else if (vector instanceof Float8Vector v) {
            return v.get(row);
        } else if (vector instanceof DecimalVector v) {
            return decimal(v.getObject(row));
        } else if (vector instanceof VarCharVector v) {
            return v.getObject(row).toString();
        } else if (vector instanceof VarBinaryVector v) {
            return hex(v.getObject(row));
        } else if (vector instanceof DateDayVector v) {
            return LocalDate.ofEpochDay(v.get(row));
        } else if (vector instanceof TimeMicroVector v) {
            return LocalTime.ofNanoOfDay(v.get(row) * 1000);
        } else if (vector instanceof TimeStampMicroVector v) {
            return LocalDateTime.ofInstant(micros(v.get(row)), ZoneOffset.UTC);
        } else if (vector instanceof TimeStampMicroTZVector v) {
            return micros(v.get(row));
        } else if (vector instanceof IntervalYearVector v) {
            return Period.ofMonths(v.get(row)).normalized();
        } else if (vector instanceof DurationVector v) {
            return Duration.ofMillis(DurationVector.get(v.getDataBuffer(), row));
        } else if (vector instanceof NullVector) {
            return null;
        }
        throw new AssertionError("unexpected vector " + vector.getField());
    }

    // ---------------------------------------------------------------------------------------------------------------

    static Connection connectFlight() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", TestingGateway.USER);
        properties.setProperty("password", TestingGateway.PASSWORD);
        return DriverManager.getConnection(gateway.gateway().flightJdbcUrl(), properties);
    }

    private static String table(String source, String table) {
        return switch (source) {
            case "pg" -> "pg." + pgSchema + "." + table;
            case "my" -> "my." + myDatabase + "." + table;
            default -> "duck.main." + table;
        };
    }

    /** Decimals compared by value: the drivers differ in trailing zeros, never in digits. */
    private static BigDecimal decimal(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? null : "0x" + HexFormat.of().formatHex(bytes);
    }

    private static Instant micros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }

    /**
     * What the Flight driver's getObject() gives for the types it does not report with their JDBC code: a TIME as a
     * java.sql.Time whose epoch milliseconds are the time of day (at UTC; its toString() shows it in the client's zone),
     * intervals as java.time.Period and Duration.
     */
    private static Object flightObject(Object value) {
        if (value instanceof java.sql.Time time) {
            return LocalTime.ofNanoOfDay(Math.floorMod(time.getTime(), 86_400_000L) * 1_000_000L);
        }
        return value instanceof Period period ? period.normalized() : value;
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    private static <T> T parse(String text, java.util.function.Function<String, T> parser) {
        return text == null ? null : parser.apply(text);
    }

    /** The exception chain as text (the Flight driver's classes are shaded). */
    static String chain(Throwable thrown) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            chain.append(t).append('\n');
        }
        return chain.toString();
    }
}
