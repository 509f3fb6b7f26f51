package io.modeltrust.alert.report.store;

import io.modeltrust.alert.history.Jdbc;
import io.modeltrust.alert.history.ReportLinks;
import io.modeltrust.alert.notify.ChannelStore;
import io.modeltrust.alert.notify.DeliveryWorker;
import io.modeltrust.alert.notify.NotificationChannel;
import io.modeltrust.alert.report.Fmt;
import io.modeltrust.alert.report.Html;
import io.modeltrust.alert.report.Period;
import io.modeltrust.alert.report.Report;
import io.modeltrust.model.Json;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Makes scheduled reports. Every minute each replica claims due schedules one at a time (FOR UPDATE SKIP
 * LOCKED, so a schedule is made by one replica), makes the report of the period that ended at next_run_at,
 * stores it, queues its delivery to the schedule's channel and moves next_run_at on by one period, all in one
 * transaction: a replica that dies midway leaves the period due, and the unique (schedule, period end) makes a
 * repeated run store nothing. Periods missed while the service was down are made in order on the next rounds.
 */
@ApplicationScoped
public class ReportRuns {

    private static final Logger LOG = Logger.getLogger(ReportRuns.class);
    /** Reports made per round and replica at most, so one round never holds the scheduler for long. */
    static final int PER_ROUND = 20;

    private final DataSource dataSource;
    private final ReportStore store;
    private final ReportService reports;
    private final ChannelStore channels;
    private final DeliveryWorker worker;
    private final ReportLinks links;

    public ReportRuns(DataSource dataSource, ReportStore store, ReportService reports, ChannelStore channels,
                      DeliveryWorker worker, ReportLinks links) {
        this.dataSource = dataSource;
        this.store = store;
        this.reports = reports;
        this.channels = channels;
        this.worker = worker;
        this.links = links;
    }

    @Scheduled(identity = "report-schedules", every = "${report.schedule-interval}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            runDue(Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf("report schedules: %s; retrying in 60 s", e.getMessage());
        }
    }

    /** Makes the reports due as of {@code now}; returns how many were stored. */
    public int runDue(Instant now) {
        int made = 0;
        for (int i = 0; i < PER_ROUND; i++) {
            Boolean stored = QuarkusTransaction.requiringNew().call(() -> Jdbc.call(() -> {
                try (Connection c = dataSource.getConnection()) {
                    ReportStore.Schedule s = store.claimDue(c, now);
                    if (s == null) {
                        return null;
                    }
                    Every every = Every.parse(s.every());
                    Instant to = s.nextRunAt();
                    ReportStore.Stored r = make(c, s, new Period(every.before(to), to), "schedule");
                    store.advance(c, s.scheduleId(), every.after(to), now);
                    return r != null;
                }
            }));
            if (stored == null) {
                break;
            }
            made += stored ? 1 : 0;
        }
        if (made > 0) {
            worker.wake();
        }
        return made;
    }

    /** POST /api/v1/report-schedules/{id}/run: the period of one {@code every} ending now, made at once. */
    public ReportStore.Stored runNow(String scheduleId, Instant now) {
        ReportStore.Stored r = QuarkusTransaction.requiringNew().call(() -> Jdbc.call(() -> {
            try (Connection c = dataSource.getConnection()) {
                ReportStore.Schedule s = store.schedule(c, scheduleId, false);
                if (s == null) {
                    return null;
                }
                return make(c, s, new Period(Every.parse(s.every()).before(now), now), "manual");
            }
        }));
        worker.wake();
        return r;
    }

    private ReportStore.Stored make(Connection c, ReportStore.Schedule s, Period period, String trigger) throws SQLException {
        ReportService.Format format = ReportService.Format.parse(s.format());
        Report report = reports.build(s.modelId(), period);
        ReportService.Rendered rendered = ReportService.render(report, format, Html.Paper.A4);
        ReportStore.Stored meta = new ReportStore.Stored(ReportStore.newId(), s.modelId(), s.scheduleId(), trigger,
                period.from(), period.to(), format.id(), format.mediaType, rendered.body().length, report.header().batches(),
                report.alerts().size(), report.summary(), report.footer().generatedAt());
        if (!store.insert(c, meta, rendered.body())) {
            LOG.infof("report schedule %s: the period ending %s is already made", s.scheduleId(), period.to());
            return null;
        }
        if (s.channelId() != null) {
            deliver(c, s, meta, rendered);
        }
        LOG.infof("report %s of model %s for [%s, %s) made (%s, %d bytes)", meta.reportId(), s.modelId(), period.from(),
                period.to(), format.id(), rendered.body().length);
        return meta;
    }

    /** Queues the report for the channel's delivery worker: a webhook gets the link, an email the text and the PDF. */
    private void deliver(Connection c, ReportStore.Schedule s, ReportStore.Stored meta, ReportService.Rendered rendered)
            throws SQLException {
        NotificationChannel ch = channels.find(c, s.channelId(), false);
        if (ch == null) {
            LOG.warnf("report schedule %s: channel %s no longer exists; the report is stored but not sent", s.scheduleId(),
                    s.channelId());
            return;
        }
        String href = links.absolute(ReportHref.of(meta.reportId()));
        String subject = "Report of model " + s.modelId() + ", " + Fmt.day(meta.from()) + " to " + Fmt.day(meta.to());
        String text = subject + ": " + meta.summary() + "\n\nDownload: " + href;
        Map<String, Object> body = new LinkedHashMap<>();
        if (ch.type() == io.modeltrust.alert.notify.ChannelType.EMAIL) {
            body.put("subject", subject);
            body.put("text", text);
            if (rendered.format() == ReportService.Format.PDF) {
                body.put("attachment", Map.of("name", s.modelId() + "-report-" + Fmt.day(meta.to()) + ".pdf",
                        "contentType", rendered.format().mediaType, "base64", Base64.getEncoder().encodeToString(rendered.body())));
            }
        } else {
            body.put("text", text);
            body.put("dashboardUrl", links.modelPage(s.modelId()));
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("reportId", meta.reportId());
            report.put("modelId", meta.modelId());
            report.put("from", meta.from().toString());
            report.put("to", meta.to().toString());
            report.put("format", meta.format());
            report.put("href", href);
            body.put("report", report);
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO webhook_deliveries (channel_id, event_id, alert_id, body, status, attempts, next_attempt_at,
                  created_at, updated_at, medium, kind, model_id, note)
                VALUES (?, ?, NULL, ?, 'pending', 0, now(), now(), now(), ?, 'report', ?, ?)""")) {
            ps.setString(1, ch.id());
            ps.setString(2, "report-" + meta.reportId());
            ps.setString(3, Json.toString(body));
            ps.setString(4, ch.type().id());
            ps.setString(5, s.modelId());
            ps.setString(6, "report " + meta.reportId());
            ps.executeUpdate();
        }
    }
}
