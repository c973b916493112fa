package io.sluice.gateway.server.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.gateway.execution.RunningQueries;
import io.sluice.gateway.quality.QualitySummary;
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
 * gateway and at its sources; {@code POST /sluice/v1/quality} with {@code {"connectionId": "…", "statementId": 3}}
 * answers, as UTF-8 text, the quality outcome of that statement's last execution: a line {@code query_id<TAB>id}, then
 * one line {@code warning<TAB>message} per rule that found violations (the driver turns them into SQLWarnings). The
 * connection id is a random UUID known only to the client that opened it, which is what authorizes a request.
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
        boolean cancel = target.equals(SIDE_CHANNEL_PREFIX + "cancel");
        boolean quality = target.equals(SIDE_CHANNEL_PREFIX + "quality");
        if (!"POST".equals(request.getMethod()) || !(cancel || quality)) {
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
        if (quality) {
            replyQuality(
                    response,
                    body.get("connectionId").asText(),
                    body.get("statementId").asInt());
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

    private void replyQuality(HttpServletResponse response, String connectionId, int statementId) throws IOException {
        StringBuilder text = new StringBuilder();
        runningQueries.quality(connectionId, statementId).ifPresent(quality -> {
            text.append("query_id\t").append(quality.queryId()).append('\n');
            for (String warning : QualitySummary.warnings(quality)) {
                text.append("warning\t")
                        .append(warning.replace('\n', ' ').replace('\r', ' '))
                        .append('\n');
            }
        });
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/plain; charset=utf-8");
        response.getOutputStream().write(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void reply(HttpServletResponse response, int status, String json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }
}
