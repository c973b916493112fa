package io.sluice.gateway.server.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.gateway.execution.RunningQueries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.calcite.avatica.remote.Service;
import org.apache.calcite.avatica.server.AvaticaProtobufHandler;
import org.eclipse.jetty.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Avatica's protobuf handler plus Sluice's side channel, on the same port: {@code POST /sluice/v1/cancel} with {@code
 * {"connectionId": "…", "statementId": 3, "reason": "cancel"|"timeout"}} stops that statement's running query in the
 * gateway and at its sources. The connection id is a random UUID known only to the client that opened it.
 */
final class SluiceAvaticaHandler extends AvaticaProtobufHandler {

    static final String SIDE_CHANNEL_PREFIX = "/sluice/v1/";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(SluiceAvaticaHandler.class);

    private final RunningQueries runningQueries;

    SluiceAvaticaHandler(Service service, RunningQueries runningQueries) {
        super(service);
        this.runningQueries = runningQueries;
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (!target.startsWith(SIDE_CHANNEL_PREFIX)) {
            super.handle(target, baseRequest, request, response);
            return;
        }
        baseRequest.setHandled(true);
        if (!"POST".equals(request.getMethod()) || !target.equals(SIDE_CHANNEL_PREFIX + "cancel")) {
            reply(response, HttpServletResponse.SC_NOT_FOUND, "{\"error\":\"unknown side-channel request\"}");
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(request.getInputStream());
        } catch (IOException e) {
            reply(response, HttpServletResponse.SC_BAD_REQUEST, "{\"error\":\"body is not JSON\"}");
            return;
        }
        if (body == null
                || !body.hasNonNull("connectionId")
                || !body.path("statementId").canConvertToInt()) {
            reply(
                    response,
                    HttpServletResponse.SC_BAD_REQUEST,
                    "{\"error\":\"expected connectionId and statementId\"}");
            return;
        }
        RunningQueries.StopReason reason = "timeout".equals(body.path("reason").asText())
                ? RunningQueries.StopReason.TIMED_OUT
                : RunningQueries.StopReason.CANCELLED;
        boolean stopped = runningQueries.stop(
                body.get("connectionId").asText(), body.get("statementId").asInt(), reason);
        LOG.info(
                "{} request for statement {} of connection {}: {}",
                reason,
                body.get("statementId"),
                body.get("connectionId").asText(),
                stopped ? "stopped" : "nothing running");
        reply(response, HttpServletResponse.SC_OK, "{\"stopped\":" + stopped + "}");
    }

    private static void reply(HttpServletResponse response, int status, String json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }
}
