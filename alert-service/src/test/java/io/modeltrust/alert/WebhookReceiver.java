package io.modeltrust.alert;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** An HTTP endpoint inside the test that records what it receives and answers with a scripted status. */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Request(String body, String signature, String eventId, String attempt, int answered,
                          String authorization, String query) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger arrived = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool();

    /** {@code failFirst} requests get {@code failStatus}; the rest 200. */
    public WebhookReceiver(int failFirst, int failStatus) throws IOException {
        this(failFirst, failStatus, new CountDownLatch(0));
    }

    /**
     * A tarpit: each request is held unanswered until {@code hold} is released (or for 25 s, less than
     * the test profile's webhook timeout), then answered 200.
     */
    public WebhookReceiver(CountDownLatch hold) throws IOException {
        this(0, 200, hold);
    }

    private WebhookReceiver(int failFirst, int failStatus, CountDownLatch hold) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/hook", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            arrived.incrementAndGet();
            try {
                hold.await(25, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int status = calls.incrementAndGet() <= failFirst ? failStatus : 200;
            requests.add(new Request(new String(body, StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("X-Signature-256"),
                    exchange.getRequestHeaders().getFirst("X-Alert-Event-Id"),
                    exchange.getRequestHeaders().getFirst("X-Delivery-Attempt"), status,
                    exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestURI().getRawQuery()));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Answered requests. */
    public List<Request> requests() {
        return requests;
    }

    /** Requests received, answered or still held. */
    public int arrived() {
        return arrived.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
