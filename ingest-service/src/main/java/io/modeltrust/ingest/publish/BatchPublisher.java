package io.modeltrust.ingest.publish;

import io.modeltrust.ingest.config.IngestConfig;
import io.modeltrust.ingest.upload.StagedBatch;
import io.modeltrust.model.Json;
import io.modeltrust.model.batch.BatchHeader;
import io.modeltrust.model.batch.BatchRecordCodec;
import io.modeltrust.model.batch.BatchSeal;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes a staged batch to monitoring.batches as header, chunks and seal, keyed by modelId so one
 * model's batches stay in order on one partition. Returns only when Kafka acknowledged every
 * record (acks=all, idempotent producer); otherwise throws, and the batch, lacking its seal or
 * acknowledgement, is never analysed.
 */
@ApplicationScoped
public class BatchPublisher {

    @Inject
    IngestConfig config;

    /** Quarkus' view of every kafka.* key and KAFKA_* variable: bootstrap servers, security protocol, stores. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private KafkaProducer<String, byte[]> producer;

    @PostConstruct
    void start() {
        Map<String, String> props = new HashMap<>();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(1 << 20));
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(16 << 20));
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(64L << 20));
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        long timeoutMs = config.publishTimeout().toMillis();
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(Math.max(1000, timeoutMs / 2)));
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(1000, timeoutMs / 2)));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(2000, timeoutMs)));
        producer = new KafkaProducer<>(ProducerSettings.of(kafkaConfig, props), new StringSerializer(),
                new ByteArraySerializer());
    }

    @PreDestroy
    void stop() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }

    public void publish(BatchHeader header, StagedBatch staged, BatchSeal seal) {
        long deadline = System.nanoTime() + config.publishTimeout().toNanos();
        String topic = config.batchesTopic();
        String key = header.modelId();
        List<Future<RecordMetadata>> acks = new ArrayList<>(staged.chunks().size() + 2);
        try {
            acks.add(send(record(topic, key, header.batchId(), BatchHeader.RECORD, Json.toBytes(header)), deadline));
            for (byte[] chunk : staged.chunks()) {
                acks.add(send(record(topic, key, header.batchId(), BatchRecordCodec.CHUNK, chunk), deadline));
            }
            acks.add(send(record(topic, key, header.batchId(), BatchSeal.RECORD, Json.toBytes(seal)), deadline));
            for (Future<RecordMetadata> ack : acks) {
                long left = deadline - System.nanoTime();
                ack.get(Math.max(0, left), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException("interrupted while publishing", e);
        } catch (ExecutionException e) {
            throw new BrokerUnavailableException("Kafka rejected the batch: " + e.getCause().getMessage(), e);
        } catch (TimeoutException | org.apache.kafka.common.KafkaException e) {
            throw new BrokerUnavailableException("Kafka did not acknowledge the batch in time", e);
        }
    }

    /**
     * send() itself may block up to max.block.ms (no metadata while the broker is away, or a full
     * buffer) and then hands back an already failed future; without these checks a batch of n
     * records could take n times that before its 503.
     */
    private Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, long deadline)
            throws ExecutionException, TimeoutException, InterruptedException {
        if (System.nanoTime() - deadline > 0) {
            throw new TimeoutException("publish timeout reached while sending");
        }
        Future<RecordMetadata> ack = producer.send(record);
        if (ack.isDone()) {
            ack.get(); // failed at once: stop here rather than send the rest of the batch
        }
        return ack;
    }

    private static ProducerRecord<String, byte[]> record(String topic, String key, String batchId, String type,
                                                         byte[] value) {
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(topic, key, value);
        r.headers().add(BatchRecordCodec.RECORD_TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8));
        r.headers().add(BatchRecordCodec.BATCH_ID_HEADER, batchId.getBytes(StandardCharsets.UTF_8));
        return r;
    }
}
