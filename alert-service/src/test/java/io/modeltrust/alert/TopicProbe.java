package io.modeltrust.alert;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** A plain Kafka consumer over every partition of a topic, for tests that check what was published. */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions = new ArrayList<>();

    public TopicProbe(String topic) {
        this(topic, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    public TopicProbe(String topic, String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        consumer.assign(partitions);
    }

    public Map<TopicPartition, Long> endOffsets() {
        return new HashMap<>(consumer.endOffsets(partitions));
    }

    /**
     * Records after {@code from} with this key, read until {@code enough} holds for them (then up to
     * the end offsets of that moment, so extras already published show up too) or the timeout passes.
     */
    public List<ConsumerRecord<String, String>> read(Map<TopicPartition, Long> from, String key,
                                                     Predicate<List<ConsumerRecord<String, String>>> enough, Duration timeout) {
        from.forEach(consumer::seek);
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        Map<TopicPartition, Long> end = null;
        while (Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                if (key == null || key.equals(r.key())) {
                    out.add(r);
                }
            }
            if (end == null && enough.test(out)) {
                end = endOffsets();
            }
            if (end != null && reached(end)) {
                break;
            }
        }
        return out;
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        for (TopicPartition p : partitions) {
            if (consumer.position(p) < end.get(p)) {
                return false;
            }
        }
        return true;
    }

    public static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
