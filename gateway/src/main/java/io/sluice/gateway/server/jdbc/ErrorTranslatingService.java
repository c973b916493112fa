package io.sluice.gateway.server.jdbc;

import io.sluice.gateway.error.ErrorTranslator;
import io.sluice.gateway.error.SluiceException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps Avatica's service so that every error reaches the client as a {@link SluiceException}'s message with its
 * SQLSTATE (Avatica otherwise sends every error with SQLSTATE 00000 and a server stack trace as the message).
 */
final class ErrorTranslatingService {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorTranslatingService.class);

    private ErrorTranslatingService() {}

    static Service wrap(Service delegate, ErrorTranslator translator) {
        return (Service) Proxy.newProxyInstance(
                Service.class.getClassLoader(), new Class<?>[] {Service.class}, (proxy, method, args) -> {
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw toClientError(translator.translate(e.getCause()));
                    }
                });
    }

    private static AvaticaRuntimeException toClientError(SluiceException e) {
        switch (e.code().category()) {
            case INTERNAL -> LOG.error("Internal error: {}", e.getMessage(), e);
            case EXTERNAL, RESOURCES -> LOG.warn("{}", e.clientMessage(), e);
            case USER -> LOG.debug("{}", e.clientMessage());
        }
        return new AvaticaRuntimeException(e.clientMessage(), -1, e.code().sqlState(), AvaticaSeverity.ERROR);
    }
}
