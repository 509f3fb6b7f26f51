package io.modeltrust.service.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while a batch waits for the database or broker to come back. */
@Readiness
@ApplicationScoped
public class PipelineReadiness implements HealthCheck {

    private final BatchConsumer consumer;

    public PipelineReadiness(BatchConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        var pipeline = consumer.pipeline();
        return HealthCheckResponse.named("batch-pipeline")
                .status(pipeline.healthy())
                .withData("openBatches", pipeline.openBatches())
                .withData("lastFailure", String.valueOf(pipeline.lastFailure()))
                .build();
    }
}
