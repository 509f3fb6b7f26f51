package io.modeltrust.alert.notify;

import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One attempt of one delivery, on the calling thread: the target checked again ({@link TargetPolicy}),
 * the body signed, the POST sent and its answer awaited for at most twice the timeout (connecting, then
 * answering), so that no webhook holds a sending thread longer, whatever it does.
 */
final class WebhookSender {

    /** What is sent: the channel's URL and secret as they are now. */
    record Attempt(long deliveryId, String eventId, int number, String body, String url, String secret) {
    }

    private final HttpClient http;
    private final Supplier<TargetPolicy> policy;
    private final Duration timeout;

    WebhookSender(HttpClient http, Supplier<TargetPolicy> policy, Duration timeout) {
        this.http = http;
        this.policy = policy;
        this.timeout = timeout;
    }

    Outcome send(Attempt a) throws InterruptedException {
        if (a.url() == null) {
            return Outcome.failed(0, "channel no longer configured", true);
        }
        URI url;
        try {
            url = URI.create(a.url());
            // Checked again as sent: a name may resolve elsewhere now than when the channel was saved. The
            // HTTP client's lookup that follows is answered from the JVM's address cache this one filled.
            policy.get().check(url);
        } catch (TargetPolicy.Refused e) {
            return Outcome.failed(0, "refused: " + e.getMessage(), true);
        } catch (UnknownHostException e) {
            return Outcome.failed(0, "unknown host " + e.getMessage(), false);
        } catch (IllegalArgumentException e) {
            // The message would repeat the URL, credentials and all.
            return Outcome.failed(0, "the channel's URL is not a valid URI", true);
        }
        CompletableFuture<HttpResponse<Void>> response = http.sendAsync(request(a, url), HttpResponse.BodyHandlers.discarding());
        try {
            return Outcome.answered(response.get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS).statusCode());
        } catch (TimeoutException e) {
            response.cancel(true);
            return Outcome.failed(0, "no complete answer within " + timeout.multipliedBy(2), false);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return Outcome.failed(0, UrlSecrets.scrub(cause.toString()), false);
        }
    }

    private HttpRequest request(Attempt a, URI url) {
        byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(UrlSecrets.withoutUserInfo(url))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(WebhookSigner.HEADER, WebhookSigner.sign(a.secret(), body))
                .header("X-Alert-Event-Id", a.eventId())
                .header("X-Delivery-Id", Long.toString(a.deliveryId()))
                .header("X-Delivery-Attempt", Integer.toString(a.number()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        String authorization = UrlSecrets.basicAuthorization(url);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }
}
