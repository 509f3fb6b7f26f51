package io.modeltrust.alert.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * The report as one XHTML document: well-formed XML, so the PDF renderer lays out exactly what a browser
 * shows. Paged-media CSS (page size, page numbers, the table of contents' page references) only acts in
 * the PDF; a browser ignores it.
 */
public final class Html {

    /** Paper sizes of the PDF. */
    public enum Paper {
        A4("A4"), LETTER("letter");

        final String css;

        Paper(String css) {
            this.css = css;
        }
    }

    static final String CSS = """
            body{font-family:'Report Sans',sans-serif;font-size:10pt;color:#222;margin:0 auto;max-width:760px;line-height:1.35}
            h1{font-size:18pt;margin:0 0 4pt}h2{font-size:13pt;border-bottom:1px solid #bbb;margin:16pt 0 6pt;padding-bottom:2pt}
            h3{font-size:11pt;margin:10pt 0 4pt}table{border-collapse:collapse;width:100%;margin:4pt 0 8pt}
            th,td{border-bottom:1px solid #ddd;padding:2pt 4pt;text-align:left;vertical-align:top;font-size:8.5pt}
            th{background:#f1f1f1}td.n{text-align:right;white-space:nowrap}.muted{color:#666}.warn{color:#b03a2e;font-weight:bold}
            .summary{background:#f6f8fb;border-left:3px solid #4a78b5;padding:6pt 8pt}.sev-critical{color:#b03a2e;font-weight:bold}
            .sev-warning{color:#b9770e;font-weight:bold}.toc a{color:#222;text-decoration:none}.toc li{margin:2pt 0}
            .wrap{word-wrap:break-word}svg{display:block;margin:4pt 0}
            @page{size:%PAPER%;margin:18mm 14mm 18mm 14mm;@bottom-center{content:"Page " counter(page) " of " counter(pages);font-size:8pt;color:#666}
            @top-right{content:"%MODEL% · period report";font-size:8pt;color:#666}}
            .toc a::after{content:leader('.') target-counter(attr(href),page)}
            h2,h3{page-break-after:avoid}
            """;

    private Html() {
    }

    /** The document. {@code paper} sets the PDF page; the HTML download uses A4, which only matters when printed. */
    public static String render(Report r, Paper paper) {
        String css = css(r, paper);
        StringBuilder out = new StringBuilder(256 * 1024);
        out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/>")
                .append("<title>").append(escape("Report: " + r.header().modelId() + ", " + Fmt.day(r.header().from()) + " to "
                        + Fmt.day(r.header().to()))).append("</title><style>").append(css).append("</style>")
                .append("<bookmarks>");
        for (String[] s : sections(r)) {
            out.append("<bookmark name=\"").append(escape(s[1])).append("\" href=\"#").append(s[0]).append("\"/>");
        }
        out.append("</bookmarks></head><body>");
        HtmlSections.header(out, r);
        out.append("<h2 id=\"contents\">Contents</h2><ol class=\"toc\">");
        for (String[] s : sections(r)) {
            out.append("<li><a href=\"#").append(s[0]).append("\">").append(escape(s[1])).append("</a></li>");
        }
        out.append("</ol>");
        out.append("<h2 id=\"summary\">Summary</h2><p class=\"summary\">").append(escape(r.summary())).append("</p>");
        HtmlSections.performance(out, r.performance());
        HtmlSections.drift(out, r.drift());
        HtmlFairness.fairness(out, r.fairness());
        HtmlSections.alerts(out, r.alerts(), r.incidents());
        HtmlSections.footer(out, r.footer());
        return out.append("</body></html>").toString();
    }

    /** The style element's text for this report and paper: what the CSP hash of the HTML download covers. */
    public static String css(Report r, Paper paper) {
        return CSS.replace("%PAPER%", paper.css).replace("%MODEL%", cssString(r.header().modelId()));
    }

    /** A Content-Security-Policy for the HTML download: nothing loads, nothing runs, only its own style applies. */
    public static String contentSecurityPolicy(Report r, Paper paper) {
        return policy(css(r, paper));
    }

    /** The same policy for a stored HTML report, from the style element it carries. */
    public static String contentSecurityPolicy(String html) {
        int start = html.indexOf("<style>");
        int end = html.indexOf("</style>");
        String css = start < 0 || end < start ? "" : html.substring(start + "<style>".length(), end);
        return policy(css);
    }

    private static String policy(String css) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(css.getBytes(StandardCharsets.UTF_8));
            return "default-src 'none'; style-src 'sha256-" + Base64.getEncoder().encodeToString(hash) + "'; img-src data:; "
                    + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static List<String[]> sections(Report r) {
        return List.of(new String[] {"summary", "Summary"}, new String[] {"performance", "Performance"},
                new String[] {"drift", "Drift and data quality"}, new String[] {"fairness", "Fairness"},
                new String[] {"alerts", "Alerts and incidents (" + r.alerts().size() + ")"},
                new String[] {"reproducibility", "Rules in force and reproducibility"});
    }

    /** XML text and attribute escaping; characters XML 1.0 forbids are dropped. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        if (c < 0xFFFE) {
                            out.append(c);
                        }
                    }
                }
            }
        }
        return out.toString();
    }

    private static String cssString(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
