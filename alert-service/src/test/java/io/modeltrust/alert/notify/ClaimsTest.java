package io.modeltrust.alert.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas claiming from one PostgreSQL database (plain JDBC, a schema of the test's own): every
 * outbox event and every webhook delivery is claimed exactly once, a model's events are published in
 * id order across both, a live lease keeps the other replica off, and an expired one lets it in.
 */
class ClaimsTest {

    private static final Duration LEASE = Duration.ofMinutes(5);
    private static TestSchema schema;

    @BeforeAll
    static void migrate() {
        schema = new TestSchema("claims_test");
    }

    @AfterAll
    static void drop() throws SQLException {
        schema.close();
    }

    @BeforeEach
    void empty() throws SQLException {
        try (Connection c = schema.connect(); Statement st = c.createStatement()) {
            st.execute("TRUNCATE outbox, webhook_deliveries");
        }
    }

    @Test
    void twoReplicasClaimEachOutboxEventOnceAndKeepEachModelsOrder() throws Exception {
        int events = 600;
        try (Connection c = schema.connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO outbox (model_id, event_id, payload, created_at) VALUES (?, ?, '{}', now())")) {
            for (int i = 0; i < events; i++) {
                ps.setString(1, "m" + (i % 12));
                ps.setString(2, "e" + i);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        List<OutboxClaims.Event> published = Collections.synchronizedList(new ArrayList<>());
        Map<String, List<Long>> byReplica = concurrently(owner -> () -> {
            List<Long> mine = new ArrayList<>();
            try (Connection c = schema.connect()) {
                c.setAutoCommit(false);
                while (true) {
                    List<OutboxClaims.Event> claimed = OutboxClaims.claim(c, owner, LEASE, 7);
                    c.commit();
                    if (claimed.isEmpty()) {
                        if (count(c, "SELECT count(*) FROM outbox") == 0) {
                            c.commit();
                            return mine;
                        }
                        c.commit();
                        continue; // the rest belongs to models the other replica holds
                    }
                    published.addAll(claimed);
                    claimed.forEach(e -> mine.add(e.id()));
                    OutboxClaims.delete(c, claimed);
                    c.commit();
                }
            }
        });

        assertExactlyOnce(events, byReplica);
        Map<String, Long> last = new HashMap<>();
        synchronized (published) {
            for (OutboxClaims.Event e : published) {
                Long before = last.put(e.modelId(), e.id());
                assertTrue(before == null || before < e.id(), "model " + e.modelId() + ": " + e.id() + " after " + before);
            }
        }
    }

    @Test
    void twoReplicasClaimEachDeliveryOnce() throws Exception {
        int deliveries = 500;
        try (Connection c = schema.connect(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO webhook_deliveries (channel_id, event_id, alert_id, body, status, attempts, next_attempt_at,
                  created_at, updated_at) VALUES (?, ?, gen_random_uuid(), '{}', 'pending', 0, now() - interval '1 second',
                  now(), now())""")) {
            for (int i = 0; i < deliveries; i++) {
                ps.setString(1, "ch" + (i % 5));
                ps.setString(2, "e" + i);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        Map<String, List<Long>> byReplica = concurrently(owner -> () -> {
            List<Long> mine = new ArrayList<>();
            try (Connection c = schema.connect()) {
                while (true) {
                    List<DeliveryClaims.Claimed> claimed = DeliveryClaims.claim(c, owner, LEASE, 7);
                    if (claimed.isEmpty()) {
                        return mine;
                    }
                    for (DeliveryClaims.Claimed d : claimed) {
                        mine.add(d.id());
                        assertTrue(DeliveryClaims.finish(c, owner, d.id(),
                                new DeliveryClaims.Attempt("delivered", d.attempts() + 1, Instant.now(), 200, null)));
                    }
                }
            }
        });

        assertExactlyOnce(deliveries, byReplica);
        try (Connection c = schema.connect()) {
            assertEquals(deliveries, count(c, "SELECT count(*) FROM webhook_deliveries "
                    + "WHERE status = 'delivered' AND attempts = 1 AND lease_owner IS NULL"));
        }
    }

    @Test
    void aLiveLeaseKeepsOthersOffAndAnExpiredOneIsClaimableAgain() throws SQLException {
        try (Connection c = schema.connect()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("""
                        INSERT INTO outbox (model_id, event_id, payload, created_at)
                        VALUES ('m1', 'a', '{}', now()), ('m1', 'b', '{}', now()), ('m2', 'c', '{}', now())""");
                st.execute("""
                        INSERT INTO webhook_deliveries (channel_id, event_id, alert_id, body, status, attempts,
                          next_attempt_at, created_at, updated_at) VALUES
                          ('ch', 'a', gen_random_uuid(), '{}', 'pending', 0, now() - interval '1 second', now(), now()),
                          ('ch', 'later', gen_random_uuid(), '{}', 'pending', 0, now() + interval '1 hour', now(), now())""");
            }
            c.commit();

            List<OutboxClaims.Event> first = OutboxClaims.claim(c, "A", LEASE, 1);
            c.commit();
            assertEquals(List.of("m1"), first.stream().map(OutboxClaims.Event::modelId).toList());
            // m1's second event stays with m1's first: B gets only m2.
            List<OutboxClaims.Event> other = OutboxClaims.claim(c, "B", LEASE, 10);
            c.commit();
            assertEquals(List.of("m2"), other.stream().map(OutboxClaims.Event::modelId).toList());
            // A replica's claims include its own leased events (a retry after an unacknowledged send), no others.
            assertEquals(List.of("c"), eventIds(c, OutboxClaims.claim(c, "B", LEASE, 10)));
            c.commit();

            List<DeliveryClaims.Claimed> held = DeliveryClaims.claim(c, "A", LEASE, 10);
            c.commit();
            assertEquals(1, held.size(), "the delivery due in an hour is not claimed");
            assertTrue(DeliveryClaims.claim(c, "B", LEASE, 10).isEmpty());
            c.commit();

            try (Statement st = c.createStatement()) { // A died: its leases run out
                st.execute("UPDATE outbox SET lease_until = now() - interval '1 second' WHERE lease_owner = 'A'");
                st.execute("UPDATE webhook_deliveries SET lease_until = now() - interval '1 second' WHERE lease_owner = 'A'");
            }
            c.commit();
            List<OutboxClaims.Event> takenOver = OutboxClaims.claim(c, "B", LEASE, 10);
            c.commit();
            assertEquals(List.of("a", "b", "c"), eventIds(c, takenOver), "A's events, and B's own again");
            List<DeliveryClaims.Claimed> retaken = DeliveryClaims.claim(c, "B", LEASE, 10);
            c.commit();
            assertEquals(List.of(held.get(0).id()), retaken.stream().map(DeliveryClaims.Claimed::id).toList());
            DeliveryClaims.Attempt done = new DeliveryClaims.Attempt("delivered", 1, Instant.now(), 200, null);
            assertFalse(DeliveryClaims.finish(c, "A", held.get(0).id(), done), "A no longer holds it");
            assertTrue(DeliveryClaims.finish(c, "B", held.get(0).id(), done));
            c.commit();
        }
    }

    @Test
    void aChannelWithoutRoomCannotTakeTheClaimFromTheOthers() throws SQLException {
        try (Connection c = schema.connect(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO webhook_deliveries (channel_id, event_id, alert_id, body, status, attempts, next_attempt_at,
                  created_at, updated_at) VALUES (?, ?, gen_random_uuid(), '{}', 'pending', 0, now() - ? * interval '1 second',
                  now(), now())""")) {
            for (int i = 0; i < 10; i++) { // the slow channel's deliveries are the longest due
                ps.setString(1, "slow");
                ps.setString(2, "s" + i);
                ps.setInt(3, 100 - i);
                ps.addBatch();
            }
            for (int i = 0; i < 2; i++) {
                ps.setString(1, "fast");
                ps.setString(2, "f" + i);
                ps.setInt(3, 10 - i);
                ps.addBatch();
            }
            ps.executeBatch();

            List<DeliveryClaims.Claimed> full = DeliveryClaims.claim(c, "A", LEASE, 20, 4, Map.of("slow", 0));
            assertEquals(List.of("fast", "fast"), full.stream().map(DeliveryClaims.Claimed::channelId).toList());
            List<DeliveryClaims.Claimed> some = DeliveryClaims.claim(c, "A", LEASE, 20, 4, Map.of("slow", 1));
            assertEquals(List.of("slow"), some.stream().map(DeliveryClaims.Claimed::channelId).toList());
            assertEquals("s0", some.get(0).eventId(), "the longest due first");
            List<DeliveryClaims.Claimed> capped = DeliveryClaims.claim(c, "A", LEASE, 20, 4, Map.of());
            assertEquals(List.of("s1", "s2", "s3", "s4"), capped.stream().map(DeliveryClaims.Claimed::eventId).toList(),
                    "at most per-channel of one channel");
        }
    }

    private interface Claimer {
        Callable<List<Long>> as(String owner);
    }

    /** Runs replicas A and B at once, each on its own connection; returns what each claimed. */
    private static Map<String, List<Long>> concurrently(Claimer claimer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Map<String, Future<List<Long>>> running = new HashMap<>();
            for (String owner : List.of("A", "B")) {
                Callable<List<Long>> work = claimer.as(owner);
                running.put(owner, pool.submit(() -> {
                    start.await();
                    return work.call();
                }));
            }
            start.countDown();
            Map<String, List<Long>> out = new HashMap<>();
            for (Map.Entry<String, Future<List<Long>>> e : running.entrySet()) {
                out.put(e.getKey(), e.getValue().get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertExactlyOnce(int rows, Map<String, List<Long>> byReplica) {
        Set<Long> seen = new HashSet<>();
        int claims = 0;
        for (List<Long> ids : byReplica.values()) {
            claims += ids.size();
            seen.addAll(ids);
        }
        assertEquals(rows, seen.size(), "every row claimed");
        assertEquals(rows, claims, "no row claimed twice");
    }

    private static List<String> eventIds(Connection c, List<OutboxClaims.Event> events) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT event_id FROM outbox WHERE id = ANY(?) ORDER BY id")) {
            ps.setArray(1, c.createArrayOf("int8", events.stream().map(OutboxClaims.Event::id).toArray(Long[]::new)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
