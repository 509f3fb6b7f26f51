package io.modeltrust.alert.report.store;

import io.modeltrust.alert.config.AlertConfig;
import io.modeltrust.alert.report.Pdf;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Lays out one small PDF with a chart after start-up, on a background thread: the first report otherwise
 * pays for loading and JIT-compiling openhtmltopdf, PDFBox, Batik and the font (about 2.5 s of a 3.2 s
 * cold render in the report bench), and that first report is often the one a person is waiting for.
 */
@ApplicationScoped
public class RendererWarmUp {

    private static final Logger LOG = Logger.getLogger(RendererWarmUp.class);
    static final String DOCUMENT = """
            <html><head><style>@page { size: A4; margin: 20mm }</style></head>
            <body style="font-family: 'Report Sans'"><h1>Warm-up</h1><p>0.8 <b>1</b></p>
            <svg xmlns="http://www.w3.org/2000/svg" width="100" height="40"><rect width="50" height="20" fill="#36c"/>
            <text x="2" y="35" font-size="10">ok</text></svg></body></html>""";

    private final AlertConfig config;

    public RendererWarmUp(AlertConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.reportWarmUp()) {
            return;
        }
        Thread t = new Thread(RendererWarmUp::warm, "report-renderer-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    static void warm() {
        long started = System.nanoTime();
        try {
            Pdf.fromHtml(DOCUMENT);
            LOG.debugf("report renderer warmed up in %d ms", (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            // Only the first report's speed depends on it; that report will say what is wrong, if anything is.
            LOG.debugf(e, "report renderer warm-up failed");
        }
    }
}
