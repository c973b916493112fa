package io.sluice.gateway.testing;

import io.sluice.adapters.testing.TestingMariaDbServer;
import io.sluice.adapters.testing.TestingPostgreSqlServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The typed tables every type test reads: per source kind a {@code types} table with one column of each type the
 * gateway maps and rows of edge values (1 maxima, 2 minima and times before 1970, 3 the DST gap of
 * America/Bahia_Banderas for a timestamp and the later occurrence of an overlap hour for an instant, 4 the earlier
 * occurrence of an overlap hour, a date before 1582 and other edges, 5 NULLs), and an {@code ids} table of the ids 1
 * to 5 to join with. DuckDB BLOB lives in a table of its own ({@code blobs}), since the engine cannot read it yet.
 */
public final class TestingTypeTables {

    /** PostgreSQL: run in the schema the tables belong to. */
    public static final List<String> POSTGRESQL = List.of(
            "CREATE TABLE types (id integer PRIMARY KEY, c_dec38 numeric(38,10), c_dec10 numeric(10,2), c_date date,"
                    + " c_time time(6), c_ts timestamp(6), c_tstz timestamptz, c_bool boolean, c_char char(5),"
                    + " c_varchar varchar(20), c_text text, c_small smallint, c_int integer, c_big bigint,"
                    + " c_real real, c_double double precision, c_bytea bytea, c_uuid uuid, c_json json,"
                    + " c_jsonb jsonb)",
            "INSERT INTO types VALUES"
                    + " (1, 1234567890123456789012345678.0123456789, 12345678.91, '2024-02-29', '23:59:59.999999',"
                    + " '2024-03-10 12:34:56.123456', '2024-03-10 12:34:56.123456+00', true, 'ab', 'héllo wörld ✓',"
                    + " 'unicode 日本語 🎉', 32767, 2147483647, 9223372036854775807, 3.4028235e38,"
                    + " 1.7976931348623157e308, '\\x00ff10', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',"
                    + " '{\"a\": [1, 2.5, \"x\"]}', '{\"b\": null}'),"
                    + " (2, -1234567890123456789012345678.0123456789, -0.01, '1969-12-31', '00:00:00',"
                    + " '1969-12-31 23:59:59.999999', '1965-07-20 20:17:40.654321+00', false, '', '', '', -32768,"
                    + " -2147483648, -9223372036854775808, 1.4e-45, 4.9e-324, '\\xff00',"
                    + " '00000000-0000-0000-0000-000000000000', '[]', '{}'),"
                    + " (3, 0.0000000001, 12.34, '2022-04-03', '02:30:00.5', '2022-04-03 02:30:00.5',"
                    + " '2022-10-30 07:30:00.25+00', true, 'x', 'x', 'x', 0, 0, 0, 1.5, 3.141592653589793, '',"
                    + " 'ffffffff-ffff-ffff-ffff-ffffffffffff', '\"s\"', '1'),"
                    + " (4, 9999999999999999999999999999.9999999999, 0.00, '1000-01-01', '12:00:00.000001',"
                    + " '2022-10-30 01:30:00.75', '2021-10-31 06:30:00+00', false, 'abcde', 'tab\tquote''', 'ü',"
                    + " 1, -1, 1, -1.5, '-0'::float8, '\\x000000ff', '123e4567-e89b-12d3-a456-426614174000',"
                    + " '{\"k\": \"日本\"}', '[1, 2]'),"
                    + " (5, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
                    + " NULL, NULL, NULL, NULL, NULL)",
            "CREATE TABLE ids (id integer)",
            "INSERT INTO ids VALUES (1), (2), (3), (4), (5)");

