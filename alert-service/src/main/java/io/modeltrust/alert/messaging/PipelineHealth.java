package io.modeltrust.alert.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while results wait for an unreachable database, so traffic and operators see it. */
@Readiness
@ApplicationScoped
public class PipelineHealth implements HealthCheck {

    private volatile String failure;
    private volatile Instant since;

    void failing(Throwable t) {
        if (failure == null) {
            since = Instant.now();
        }
        failure = t.getMessage() == null ? t.toString() : t.getMessage();
    }

    void recovered() {
        failure = null;
        since = null;
    }

    @Override
    public HealthCheckResponse call() {
        String f = failure;
        if (f == null) {
            return HealthCheckResponse.up("alert-pipeline");
        }
        return HealthCheckResponse.named("alert-pipeline").down()
                .withData("reason", "database unavailable; results are held on Kafka and retried")
                .withData("error", f).withData("since", String.valueOf(since)).build();
    }
}
