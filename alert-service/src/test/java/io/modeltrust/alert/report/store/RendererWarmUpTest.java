package io.modeltrust.alert.report.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modeltrust.alert.report.Pdf;
import io.modeltrust.alert.report.PdfText;
import org.junit.jupiter.api.Test;

/** The warm-up document is one the renderer accepts, so the warm-up exercises the same path as a report. */
class RendererWarmUpTest {

    @Test
    void theWarmUpDocumentRendersToAPdf() throws Exception {
        String text = PdfText.text(Pdf.fromHtml(RendererWarmUp.DOCUMENT));
        assertTrue(text.contains("Warm-up"), text);
    }
}
