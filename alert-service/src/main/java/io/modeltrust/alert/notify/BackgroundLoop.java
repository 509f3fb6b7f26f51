package io.modeltrust.alert.notify;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * A daemon thread running rounds of work: each round says how long to wait before the next, and
 * {@link #wake()} (called after a commit that queued work) cuts the wait short.
 */
final class BackgroundLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(BackgroundLoop.class);

    private final String name;
    private final Supplier<Duration> round;
    private final Duration onFailure;
    private final Semaphore signal = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    BackgroundLoop(String name, Supplier<Duration> round, Duration onFailure) {
        this.name = name;
        this.round = round;
        this.onFailure = onFailure;
    }

    synchronized void start() {
        if (thread == null) {
            running = true;
            thread = new Thread(this, name);
            thread.setDaemon(true);
            thread.start();
        }
    }

    synchronized void stop() {
        running = false;
        if (thread != null) {
            signal.release();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    void wake() {
        signal.release();
    }

    @Override
    public void run() {
        while (running) {
            Duration wait;
            try {
                wait = round.get();
            } catch (RuntimeException e) {
                LOG.warnf("%s: %s; retrying in %s", name, e.getMessage(), onFailure);
                LOG.debug(name + " failure", e);
                wait = onFailure;
            }
            if (!running || wait.isZero()) {
                continue;
            }
            try {
                if (signal.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    signal.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
