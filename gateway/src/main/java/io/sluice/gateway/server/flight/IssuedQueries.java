package io.sluice.gateway.server.flight;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import io.sluice.gateway.error.ErrorCode;
import io.sluice.gateway.error.SluiceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.CancelStatus;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.flight.sql.impl.FlightSql.TicketStatementQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queries this gateway handed out tickets for, by ticket id: who asked, which runs (DoGet streams) are going on,
 * whether one ended and whether the query was cancelled. This is what CancelFlightInfo answers from, and what makes a
 * ticket cancelled before its stream started fail when it is read.
 *
 * <p>Entries are forgotten {@link #KEEP} after their last use. A ticket this instance does not know (issued by another
 * instance, or forgotten) can still be run here, as the calling user; cancelling it here marks it cancelled here only.
 */
final class IssuedQueries {

    private static final Logger LOG = LoggerFactory.getLogger(IssuedQueries.class);

    /** How long a ticket is remembered after its last use (a FlightInfo nobody reads must not stay forever). */
    static final Duration KEEP = Duration.ofHours(1);

    /** How long CancelFlightInfo waits for a stopped run to end before answering CANCELLING instead of CANCELLED. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(2);

    private final Cache<UUID, Query> queries =
            Caffeine.newBuilder().expireAfterAccess(KEEP).maximumSize(1_000_000).build();

    /** Remembers that {@code user} was given {@code ticket}. */
    void issued(QueryTicket ticket, String user) {
        queries.put(ticket.id(), new Query(user));
    }

    /**
     * Starts a run of the ticket's query for {@code user}; {@code stop} is called if the query is cancelled while the
     * run goes on. Close the run when it ends, however it ends.
     *
     * @throws SluiceException QUERY_CANCELLED when the query was cancelled already, PERMISSION_DENIED when another user
     *     was given the ticket
     */
    Run begin(QueryTicket ticket, String user, Runnable stop) {
        Query query = queries.get(ticket.id(), id -> new Query(user));
        synchronized (query) {
            query.checkUser(user, "run");
            if (query.cancelled) {
                throw new SluiceException(
                        ErrorCode.QUERY_CANCELLED, "The query was cancelled (CancelFlightInfo) before it was read.");
            }
            Run run = new Run(query, stop);
            query.runs.add(run);
            return run;
        }
    }

    /**
     * Answers CancelFlightInfo: cancels the queries of every endpoint of {@code info} for {@code user}. Endpoints of
     * other commands (catalog listings and such) are NOT_CANCELLABLE.
     *
     * @throws FlightRuntimeException INVALID_ARGUMENT for a FlightInfo without endpoints or with a foreign ticket
     * @throws SluiceException PERMISSION_DENIED when another user was given a ticket
     */
    CancelStatus cancel(FlightInfo info, String user) {
        if (info.getEndpoints().isEmpty()) {
            throw CallStatus.INVALID_ARGUMENT
                    .withDescription("QUERY_INVALID: the FlightInfo to cancel has no endpoint")
                    .toRuntimeException();
        }
        CancelStatus answer = null;
        for (FlightEndpoint endpoint : info.getEndpoints()) {
            CancelStatus status = queryTicket(endpoint.getTicket())
                    .map(ticket -> cancel(ticket, user))
                    .orElse(CancelStatus.NOT_CANCELLABLE);
            answer = answer == null ? status : combine(answer, status);
        }
        return answer;
    }

    /** The query ticket in a Flight ticket; empty for the tickets of other commands. */
    private static Optional<QueryTicket> queryTicket(Ticket ticket) {
        try {
            Any command = Any.parseFrom(ticket.getBytes());
            if (!command.is(TicketStatementQuery.class)) {
                return Optional.empty();
            }
            return Optional.of(QueryTicket.decode(
                    command.unpack(TicketStatementQuery.class).getStatementHandle()));
        } catch (InvalidProtocolBufferException e) {
            throw CallStatus.INVALID_ARGUMENT
                    .withDescription("QUERY_INVALID: not a ticket issued by Sluice")
                    .toRuntimeException();
        }
    }

    /** The answer for several endpoints: the least settled of their answers. */
    private static CancelStatus combine(CancelStatus first, CancelStatus second) {
        List<CancelStatus> order = List.of(
                CancelStatus.UNSPECIFIED,
                CancelStatus.CANCELLING,
                CancelStatus.CANCELLED,
                CancelStatus.NOT_CANCELLABLE);
        return order.indexOf(first) <= order.indexOf(second) ? first : second;
    }

    /**
     * Cancels the ticket's query for {@code user}: stops its runs (in the gateway and at its sources) and makes later
     * reads of the ticket fail. The answer says what happened.
     *
     * @throws SluiceException PERMISSION_DENIED when another user was given the ticket
     */
    private CancelStatus cancel(QueryTicket ticket, String user) {
        Query query = queries.getIfPresent(ticket.id());
        if (query == null) {
            // Unknown here: maybe issued by another instance. Refuse it here from now on; the outcome elsewhere is
            // unknown.
            Query tombstone = new Query(user);
            tombstone.cancelled = true;
            queries.put(ticket.id(), tombstone);
            LOG.info("CancelFlightInfo for query {}, unknown to this gateway; it will refuse it", ticket.id());
            return CancelStatus.UNSPECIFIED;
        }
        List<Run> running;
        synchronized (query) {
            query.checkUser(user, "cancel");
            if (query.cancelled) {
                return query.runs.isEmpty() ? CancelStatus.CANCELLED : CancelStatus.CANCELLING;
            }
            if (query.runs.isEmpty() && query.ended) {
                return CancelStatus.NOT_CANCELLABLE;
            }
            query.cancelled = true;
            running = new ArrayList<>(query.runs);
        }
        LOG.info("CancelFlightInfo for query {}: stopping {} running stream(s)", ticket.id(), running.size());
        running.forEach(run -> run.stop.run());
        return awaitEnd(running) ? CancelStatus.CANCELLED : CancelStatus.CANCELLING;
    }

    private static boolean awaitEnd(List<Run> runs) {
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        try {
            for (Run run : runs) {
                if (!run.ended.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One ticket's query. Guarded by itself. */
    private static final class Query {
        final String user;
        final Set<Run> runs = new HashSet<>();
        boolean cancelled;
        boolean ended;

        Query(String user) {
            this.user = user;
        }

        void checkUser(String caller, String action) {
            if (!user.equals(caller)) {
                throw new SluiceException(
                        ErrorCode.PERMISSION_DENIED,
                        "Only the user who ran a query can " + action + " it; ask for a FlightInfo of your own.");
            }
        }
    }

    /** One stream of a ticket's query, from its start to its end. */
    static final class Run implements AutoCloseable {
        private final Query query;
        private final Runnable stop;
        private final CountDownLatch ended = new CountDownLatch(1);

        private Run(Query query, Runnable stop) {
            this.query = query;
            this.stop = stop;
        }

        @Override
        public void close() {
            synchronized (query) {
                query.runs.remove(this);
                query.ended = true;
            }
            ended.countDown();
        }
    }
}
