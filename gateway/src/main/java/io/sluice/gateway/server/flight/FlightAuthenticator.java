package io.sluice.gateway.server.flight;

import io.sluice.gateway.error.SluiceException;
import io.sluice.gateway.security.Authenticator;
import org.apache.arrow.flight.CallHeaders;
import org.apache.arrow.flight.auth2.Auth2Constants;
import org.apache.arrow.flight.auth2.BasicCallHeaderAuthenticator;
import org.apache.arrow.flight.auth2.CallHeaderAuthenticator;
import org.apache.arrow.flight.auth2.GeneratedBearerTokenAuthenticator;

/**
 * Flight's header authentication over the gateway's users: a basic-auth call is checked by the {@link Authenticator}
 * (the same users as JDBC) and answered with a bearer token that later calls present; a call without credentials is
 * anonymous where the config allows it.
 */
final class FlightAuthenticator implements CallHeaderAuthenticator {

    private final Authenticator authenticator;
    private final CallHeaderAuthenticator basic;

    private FlightAuthenticator(Authenticator authenticator) {
        this.authenticator = authenticator;
        this.basic = new BasicCallHeaderAuthenticator(this::validate);
    }

    /** The authenticator to install on the server: bearer tokens in front of basic auth and anonymous access. */
    static CallHeaderAuthenticator create(Authenticator authenticator) {
        return new GeneratedBearerTokenAuthenticator(new FlightAuthenticator(authenticator));
    }

    @Override
    public AuthResult authenticate(CallHeaders headers) {
        if (headers.get(Auth2Constants.AUTHORIZATION_HEADER) == null) {
            String user = check(null, null);
            return () -> user;
        }
        return basic.authenticate(headers);
    }

    private AuthResult validate(String user, String password) {
        String name = check(user, password);
        return () -> name;
    }

    private String check(String user, String password) {
        try {
            return authenticator.authenticate(user, password);
        } catch (SluiceException e) {
            throw FlightErrors.toFlight(e);
        }
    }
}
