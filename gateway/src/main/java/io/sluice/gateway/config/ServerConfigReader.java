package io.sluice.gateway.config;

import io.sluice.adapters.spi.ConfigSection;
import java.util.List;
import java.util.Optional;

/** Reads the {@code server:} section into a {@link ServerConfig}, defaulting each server it does not mention. */
final class ServerConfigReader {

    static final String PORT_EXPECTED = "a port number from 0 to 65535 (0 picks any free port)";

    private ServerConfigReader() {}

    static ServerConfig read(ConfigSection root) {
        Optional<ConfigSection> server = root.section("server");
        Endpoint jdbc = endpoint(server, "jdbc", JdbcServerConfig.DEFAULT_HOST, JdbcServerConfig.DEFAULT_PORT);
        Endpoint flight = endpoint(server, "flight", FlightServerConfig.DEFAULT_HOST, FlightServerConfig.DEFAULT_PORT);
        Endpoint admin = endpoint(server, "admin", AdminServerConfig.DEFAULT_HOST, AdminServerConfig.DEFAULT_PORT);
        checkDistinctPorts(List.of(jdbc, flight, admin));
        FlightStreamConfig streams =
                flight.section().map(FlightStreamConfigReader::read).orElseGet(FlightStreamConfig::defaults);
        return new ServerConfig(
                new JdbcServerConfig(jdbc.host(), jdbc.port()),
                FlightServerConfigReader.read(flight.host(), flight.port(), flight.section(), streams),
                new AdminServerConfig(admin.host(), admin.port()));
    }

    /** One server's settings as read, with the section they came from (if any) for locating later problems. */
    private record Endpoint(String name, String host, int port, Optional<ConfigSection> section) {}

    private static Endpoint endpoint(Optional<ConfigSection> server, String name, String defaultHost, int defaultPort) {
        Optional<ConfigSection> section = server.flatMap(s -> s.section(name));
        if (section.isEmpty()) {
            return new Endpoint(name, defaultHost, defaultPort, section);
        }
        ConfigSection endpoint = section.get();
        String host = endpoint.string("host").orElse(defaultHost);
        if (host.isBlank()) {
            endpoint.error("host", "a host name or IP address", "an empty string");
        }
        int port = endpoint.integer("port").orElse(defaultPort);
        if (port < 0 || port > 65535) {
            endpoint.error("port", PORT_EXPECTED, String.valueOf(port));
        }
        return new Endpoint(name, host, port, section);
    }

    // Two servers on one port would fail only at start-up, with a bind error that does not name the config key.
    private static void checkDistinctPorts(List<Endpoint> endpoints) {
        for (int i = 0; i < endpoints.size(); i++) {
            for (int j = i + 1; j < endpoints.size(); j++) {
                Endpoint first = endpoints.get(i);
                Endpoint second = endpoints.get(j);
                if (first.port() != 0 && first.port() == second.port()) {
                    // Blame the later server unless only the earlier one was configured explicitly.
                    Endpoint blamed = second.section().isPresent() ? second : first;
                    Endpoint other = blamed == second ? first : second;
                    blamed.section()
                            .orElseThrow()
                            .error(
                                    "port",
                                    "a port not already used by server." + other.name(),
                                    String.valueOf(blamed.port()));
                }
            }
        }
    }
}
