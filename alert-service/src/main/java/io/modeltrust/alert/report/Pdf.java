package io.modeltrust.alert.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;

/**
 * The report as PDF: {@link Html}'s document laid out by openhtmltopdf and written by Apache PDFBox, with
 * the SVG charts drawn by Batik and Report Sans (Lato without ligatures, SIL OFL 1.1, shipped in report/fonts) embedded as a subset, so the
 * PDF reads the same on every machine. Nothing is fetched: the document has no external resource, and Batik
 * is told to load none and run no script.
 */
public final class Pdf {

    private static final String FONTS = "/report/fonts/";

    private Pdf() {
    }

    public static byte[] render(Report report, Html.Paper paper) {
        return fromHtml(Html.render(report, paper));
    }

    /** Lays out an XHTML document of {@link Html} (its @page rule sets the paper). */
    public static byte[] fromHtml(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 * 1024);
        PdfRendererBuilder b = new PdfRendererBuilder();
        b.useFastMode();
        b.withHtmlContent(xhtml, null);
        var uses = EnumSet.of(BaseRendererBuilder.FSFontUseCase.DOCUMENT, BaseRendererBuilder.FSFontUseCase.SVG,
                BaseRendererBuilder.FSFontUseCase.FALLBACK_PRE);
        b.useFont(() -> font("ReportSans-Regular.ttf"), "Report Sans", 400, BaseRendererBuilder.FontStyle.NORMAL, true, uses);
        b.useFont(() -> font("ReportSans-Bold.ttf"), "Report Sans", 700, BaseRendererBuilder.FontStyle.NORMAL, true, uses);
        b.useSVGDrawer(new BatikSVGDrawer(BatikSVGDrawer.SvgScriptMode.SECURE,
                BatikSVGDrawer.SvgExternalResourceMode.SECURE));
        b.toStream(out);
        try {
            b.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF could not be written", e);
        }
        return out.toByteArray();
    }

    private static InputStream font(String name) {
        InputStream in = Pdf.class.getResourceAsStream(FONTS + name);
        if (in == null) {
            throw new IllegalStateException("font " + FONTS + name + " is missing from the build");
        }
        return in;
    }
}
