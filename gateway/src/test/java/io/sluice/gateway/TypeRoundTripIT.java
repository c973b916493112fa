package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.adapters.jdbc.duckdb.DuckDbSourceConfig;
import io.sluice.adapters.testing.TestingMariaDbServer;
import io.sluice.adapters.testing.TestingPostgreSqlServer;
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
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TimeZone;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every column type of PostgreSQL, MariaDB and DuckDB that Sluice maps, read through the gateway (Avatica's remote
 * driver) and compared value by value with what the source's own driver reads: on a plain scan, through operators that
 * run in the engine (a cross-source join, a UNION ALL of all three sources), and with a filter on each type pushed
 * down. Edge values: 38-digit decimals, extremes of every integer and float type, microseconds, dates before 1970,
 * wall-clock times in the DST gap and overlap of the tests' time zone (America/Bahia_Banderas), unicode and empty text,
 * bytes 0x00 and 0xFF, and a row of NULLs.
 *
 * <p>What the gateway guarantees, and what these tests pin ({@link Guarantee}, {@link Column#throughGateway}):
 *
 * <ul>
 *   <li>DECIMAL (up to 38 digits), integers (MySQL unsigned ones widened), REAL, DOUBLE (-0.0 included), BOOLEAN, text
 *       (CHAR padded as PostgreSQL pads it; MySQL CHAR unpadded, typed VARCHAR(n); UUID and JSON as their text) and
 *       binary come back exactly.
 *   <li>DATE comes back exactly from 1582-10-15 on; earlier dates (and timestamps) move by the Julian/Gregorian
 *       difference (1000-01-01 becomes 1000-01-06), because Avatica's server counts days with java.sql.Date's calendar.
 *   <li>TIME and TIMESTAMP come back truncated (not rounded) to milliseconds: Calcite's runtime and Avatica's wire carry
 *       date-times as epoch milliseconds. DuckDB's driver gives TIME without fraction, so DuckDB TIME keeps whole
 *       seconds only.
 *   <li>A TIMESTAMP is the same wall-clock time, except one inside a DST gap of the gateway's time zone: as with
 *       {@code java.sql.Timestamp}, it comes back moved forward by the gap (PostgreSQL, DuckDB) — and MariaDB's driver
 *       fails the whole query on such a value.
 *   <li>A TIMESTAMP WITH TIME ZONE (PostgreSQL timestamptz, DuckDB TIMESTAMPTZ) is typed TIMESTAMP: the instant's
 *       wall-clock time in the gateway's time zone. It is the same instant, except in the repeated hour of a DST
 *       overlap: the wall-clock time is read back as its later (standard-time) occurrence, so an instant in the earlier
 *       (daylight-time) occurrence comes back one hour later.
 *   <li>A MariaDB/MySQL TIMESTAMP is the wall-clock time the server shows in its session time zone (the server's
 *       default), like DATETIME: the same instant only when that zone is the gateway's.
 *   <li>Column metadata: JDBC type code, the declared precision and scale of DECIMAL, the declared length of
 *       CHAR/VARCHAR, and the declared fractional digits of TIME/TIMESTAMP (so that pushed-down literals keep their
 *       microseconds, and a filter such as {@code ts = TIMESTAMP '… .123456'} gives the source's answer).
 *   <li>Known limitations, pinned by the tests named after them: DuckDB BLOB, bytea filters, MariaDB DATETIME in a DST
 *       gap, DuckDB reading TIMESTAMPTZ literals in its own zone, and rows after Avatica's first frame.
 * </ul>
 */
class TypeRoundTripIT {

    private static final TestingPostgreSqlServer POSTGRES = TestingPostgreSqlServer.instance();
    private static final TestingMariaDbServer MARIADB_SERVER = TestingMariaDbServer.instance();

    /** Values of date-time columns as the gateway prints them: fraction digits as declared. */
    static final DateTimeFormatter TIMESTAMP_TEXT = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .toFormatter();

    private static final long MILLIS_PER_DAY = 86_400_000L;

    @TempDir
    static Path dir;

    static String pgSchema;
    static String myDatabase;
    static Path duckFile;
    static TestingGateway gateway;
    /** Per source: the rows by id, as the source's own driver reads them. */
    static final Map<String, Map<Integer, Map<String, Object>>> REFERENCE = new LinkedHashMap<>();

    @BeforeAll
    static void setUp() throws Exception {
        pgSchema = POSTGRES.createSchema("types");
        myDatabase = MARIADB_SERVER.createDatabase("types");
        duckFile = dir.resolve("types.duckdb");
        TestingTypeTables.create(pgSchema, myDatabase, duckFile);
        gateway = TestingGateway.builder()
                .source("pg", TestingSources.postgresql())
                .source("my", TestingSources.mariaDb(myDatabase))
                .source("duck", new DuckDbSourceConfig(Optional.of(duckFile), true))
                .start();
        for (Source source : Source.values()) {
            try (Connection connection = source.openDirect()) {
                REFERENCE.put(source.gatewayName, source.readDirect(connection));
            }
        }
    }

    @AfterAll
    static void tearDown() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"pg", "my", "duck"})
    void scan_returnsWhatTheSourceDriverReads(String name) throws Exception {
        Source source = Source.named(name);
        assertRowsMatch(source, "SELECT * FROM " + source.gatewayTable("types") + " ORDER BY id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pg", "my", "duck"})
    void scan_reportsTypesPrecisionsAndScales(String name) throws Exception {
        Source source = Source.named(name);
        try (Connection c = gateway.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM " + source.gatewayTable("types"))) {
            ResultSetMetaData md = rs.getMetaData();
            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(md.getColumnCount()).isEqualTo(source.columns.size() + 1);
            for (int i = 2; i <= md.getColumnCount(); i++) {
                Column column = source.column(md.getColumnName(i));
                String where = name + "." + column.name;
                soft.assertThat(md.getColumnType(i)).as(where + " type").isEqualTo(column.jdbcType);
                if (column.precision >= 0) {
                    soft.assertThat(md.getPrecision(i)).as(where + " precision").isEqualTo(column.precision);
                }
                soft.assertThat(md.getScale(i)).as(where + " scale").isEqualTo(column.scale);
            }
            soft.assertAll();
        }
    }

    /** The join runs in the engine (each side is its own source statement), so every value crosses Calcite's runtime. */
    @ParameterizedTest
    @ValueSource(strings = {"pg", "my", "duck"})
    void crossSourceJoin_keepsWhatTheSourceDriverReads(String name) throws Exception {
        Source source = Source.named(name);
        String ids = source == Source.POSTGRESQL ? "duck.main.ids" : "pg." + pgSchema + ".ids";
        String sql = "SELECT t.* FROM " + source.gatewayTable("types") + " t JOIN " + ids + " k ON t.id = k.id"
                + " ORDER BY t.id";
        assertThat(explain(sql))
                .containsPattern("Enumerable\\w*Join")
                .contains("source=[" + name + "]")
                .contains("source=[" + (source == Source.POSTGRESQL ? "duck" : "pg") + "]");
        assertRowsMatch(source, sql);
    }

    /**
     * A UNION ALL of all three sources runs in the engine. (Not sorted by the source column: a sort on the constant would
     * be pushed down as {@code ORDER BY 'duck'}, which DuckDB rejects.)
     */
    @Test
    void unionAllOfThreeSources_keepsWhatEachSourceDriverReads() throws Exception {
        List<String> columns =
                List.of("c_dec38", "c_date", "c_time", "c_ts", "c_bool", "c_varchar", "c_int", "c_double");
        String sql = Source.stream()
                .map(source -> "SELECT '" + source.gatewayName + "' AS src, id, "
                        + columns.stream()
                                .map(c -> source == Source.MARIADB && c.equals("c_ts") ? "c_datetime AS c_ts" : c)
                                .collect(Collectors.joining(", "))
                        + " FROM " + source.gatewayTable("types"))
                .collect(Collectors.joining(" UNION ALL "));
        assertThat(explain(sql)).containsPattern("Enumerable\\w*Union");
        SoftAssertions soft = new SoftAssertions();
        List<String> rows = new ArrayList<>();
        try (Connection c = gateway.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                Source source = Source.named(rs.getString("src").trim());
                int id = rs.getInt("id");
                rows.add(source.gatewayName + " " + id);
                for (String name : columns) {
                    Column column =
                            source.column(source == Source.MARIADB && name.equals("c_ts") ? "c_datetime" : name);
                    Object expected = column.throughGateway(
                            REFERENCE.get(source.gatewayName).get(id).get(column.name));
                    assertSame(
                            soft,
                            source.gatewayName + " row " + id + " " + name,
                            expected,
                            column.readGateway(rs, name));
                }
            }
        }
        soft.assertAll();
        List<String> expectedRows = new ArrayList<>();
        REFERENCE.forEach((source, byId) -> byId.keySet().forEach(id -> expectedRows.add(source + " " + id)));
        assertThat(rows).containsExactlyInAnyOrderElementsOf(expectedRows);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pg", "my", "duck"})
    void filterOnEachType_isPushedDownAndMatchesTheSource(String name) throws Exception {
        Source source = Source.named(name);
        SoftAssertions soft = new SoftAssertions();
        try (Connection direct = source.openDirect();
                Connection c = gateway.connect()) {
            for (Filter filter : source.filters) {
                String sql = "SELECT id FROM " + source.gatewayTable("types") + " WHERE " + filter.gatewayPredicate
                        + " ORDER BY id";
                List<Integer> expected = ids(
                        direct,
                        "SELECT id FROM " + source.directTable("types") + " WHERE " + filter.sourcePredicate
                                + " ORDER BY id");
                soft.assertThat(expected)
                        .as("source: " + filter.sourcePredicate)
                        .isEqualTo(filter.ids);
                soft.assertThat(ids(c, sql))
                        .as("gateway: " + filter.gatewayPredicate)
                        .isEqualTo(filter.ids);
                String plan = explain(sql);
                soft.assertThat(plan)
                        .as("plan of " + filter.gatewayPredicate)
                        .contains("WHERE")
                        .doesNotContain("EnumerableCalc")
                        .doesNotContain("EnumerableFilter");
            }
        }
        soft.assertAll();
    }

    /** The DST edges of the generic comparisons, spelled out: what a client in the gateway's zone gets. */
    @ParameterizedTest
    @ValueSource(strings = {"pg", "duck"})
    void dstEdges_comeBackAsJavaSqlTimestampResolvesThem(String name) throws Exception {
        assertThat(ZoneId.systemDefault().getId())
                .as("the zone the build runs tests in")
                .isEqualTo("America/Bahia_Banderas");
        Source source = Source.named(name);
        Map<Integer, LocalDateTime> timestamps = new LinkedHashMap<>();
        Map<Integer, Instant> instants = new LinkedHashMap<>();
        try (Connection c = gateway.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, c_ts, c_tstz FROM " + source.gatewayTable("types")
                        + " WHERE id IN (3, 4) ORDER BY id")) {
            while (rs.next()) {
                timestamps.put(rs.getInt(1), LocalDateTime.parse(rs.getString(2), TIMESTAMP_TEXT));
                instants.put(rs.getInt(1), rs.getTimestamp(3).toInstant());
            }
        }
        // 02:30:00.5 does not exist on 2022-04-03 in America/Bahia_Banderas: it moves forward by the gap.
        assertThat(timestamps.get(3)).isEqualTo(LocalDateTime.parse("2022-04-03T03:30:00.5"));
        // 01:30:00.75 exists twice on 2022-10-30: as a wall-clock time it comes back unchanged.
        assertThat(timestamps.get(4)).isEqualTo(LocalDateTime.parse("2022-10-30T01:30:00.75"));
        // Instants in the repeated hour: the later occurrence (CST) survives, the earlier one (CDT) moves an hour
        // later.
        assertThat(instants.get(3)).isEqualTo(Instant.parse("2022-10-30T07:30:00.25Z"));
        assertThat(instants.get(4)).isEqualTo(Instant.parse("2021-10-31T07:30:00Z"));
    }

    /**
     * DuckDB reads a TIMESTAMP literal compared with a TIMESTAMPTZ column in its TimeZone setting, which the DuckDB
     * source sets to the gateway's zone (the zone in which the gateway returns the column's values); left alone it
     * would be the operating system's.
     */
    @Test
    void duckDbTimestamptzFilter_readsTheLiteralInTheGatewaysZone() throws Exception {
        Instant stored = Instant.parse("2024-03-10T12:34:56.123456Z");
        DateTimeFormatter literal = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
        String inGatewayZone = literal.format(LocalDateTime.ofInstant(stored, ZoneId.systemDefault()));
        String table = Source.DUCKDB.gatewayTable("types");
        try (Connection c = gateway.connect()) {
            assertThat(ids(c, "SELECT id FROM " + table + " WHERE c_tstz = TIMESTAMP '" + inGatewayZone + "'"))
                    .containsExactly(1);
        }
    }

    /**
     * Known limitation: a DATETIME or TIMESTAMP whose wall-clock time falls into a DST gap of the gateway's time zone
     * fails the query, because Connector/J's getTimestamp (which Calcite's JDBC converter calls) builds a
     * java.sql.Timestamp in that zone and rejects the time. Read with getObject(LocalDateTime) it is fine.
     */
    @Test
    void mariaDbDatetimeInAGatewayDstGap_failsTheQuery() throws Exception {
        try (Connection my = MARIADB_SERVER.openConnection(myDatabase);
                Statement s = my.createStatement()) {
            s.execute("CREATE TABLE gap (id INT, c_datetime DATETIME(6))");
            s.execute("INSERT INTO gap VALUES (1, '2022-04-03 02:30:00.5')");
            try (ResultSet rs = s.executeQuery("SELECT c_datetime FROM gap")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getObject(1, LocalDateTime.class))
                        .isEqualTo(LocalDateTime.parse("2022-04-03T02:30:00.5"));
            }
        }
        try (Connection c = gateway.connect();
                Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("SELECT c_datetime FROM my." + myDatabase + ".gap"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("HOUR_OF_DAY");
        }
    }

    /**
     * Known limitation: DuckDB BLOB columns cannot be read yet. DuckDB's driver returns a java.sql.Blob from getObject,
     * which Calcite's JDBC converter calls for VARBINARY, and the engine cannot turn it into bytes.
     */
    @Test
    void duckDbBlob_failsTheQuery() throws Exception {
        try (Connection c = gateway.connect();
                Statement s = c.createStatement()) {
            assertThatThrownBy(() -> {
                        try (ResultSet rs = s.executeQuery("SELECT c_blob FROM duck.main.blobs ORDER BY id")) {
                            while (rs.next()) {
                                rs.getBytes(1);
                            }
                        }
                    })
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("DuckDBBlobResult");
        }
        try (Connection duck = Source.DUCKDB.openDirect();
                Statement s = duck.createStatement();
                ResultSet rs = s.executeQuery("SELECT c_blob FROM blobs ORDER BY id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBytes(1)).containsExactly(0x00, 0xFF, 0x10);
        }
    }

    /**
     * A filter on a bytea column is pushed down with the literal in bytea's hex input form; Calcite's own PostgreSQL
     * dialect writes {@code X'00FF10'}, which PostgreSQL reads as a bit string and rejects.
     */
    @Test
    void postgreSqlByteaFilter_isPushedDownAsBytea() throws Exception {
        try (Connection c = gateway.connect()) {
            assertThat(ids(c, "SELECT id FROM pg." + pgSchema + ".types WHERE c_bytea = X'00ff10'"))
                    .containsExactly(1);
        }
    }

    /**
     * Avatica's JdbcMeta reads the first frame (100 rows) with a UTC calendar but later frames with the JVM's local
     * calendar, which shifted every date-time after row 100 by the zone offset; the gateway reads every frame in UTC.
     */
    @Test
    void rowsAfterTheFirstFrame_keepTheirTimestamps() throws Exception {
        try (Connection pg = POSTGRES.openConnection();
                Statement s = pg.createStatement()) {
            s.execute("CREATE TABLE " + pgSchema + ".frames AS SELECT i AS id, TIMESTAMP '2024-03-10 12:00:00' AS ts,"
                    + " DATE '2024-03-10' AS d FROM generate_series(1, 250) i");
        }
        LocalDateTime stored = LocalDateTime.parse("2024-03-10T12:00:00");
        Map<Integer, LocalDateTime> read = new LinkedHashMap<>();
        try (Connection c = gateway.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, ts, d FROM pg." + pgSchema + ".frames ORDER BY id")) {
            while (rs.next()) {
                read.put(rs.getInt(1), LocalDateTime.parse(rs.getString(2), TIMESTAMP_TEXT));
                assertThat(rs.getString(3)).isEqualTo("2024-03-10");
            }
        }
        assertThat(read).hasSize(250);
        assertThat(read.values()).containsOnly(stored);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static void assertRowsMatch(Source source, String sql) throws SQLException {
        Map<Integer, Map<String, Object>> reference = REFERENCE.get(source.gatewayName);
        SoftAssertions soft = new SoftAssertions();
        List<Integer> ids = new ArrayList<>();
        try (Connection c = gateway.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                int id = rs.getInt("id");
                ids.add(id);
                for (Column column : source.columns) {
                    Object expected = column.throughGateway(reference.get(id).get(column.name));
                    assertSame(
                            soft,
                            source.gatewayName + " row " + id + " " + column.name,
                            expected,
                            column.readGateway(rs, column.name));
                }
            }
        }
        soft.assertThat(ids).as("ids").containsExactlyElementsOf(reference.keySet());
        soft.assertAll();
    }

    private static void assertSame(SoftAssertions soft, String where, Object expected, Object actual) {
        if (expected instanceof BigDecimal e && actual instanceof BigDecimal a) {
            soft.assertThat(a).as(where).isEqualByComparingTo(e);
        } else {
            soft.assertThat(actual).as(where).isEqualTo(expected);
        }
    }

    private static String explain(String sql) throws SQLException {
        try (Connection c = gateway.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR " + sql)) {
            StringBuilder plan = new StringBuilder();
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
            return plan.toString();
        }
    }

    private static List<Integer> ids(Connection connection, String sql) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
        }
        return ids;
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** How a value is read and compared. */
    enum Kind {
        NUMBER,
        REAL,
        DOUBLE,
        BOOLEAN,
        TEXT,
        BINARY,
        DATE,
        TIME,
        /** A wall-clock date and time. */
        TIMESTAMP,
        /** A point in time, typed TIMESTAMP in the gateway. */
        INSTANT
    }

    /** What survives the gateway, relative to what the source's driver reads. */
    enum Guarantee {
        EXACT(ChronoUnit.NANOS),
        /** Date-times truncated (not rounded) to milliseconds. */
        MILLIS(ChronoUnit.MILLIS),
        /** Times truncated to whole seconds. */
        SECONDS(ChronoUnit.SECONDS);

        final ChronoUnit unit;

        Guarantee(ChronoUnit unit) {
            this.unit = unit;
        }
    }

    /**
     * One column of a source's {@code types} table and what the gateway reports for it.
     *
     * @param precision expected {@code getPrecision}, or -1 for unbounded text and binary (not checked)
     */
    record Column(String name, Kind kind, int jdbcType, int precision, int scale, Guarantee guarantee) {

        static Column exact(String name, Kind kind, int jdbcType, int precision, int scale) {
            return new Column(name, kind, jdbcType, precision, scale, Guarantee.EXACT);
        }

        /** Reads the value as the source's own driver does it best (java.time for date-times). */
        Object readDirect(ResultSet rs) throws SQLException {
            Object value =
                    switch (kind) {
                        case NUMBER -> rs.getBigDecimal(name);
                        case REAL -> rs.getFloat(name);
                        case DOUBLE -> rs.getDouble(name);
                        case BOOLEAN -> rs.getBoolean(name);
                        case TEXT -> rs.getString(name);
                        case BINARY -> hex(rs.getBytes(name));
                        case DATE -> rs.getObject(name, LocalDate.class);
                        case TIME -> rs.getObject(name, LocalTime.class);
                        case TIMESTAMP -> rs.getObject(name, LocalDateTime.class);
                        case INSTANT -> instant(rs.getObject(name, OffsetDateTime.class));
                    };
            return rs.wasNull() ? null : value;
        }

        /** Reads the value through Avatica's remote driver, which has no java.time getters. */
        Object readGateway(ResultSet rs, String label) throws SQLException {
            if (kind == Kind.DATE || kind == Kind.TIME || kind == Kind.TIMESTAMP || kind == Kind.INSTANT) {
                String text = rs.getString(label);
                return text == null ? null : readDateTime(rs, label, text);
            }
            Object value =
                    switch (kind) {
                        case NUMBER -> rs.getBigDecimal(label);
                        case REAL -> rs.getFloat(label);
                        case DOUBLE -> rs.getDouble(label);
                        case BOOLEAN -> rs.getBoolean(label);
                        case TEXT -> rs.getString(label);
                        case BINARY -> hex(rs.getBytes(label));
                        default -> throw new AssertionError(kind);
                    };
            return rs.wasNull() ? null : value;
        }

        /** Reads a date-time both as text and with the java.sql getter; both must agree. */
        private Object readDateTime(ResultSet rs, String label, String text) throws SQLException {
            return switch (kind) {
                case DATE -> agreed(LocalDate.parse(text), rs.getDate(label).toLocalDate());
                case TIME -> {
                    java.sql.Time time = rs.getTime(label);
                    yield agreed(
                            LocalTime.parse(text),
                            time.toLocalTime().plus(Math.floorMod(time.getTime(), 1000L), ChronoUnit.MILLIS));
                }
                case TIMESTAMP -> agreed(
                        LocalDateTime.parse(text, TIMESTAMP_TEXT),
                        rs.getTimestamp(label).toLocalDateTime());
                case INSTANT -> rs.getTimestamp(label).toInstant();
                default -> throw new AssertionError(kind);
            };
        }

        /** What the gateway is expected to return for a value the source's driver read. */
        Object throughGateway(Object value) {
            if (value instanceof LocalDate date) {
                return hybridCalendarDay(date);
            }
            if (value instanceof LocalTime time) {
                return time.truncatedTo(guarantee.unit);
            }
            if (value instanceof LocalDateTime dateTime) {
                LocalDateTime truncated = dateTime.truncatedTo(guarantee.unit);
                LocalDateTime counted =
                        LocalDateTime.of(hybridCalendarDay(truncated.toLocalDate()), truncated.toLocalTime());
                // As java.sql.Timestamp represents it in the gateway's zone: a time in a DST gap moves forward.
                return Timestamp.valueOf(counted).toLocalDateTime();
            }
            if (value instanceof Instant instant) {
                // Carried as its wall-clock time in the gateway's zone: the repeated hour of an overlap is ambiguous.
                LocalDateTime wallClock =
                        Timestamp.from(instant.truncatedTo(guarantee.unit)).toLocalDateTime();
                return Timestamp.valueOf(wallClock).toInstant();
            }
            return value;
        }

        /**
         * The date whose ISO day number is the day number java.sql.Date's hybrid Julian/Gregorian calendar gives {@code
         * date}: the same date from 1582-10-15 on, days later before (1000-01-01 becomes 1000-01-06). Avatica's server
         * turns java.sql.Date and Timestamp values into day and millisecond numbers with that calendar, and its client
         * reads them back as ISO dates.
         */
        private static LocalDate hybridCalendarDay(LocalDate date) {
            GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            calendar.clear();
            calendar.set(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth());
            return LocalDate.ofEpochDay(Math.floorDiv(calendar.getTimeInMillis(), MILLIS_PER_DAY));
        }

        private static Object agreed(Object fromText, Object fromGetter) {
            return fromText.equals(fromGetter) ? fromText : List.of(fromText, fromGetter);
        }

        private static Instant instant(OffsetDateTime value) {
            return value == null ? null : value.toInstant();
        }

        private static String hex(byte[] bytes) {
            return bytes == null ? null : "0x" + HexFormat.of().formatHex(bytes);
        }
    }

    /** A predicate as written for the gateway and for the source, and the ids of the rows it selects. */
    record Filter(String gatewayPredicate, String sourcePredicate, List<Integer> ids) {

        static Filter of(String predicate, Integer... ids) {
            return new Filter(predicate, predicate, List.of(ids));
        }
    }

    /** The three sources, their {@code types} tables, and where to reach them directly and through the gateway. */
    enum Source {
        POSTGRESQL("pg", PostgreSql.COLUMNS, PostgreSql.FILTERS),
        MARIADB("my", MariaDb.COLUMNS, MariaDb.FILTERS),
        DUCKDB("duck", DuckDb.COLUMNS, DuckDb.FILTERS);

        final String gatewayName;
        final List<Column> columns;
        final List<Filter> filters;

        Source(String gatewayName, List<Column> columns, List<Filter> filters) {
            this.gatewayName = gatewayName;
            this.columns = columns;
            this.filters = filters;
        }

        static Source named(String gatewayName) {
            return stream()
                    .filter(source -> source.gatewayName.equals(gatewayName))
                    .findFirst()
                    .orElseThrow();
        }

        static Stream<Source> stream() {
            return Arrays.stream(values());
        }

        Column column(String name) {
            return columns.stream()
                    .filter(column -> column.name.equals(name))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no column " + name + " in " + this));
        }

        String gatewayTable(String table) {
            return switch (this) {
                case POSTGRESQL -> "pg." + pgSchema + "." + table;
                case MARIADB -> "my." + myDatabase + "." + table;
                case DUCKDB -> "duck.main." + table;
            };
        }

        String directTable(String table) {
            return this == POSTGRESQL ? pgSchema + "." + table : table;
        }

        Connection openDirect() throws SQLException {
            return switch (this) {
                case POSTGRESQL -> POSTGRES.openConnection();
                case MARIADB -> MARIADB_SERVER.openConnection(myDatabase);
                case DUCKDB -> {
                    // The same settings as the gateway's instance: DuckDB shares one instance per file and process.
                    Properties properties = new Properties();
                    properties.setProperty("duckdb.read_only", "true");
                    properties.setProperty("jdbc_stream_results", "true");
                    yield DriverManager.getConnection("jdbc:duckdb:" + duckFile, properties);
                }
            };
        }

        Map<Integer, Map<String, Object>> readDirect(Connection connection) throws SQLException {
            Map<Integer, Map<String, Object>> rows = new LinkedHashMap<>();
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("SELECT * FROM " + directTable("types") + " ORDER BY id")) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (Column column : columns) {
                        row.put(column.name, column.readDirect(rs));
                    }
                    rows.put(rs.getInt("id"), row);
                }
            }
            return rows;
        }
    }

    /** The columns of {@link TestingTypeTables#POSTGRESQL}'s {@code types} table, and filters on them. */
    static final class PostgreSql {
        static final List<Column> COLUMNS = List.of(
                Column.exact("c_dec38", Kind.NUMBER, Types.DECIMAL, 38, 10),
                Column.exact("c_dec10", Kind.NUMBER, Types.DECIMAL, 10, 2),
                Column.exact("c_date", Kind.DATE, Types.DATE, 0, 0),
                new Column("c_time", Kind.TIME, Types.TIME, 6, 0, Guarantee.MILLIS),
                new Column("c_ts", Kind.TIMESTAMP, Types.TIMESTAMP, 6, 0, Guarantee.MILLIS),
                new Column("c_tstz", Kind.INSTANT, Types.TIMESTAMP, 6, 0, Guarantee.MILLIS),
                Column.exact("c_bool", Kind.BOOLEAN, Types.BOOLEAN, 1, 0),
                Column.exact("c_char", Kind.TEXT, Types.CHAR, 5, 0),
                Column.exact("c_varchar", Kind.TEXT, Types.VARCHAR, 20, 0),
                Column.exact("c_text", Kind.TEXT, Types.VARCHAR, -1, 0),
                Column.exact("c_small", Kind.NUMBER, Types.SMALLINT, 5, 0),
                Column.exact("c_int", Kind.NUMBER, Types.INTEGER, 10, 0),
                Column.exact("c_big", Kind.NUMBER, Types.BIGINT, 19, 0),
                Column.exact("c_real", Kind.REAL, Types.REAL, 7, 0),
                Column.exact("c_double", Kind.DOUBLE, Types.DOUBLE, 15, 0),
                Column.exact("c_bytea", Kind.BINARY, Types.VARBINARY, -1, 0),
                Column.exact("c_uuid", Kind.TEXT, Types.VARCHAR, 36, 0),
                Column.exact("c_json", Kind.TEXT, Types.VARCHAR, -1, 0),
                Column.exact("c_jsonb", Kind.TEXT, Types.VARCHAR, -1, 0));

        static final List<Filter> FILTERS = List.of(
                Filter.of("c_dec38 = 1234567890123456789012345678.0123456789", 1),
                Filter.of("c_dec38 = 9999999999999999999999999999.9999999999", 4),
                Filter.of("c_dec10 = 12.34", 3),
                Filter.of("c_date = DATE '1969-12-31'", 2),
                Filter.of("c_date < DATE '1900-01-01'", 4),
                Filter.of("c_time = TIME '23:59:59.999999'", 1),
                Filter.of("c_ts = TIMESTAMP '2024-03-10 12:34:56.123456'", 1),
                // The source keeps microseconds: the millisecond value the gateway returns matches no row.
                Filter.of("c_ts = TIMESTAMP '2024-03-10 12:34:56.123'"),
                Filter.of("c_ts < TIMESTAMP '1970-01-01 00:00:00'", 2),
                // A literal means the wall-clock time in the gateway's zone (pgjdbc sets the session's TimeZone to it).
                new Filter(
                        "c_tstz = TIMESTAMP '2024-03-10 06:34:56.123456'",
                        "c_tstz = TIMESTAMPTZ '2024-03-10 12:34:56.123456+00'",
                        List.of(1)),
                Filter.of("c_bool = TRUE", 1, 3),
                Filter.of("c_char = 'ab'", 1),
                Filter.of("c_varchar = ''", 2),
                Filter.of("c_text = 'x'", 3),
                Filter.of("c_small = -32768", 2),
                Filter.of("c_int = 2147483647", 1),
                Filter.of("c_big = 9223372036854775807", 1),
                Filter.of("c_real = 1.5", 3),
                Filter.of("c_double = 3.141592653589793", 3),
                Filter.of("c_uuid = 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'", 1),
                Filter.of("c_jsonb = '[1, 2]'", 4));
    }

    /**
     * The columns of {@link TestingTypeTables#MARIADB}'s {@code types} table. No DATETIME in the gateway zone's DST gap:
     * see {@link #mariaDbDatetimeInAGatewayDstGap_failsTheQuery}.
     */
    static final class MariaDb {
        static final List<Column> COLUMNS = List.of(
                Column.exact("c_dec38", Kind.NUMBER, Types.DECIMAL, 38, 10),
                Column.exact("c_dec10", Kind.NUMBER, Types.DECIMAL, 10, 2),
                Column.exact("c_date", Kind.DATE, Types.DATE, 0, 0),
                new Column("c_time", Kind.TIME, Types.TIME, 6, 0, Guarantee.MILLIS),
                new Column("c_datetime", Kind.TIMESTAMP, Types.TIMESTAMP, 6, 0, Guarantee.MILLIS),
                new Column("c_ts", Kind.TIMESTAMP, Types.TIMESTAMP, 6, 0, Guarantee.MILLIS),
                Column.exact("c_bool", Kind.BOOLEAN, Types.BOOLEAN, 1, 0),
                // MySQL strips CHAR's trailing spaces: VARCHAR(n) in the gateway, so that the engine does not pad them.
                Column.exact("c_char", Kind.TEXT, Types.VARCHAR, 5, 0),
                Column.exact("c_varchar", Kind.TEXT, Types.VARCHAR, 20, 0),
                Column.exact("c_text", Kind.TEXT, Types.VARCHAR, 65_535, 0),
                Column.exact("c_small", Kind.NUMBER, Types.SMALLINT, 5, 0),
                Column.exact("c_int", Kind.NUMBER, Types.INTEGER, 10, 0),
                Column.exact("c_big", Kind.NUMBER, Types.BIGINT, 19, 0),
                Column.exact("c_uint", Kind.NUMBER, Types.BIGINT, 19, 0),
                Column.exact("c_ubig", Kind.NUMBER, Types.DECIMAL, 20, 0),
                Column.exact("c_float", Kind.REAL, Types.REAL, 7, 0),
                Column.exact("c_double", Kind.DOUBLE, Types.DOUBLE, 15, 0),
                Column.exact("c_blob", Kind.BINARY, Types.VARBINARY, -1, 0),
                Column.exact("c_varbinary", Kind.BINARY, Types.VARBINARY, -1, 0),
                Column.exact("c_json", Kind.TEXT, Types.VARCHAR, -1, 0));

        static final List<Filter> FILTERS = List.of(
                Filter.of("c_dec38 = 1234567890123456789012345678.0123456789", 1),
                Filter.of("c_dec10 = 12.34", 3),
                Filter.of("c_date = DATE '1969-12-31'", 2),
                Filter.of("c_date < DATE '1900-01-01'", 4),
                Filter.of("c_time = TIME '23:59:59.999999'", 1),
                Filter.of("c_datetime = TIMESTAMP '2024-03-10 12:34:56.123456'", 1),
                Filter.of("c_datetime = TIMESTAMP '2024-03-10 12:34:56.123'"),
                Filter.of("c_ts = TIMESTAMP '2024-03-10 12:34:56.123456'", 1),
                Filter.of("c_bool = TRUE", 1, 3),
                Filter.of("c_char = 'ab'", 1),
                Filter.of("c_varchar = ''", 2),
                Filter.of("c_int = 2147483647", 1),
                Filter.of("c_uint = 4294967295", 1),
                Filter.of("c_ubig = 18446744073709551615", 1),
                Filter.of("c_float = 1.5", 3),
                Filter.of("c_double = 3.141592653589793", 3),
                Filter.of("c_blob = X'00FF10'", 1),
                Filter.of("c_varbinary = X'FF'", 3));
    }

    /** The columns of {@link TestingTypeTables#DUCKDB}'s {@code types} table; for BLOB see {@link #duckDbBlob_failsTheQuery}. */
    static final class DuckDb {
        static final List<Column> COLUMNS = List.of(
                Column.exact("c_dec38", Kind.NUMBER, Types.DECIMAL, 38, 10),
                Column.exact("c_dec10", Kind.NUMBER, Types.DECIMAL, 10, 2),
                Column.exact("c_date", Kind.DATE, Types.DATE, 0, 0),
                new Column("c_time", Kind.TIME, Types.TIME, 6, 0, Guarantee.SECONDS),
                new Column("c_ts", Kind.TIMESTAMP, Types.TIMESTAMP, 6, 0, Guarantee.MILLIS),
                new Column("c_tstz", Kind.INSTANT, Types.TIMESTAMP, 6, 0, Guarantee.MILLIS),
                Column.exact("c_bool", Kind.BOOLEAN, Types.BOOLEAN, 1, 0),
                Column.exact("c_varchar", Kind.TEXT, Types.VARCHAR, -1, 0),
                Column.exact("c_small", Kind.NUMBER, Types.SMALLINT, 5, 0),
                Column.exact("c_int", Kind.NUMBER, Types.INTEGER, 10, 0),
                Column.exact("c_big", Kind.NUMBER, Types.BIGINT, 19, 0),
                Column.exact("c_real", Kind.REAL, Types.REAL, 7, 0),
                Column.exact("c_double", Kind.DOUBLE, Types.DOUBLE, 15, 0),
                Column.exact("c_uuid", Kind.TEXT, Types.VARCHAR, 36, 0),
                Column.exact("c_json", Kind.TEXT, Types.VARCHAR, -1, 0));

        static final List<Filter> FILTERS = List.of(
                Filter.of("c_dec38 = 1234567890123456789012345678.0123456789", 1),
                Filter.of("c_dec10 = 12.34", 3),
                Filter.of("c_date = DATE '1969-12-31'", 2),
                Filter.of("c_date < DATE '1900-01-01'", 4),
                Filter.of("c_time = TIME '23:59:59.999999'", 1),
                Filter.of("c_ts = TIMESTAMP '2024-03-10 12:34:56.123456'", 1),
                Filter.of("c_ts = TIMESTAMP '2024-03-10 12:34:56.123'"),
                // TIMESTAMPTZ: see duckDbTimestamptzFilter_readsTheLiteralInDuckDbsSessionZone.
                Filter.of("c_bool = TRUE", 1, 3),
                Filter.of("c_varchar = ''", 2),
                Filter.of("c_small = -32768", 2),
                Filter.of("c_big = 9223372036854775807", 1),
                Filter.of("c_real = 1.5", 3),
                Filter.of("c_double = 3.141592653589793", 3),
                Filter.of("c_uuid = 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'", 1));
    }
}
