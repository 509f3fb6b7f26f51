package io.modeltrust.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import org.jboss.logging.Logger;

/** The service's key ring from configuration, checked at startup: a bad entry stops the service with its position. */
@Singleton
public class ApiKeys {

    private static final Logger LOG = Logger.getLogger(ApiKeys.class);

    private final ApiGate gate;

    public ApiKeys(ApiKeyConfig config) {
        this.gate = new ApiGate(ApiKeyRing.parse(config.keys().orElse(List.of())));
    }

    public ApiGate gate() {
        return gate;
    }

    void onStart(@Observes StartupEvent event) {
        ApiKeyRing ring = gate.ring();
        if (ring.enabled()) {
            LOG.infof("API keys on: %d key(s) %s; /api/** needs X-API-Key (read for GET, write otherwise)",
                    ring.principals().size(), ring);
        } else {
            LOG.warn("API keys off: no api.keys (API_KEYS) configured, so /api/** answers without X-API-Key");
        }
    }
}
