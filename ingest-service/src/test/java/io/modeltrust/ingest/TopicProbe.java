package io.modeltrust.ingest;

import io.modeltrust.model.batch.AssembledBatch;
import io.modeltrust.model.batch.BatchAssembler;
import io.modeltrust.model.batch.BatchRecord;
import io.modeltrust.model.batch.BatchRecordCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** A plain Kafka consumer over every partition of a topic, for tests that check what was published. */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<TopicPartition> partitions = new ArrayList<>();

    public TopicProbe(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(16 << 20));
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        consumer.assign(partitions);
    }

    public Map<TopicPartition, Long> endOffsets() {
        return new HashMap<>(consumer.endOffsets(partitions));
    }

    /** Reads every record after {@code from} until the batch with this id is sealed. */
    public AssembledBatch readBatch(Map<TopicPartition, Long> from, String batchId, Duration timeout) {
        from.forEach(consumer::seek);
        BatchAssembler<Long> assembler = new BatchAssembler<>();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                if (!batchId.equals(header(r, BatchRecordCodec.BATCH_ID_HEADER))) {
                    continue;
                }
                BatchRecord record = BatchRecordCodec.decode(r.value());
                var done = assembler.accept(record, Instant.now(), r.offset());
                if (done.isPresent()) {
                    return done.get().batch();
                }
            }
        }
        throw new AssertionError("batch " + batchId + " was not sealed on the topic within " + timeout);
    }

    /** Every record after {@code from} that belongs to this batch id, until the topic goes quiet. */
    public List<ConsumerRecord<String, byte[]>> recordsOf(Map<TopicPartition, Long> from, String batchId) {
        from.forEach(consumer::seek);
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        Map<TopicPartition, Long> end = endOffsets();
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline) && !reached(end)) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                if (batchId.equals(header(r, BatchRecordCodec.BATCH_ID_HEADER))) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    /** Every record after {@code from} up to the end offsets as they are now, whatever batch it belongs to. */
    public List<ConsumerRecord<String, byte[]>> recordsSince(Map<TopicPartition, Long> from) {
        Map<TopicPartition, Long> end = endOffsets();
        from.forEach(consumer::seek);
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(30);
        while (!reached(end)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("could not read monitoring.batches up to " + end + " within 30 s");
            }
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                TopicPartition p = new TopicPartition(r.topic(), r.partition());
                if (r.offset() < end.get(p)) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    /** The batch-id header of a record, or null. */
    public static String batchIdOf(ConsumerRecord<String, byte[]> r) {
        return header(r, BatchRecordCodec.BATCH_ID_HEADER);
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        for (TopicPartition p : partitions) {
            if (consumer.position(p) < end.get(p)) {
                return false;
            }
        }
        return true;
    }

    static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
