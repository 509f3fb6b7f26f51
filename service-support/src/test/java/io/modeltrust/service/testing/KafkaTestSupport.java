package io.modeltrust.service.testing;

import io.modeltrust.model.batch.BatchRecord;
import io.modeltrust.model.batch.BatchRecordCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Plain Kafka clients for tests: write batch records as ingest does, read what a service published. */
public final class KafkaTestSupport {

    private KafkaTestSupport() {
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    public static void send(String topic, String key, List<BatchRecord> records) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (BatchRecord r : records) {
                ProducerRecord<String, byte[]> pr = new ProducerRecord<>(topic, key, BatchRecordCodec.encode(r, true));
                pr.headers().add(BatchRecordCodec.RECORD_TYPE_HEADER,
                        BatchRecordCodec.typeOf(r).getBytes(StandardCharsets.UTF_8));
                pr.headers().add(BatchRecordCodec.BATCH_ID_HEADER, r.batchId().getBytes(StandardCharsets.UTF_8));
                producer.send(pr);
            }
            producer.flush();
        }
    }

    public static void sendRaw(String topic, String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, key, value));
            producer.flush();
        }
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(16 << 20));
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** A consumer over every partition of the topic, positioned at its current end. */
    public static KafkaConsumer<String, byte[]> tail(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    /** Collects records matching the filter until {@code expected} arrived, then waits {@code quiet} for extras. */
    public static List<ConsumerRecord<String, byte[]>> await(KafkaConsumer<String, byte[]> consumer,
                                                             Predicate<ConsumerRecord<String, byte[]>> filter,
                                                             int expected, Duration timeout, Duration quiet) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline) && out.size() < expected) {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                if (filter.test(r)) {
                    out.add(r);
                }
            });
        }
        Instant quietEnd = Instant.now().plus(quiet);
        while (Instant.now().isBefore(quietEnd)) {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                if (filter.test(r)) {
                    out.add(r);
                }
            });
        }
        return out;
    }

    public static String text(byte[] value) {
        return new String(value, StandardCharsets.UTF_8);
    }
}
