package org.apache.calcite.avatica.remote;

import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.Meta;

/**
 * Creates Avatica's package-private {@code RemoteMeta} for {@code io.sluice.jdbc.Driver}.
 *
 * <p>The usual way to get a {@code RemoteMeta} is to extend {@code remote.Driver}, whose static
 * initializer registers Avatica's own driver with {@link java.sql.DriverManager}; the Sluice driver
 * extends {@code UnregisteredDriver} instead, so that only {@code jdbc:sluice:} is registered, and
 * reaches {@code RemoteMeta} through this class in its package. In the shaded jar both are
 * relocated together into {@code io.sluice.jdbc.shaded.avatica.remote}.
 */
public final class SluiceRemoteMetaBridge {
    private SluiceRemoteMetaBridge() {}

    /** Returns a {@code RemoteMeta} that sends the connection's calls to the service. */
    public static Meta newRemoteMeta(AvaticaConnection connection, Service service) {
        return new RemoteMeta(connection, service);
    }
}