    /** MariaDB: DATETIME is the zone-less timestamp, TIMESTAMP the one the server converts (the test server runs at +00:00). */
    public static final List<String> MARIADB = List.of(
            "CREATE TABLE types (id INT PRIMARY KEY, c_dec38 DECIMAL(38,10), c_dec10 DECIMAL(10,2), c_date DATE,"
                    + " c_time TIME(6), c_datetime DATETIME(6), c_ts TIMESTAMP(6) NULL, c_bool BOOLEAN,"
                    + " c_char CHAR(5), c_varchar VARCHAR(20), c_text TEXT, c_small SMALLINT, c_int INT,"
                    + " c_big BIGINT, c_uint INT UNSIGNED, c_ubig BIGINT UNSIGNED, c_float FLOAT, c_double DOUBLE,"
                    + " c_blob BLOB, c_varbinary VARBINARY(16), c_json JSON) CHARACTER SET utf8mb4",
            "INSERT INTO types VALUES"
                    + " (1, 1234567890123456789012345678.0123456789, 12345678.91, '2024-02-29', '23:59:59.999999',"
                    + " '2024-03-10 12:34:56.123456', '2024-03-10 12:34:56.123456', TRUE, 'ab', 'héllo wörld ✓',"
                    + " 'unicode 日本語 🎉', 32767, 2147483647, 9223372036854775807, 4294967295,"
                    + " 18446744073709551615, 3.40282e38, 1.7976931348623157e308, X'00FF10', X'00FF',"
                    + " '{\"a\": [1, 2.5, \"x\"]}'),"
                    + " (2, -1234567890123456789012345678.0123456789, -0.01, '1969-12-31', '00:00:00',"
                    + " '1969-12-31 23:59:59.999999', '1970-01-01 00:00:01', FALSE, '', '', '', -32768, -2147483648,"
                    + " -9223372036854775808, 0, 0, 1.17549e-38, 2.2250738585072014e-308, X'FF00', X'', '[]'),"
                    + " (3, 0.0000000001, 12.34, '2022-04-03', '02:30:00.5', '2022-10-30 01:30:00.25',"
                    + " '2022-10-30 01:30:00.25', TRUE, 'x', 'x', 'x', 0, 0, 0, 1, 1, 1.5, 3.141592653589793, X'',"
                    + " X'FF', '\"s\"'),"
                    + " (4, 9999999999999999999999999999.9999999999, 0.00, '1000-01-01', '12:00:00.000001',"
                    + " '1000-01-01 00:00:00', '2038-01-19 03:14:07.999999', FALSE, 'abcde', 'tab\tquote''', 'ü',"
                    + " 1, -1, 1, 2147483648, 9223372036854775808, -1.5, -0.0, X'000000FF', X'7F80',"
                    + " '{\"k\": \"日本\"}'),"
                    + " (5, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
                    + " NULL, NULL, NULL, NULL, NULL, NULL)");

    /** DuckDB: run on the database file the gateway's source opens. */
    public static final List<String> DUCKDB = List.of(
            "CREATE TABLE types (id INTEGER PRIMARY KEY, c_dec38 DECIMAL(38,10), c_dec10 DECIMAL(10,2),"
                    + " c_date DATE, c_time TIME, c_ts TIMESTAMP, c_tstz TIMESTAMPTZ, c_bool BOOLEAN,"
                    + " c_varchar VARCHAR, c_small SMALLINT, c_int INTEGER, c_big BIGINT, c_real REAL,"
                    + " c_double DOUBLE, c_uuid UUID, c_json JSON)",
            "INSERT INTO types VALUES"
                    + " (1, 1234567890123456789012345678.0123456789, 12345678.91, '2024-02-29', '23:59:59.999999',"
                    + " '2024-03-10 12:34:56.123456', '2024-03-10 12:34:56.123456+00', true, 'unicode 日本語 🎉',"
                    + " 32767, 2147483647, 9223372036854775807, 3.4028235e38, 1.7976931348623157e308,"
                    + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{\"a\": [1, 2.5, \"x\"]}'),"
                    + " (2, -1234567890123456789012345678.0123456789, -0.01, '1969-12-31', '00:00:00',"
                    + " '1969-12-31 23:59:59.999999', '1965-07-20 20:17:40.654321+00', false, '', -32768,"
                    + " -2147483648, -9223372036854775808, 1.4e-45, 4.9e-324, '00000000-0000-0000-0000-000000000000',"
                    + " '[]'),"
                    + " (3, 0.0000000001, 12.34, '2022-04-03', '02:30:00.5', '2022-04-03 02:30:00.5',"
                    + " '2022-10-30 07:30:00.25+00', true, 'x', 0, 0, 0, 1.5, 3.141592653589793,"
                    + " 'ffffffff-ffff-ffff-ffff-ffffffffffff', '\"s\"'),"
                    + " (4, 9999999999999999999999999999.9999999999, 0.00, '1000-01-01', '12:00:00.000001',"
                    + " '2022-10-30 01:30:00.75', '2021-10-31 06:30:00+00', false, 'tab\tquote''', 1, -1, 1, -1.5,"
                    + " -0.0, '123e4567-e89b-12d3-a456-426614174000', '{\"k\": \"日本\"}'),"
                    + " (5, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)",
            "CREATE TABLE ids (id INTEGER)",
            "INSERT INTO ids VALUES (1), (2), (3), (4), (5)",
            "CREATE TABLE blobs (id INTEGER, c_blob BLOB)",
            "INSERT INTO blobs VALUES (1, '\\x00\\xFF\\x10'::BLOB)");

    private TestingTypeTables() {}

    /** Creates the tables in a PostgreSQL schema, a MariaDB database and a new DuckDB file. */
    public static void create(String pgSchema, String myDatabase, Path duckFile) throws SQLException {
        try (Connection pg = TestingPostgreSqlServer.instance().openConnection();
                Statement s = pg.createStatement()) {
            s.execute("SET search_path = " + pgSchema);
            execute(s, POSTGRESQL);
        }
        try (Connection my = TestingMariaDbServer.instance().openConnection(myDatabase);
                Statement s = my.createStatement()) {
            execute(s, MARIADB);
        }
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:" + duckFile);
                Statement s = duck.createStatement()) {
            execute(s, DUCKDB);
        }
    }

    private static void execute(Statement statement, List<String> sqls) throws SQLException {
        for (String sql : sqls) {
            statement.execute(sql);
        }
    }
}
