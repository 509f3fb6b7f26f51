package io.modeltrust.alert.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Reads a PDF the way a person's viewer would, with poppler-utils (pdftotext, pdfinfo, pdffonts, pdftoppm). */
public final class PdfText {

    private PdfText() {
    }

    public static String text(byte[] pdf) throws IOException, InterruptedException {
        return run(pdf, "pdftotext", "-layout", "%in", "-");
    }

    public static String info(byte[] pdf) throws IOException, InterruptedException {
        return run(pdf, "pdfinfo", "%in");
    }

    public static String fonts(byte[] pdf) throws IOException, InterruptedException {
        return run(pdf, "pdffonts", "%in");
    }

    /** Renders one page as PNG into {@code target} (for the screenshots the browser tests keep). */
    public static void pagePng(byte[] pdf, int page, Path target) throws IOException, InterruptedException {
        Path prefix = target.resolveSibling(target.getFileName().toString().replaceFirst("\\.png$", ""));
        run(pdf, "pdftoppm", "-png", "-r", "60", "-f", String.valueOf(page), "-l", String.valueOf(page), "-singlefile", "%in",
                prefix.toString());
    }

    private static String run(byte[] pdf, String... command) throws IOException, InterruptedException {
        Path in = Files.createTempFile("report", ".pdf");
        try {
            Files.write(in, pdf);
            List<String> args = java.util.Arrays.stream(command).map(a -> a.equals("%in") ? in.toString() : a).toList();
            Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", args) + " failed: " + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(in);
        }
    }
}
