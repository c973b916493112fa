package io.sluice.gateway.server.flight;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.sluice.gateway.execution.SessionDefaults;
import java.time.Duration;
import java.util.UUID;
import org.apache.arrow.flight.CallHeaders;
import org.apache.arrow.flight.CallInfo;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightServerMiddleware;
import org.apache.arrow.flight.RequestContext;

/**
 * Flight sessions: the options a client set with {@code SetSessionOptions}, kept under an id the client returns in a
 * cookie ({@code arrow_flight_session_id}, the name Arrow's own servers use, so the Flight SQL JDBC driver and ADBC keep
 * it). A session is created by the first {@code SetSessionOptions}, ends with {@code CloseSession}, and is forgotten
 * after {@link #IDLE_TIMEOUT} without a call, so clients that vanish do not pile up sessions. Unlike Arrow's
 * {@code ServerSessionMiddleware}, sessions expire and belong to the user who created them.
 */
final class FlightSessions implements FlightServerMiddleware.Factory<FlightSessions.Call> {

    static final FlightServerMiddleware.Key<Call> KEY = FlightServerMiddleware.Key.of("sluice-session");
    static final String COOKIE = "arrow_flight_session_id";
    static final Duration IDLE_TIMEOUT = Duration.ofHours(8);
    static final String PROBLEMS_HEADER = "sluice-session-option-errors";

    private final Cache<String, Session> sessions = Caffeine.newBuilder()
            .expireAfterAccess(IDLE_TIMEOUT)
            .maximumSize(100_000)
            .build();

    /** The number of sessions open now. */
    long size() {
        sessions.cleanUp();
        return sessions.estimatedSize();
    }

    /** One session: its owner and default catalog and schema. */
    static final class Session {
        final String id;
        final String user;
        private volatile SessionDefaults defaults = SessionDefaults.NONE;

        private Session(String id, String user) {
            this.id = id;
            this.user = user;
        }

        SessionDefaults defaults() {
            return defaults;
        }

        void defaults(SessionDefaults defaults) {
            this.defaults = defaults;
        }
    }

    @Override
    public Call onCallStarted(CallInfo info, CallHeaders headers, RequestContext context) {
        String id = sessionId(headers);
        Session session = null;
        if (id != null) {
            session = sessions.getIfPresent(id);
            if (session == null) {
                // Going on without it would silently drop the options the client set.
                throw CallStatus.NOT_FOUND
                        .withDescription("QUERY_INVALID: the Flight session " + id
                                + " is closed or expired (idle for " + IDLE_TIMEOUT.toHours()
                                + " h); reconnect to start a new one")
                        .toRuntimeException();
            }
        }
        return new Call(session);
    }

    private static String sessionId(CallHeaders headers) {
        Iterable<String> cookies = headers.getAll("cookie");
        if (cookies == null) {
            return null;
        }
        for (String header : cookies) {
            for (String cookie : header.split(";")) {
                int equals = cookie.indexOf('=');
                if (equals > 0 && cookie.substring(0, equals).trim().equals(COOKIE)) {
                    String value = cookie.substring(equals + 1).trim();
                    return value.isEmpty() ? null : value;
                }
            }
        }
        return null;
    }

    /** The session of one call: the one its cookie names, or one created (and announced in a cookie) on demand. */
    final class Call implements FlightServerMiddleware {
        private Session session;
        private boolean created;
        private String closed;
        private String problems;

        private Call(Session session) {
            this.session = session;
        }

        /** The defaults of this call's session, for {@code user}; none when it has no session. */
        SessionDefaults defaults(String user) {
            Session current = session(user);
            return current == null ? SessionDefaults.NONE : current.defaults();
        }

        /** This call's session if {@code user} owns it; null when the call has none. */
        synchronized Session session(String user) {
            if (session != null && !session.user.equals(user)) {
                throw CallStatus.NOT_FOUND
                        .withDescription("QUERY_INVALID: the Flight session belongs to another user")
                        .toRuntimeException();
            }
            return session;
        }

        /** This call's session, created for {@code user} when the call has none. */
        synchronized Session sessionOrNew(String user) {
            Session current = session(user);
            if (current == null) {
                current = new Session(UUID.randomUUID().toString(), user);
                sessions.put(current.id, current);
                session = current;
                created = true;
            }
            return current;
        }

        /** Ends this call's session; false when it had none. */
        synchronized boolean close(String user) {
            Session current = session(user);
            if (current == null) {
                return false;
            }
            sessions.invalidate(current.id);
            closed = current.id;
            session = null;
            return true;
        }

        /**
         * Explains the errors of a {@code SetSessionOptions} result in a response header ({@value #PROBLEMS_HEADER}):
         * the protocol's error result carries only a code per option.
         */
        synchronized void explain(String text) {
            problems = text;
        }

        @Override
        public synchronized void onBeforeSendingHeaders(CallHeaders outgoing) {
            if (problems != null) {
                outgoing.insert(PROBLEMS_HEADER, problems);
            }
            if (created && session != null) {
                outgoing.insert("set-cookie", COOKIE + "=" + session.id);
            }
            if (closed != null) {
                outgoing.insert("set-cookie", COOKIE + "=" + closed + "; Max-Age=0");
            }
        }

        @Override
        public void onCallCompleted(CallStatus status) {}

        @Override
        public void onCallErrored(Throwable error) {}
    }
}
