package io.modeltrust.alert.report;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The report's charts as SVG text, drawn here so that the HTML and the PDF carry the same pictures and
 * nothing is fetched or run to see them (no CDN, no script, no browser). Only presentation attributes
 * are used, never a style attribute, so the documents' strict Content-Security-Policy holds.
 */
public final class Svg {

    /** One line of a chart; NaN values break it. */
    public record Line(String label, double[] values, String color, boolean dashed) {
    }

    /** A shaded interval under the lines, e.g. a metric's 95% interval. */
    public record Band(double[] low, double[] high, String color) {
    }

    static final int WIDTH = 680;
    /** Batches drawn one by one at most; longer series are thinned per pixel column (see {@link #path}). */
    static final int MAX_POINTS = 200;
    private static final int LEFT = 52;
    private static final int RIGHT = 12;
    private static final int TOP = 24;
    private static final int BOTTOM = 26;

    private Svg() {
    }

    /** A time chart of lines over {@code at}, with an optional band and a horizontal reference line. */
    public static String lineChart(List<Instant> at, List<Line> lines, Band band, Double reference, String referenceLabel,
                                   int height) {
        StringBuilder out = open(WIDTH, height);
        if (at.isEmpty()) {
            return text(out, WIDTH / 2.0, height / 2.0, "no data in the period", "middle", 11).append("</svg>").toString();
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Line l : lines) {
            for (double v : l.values()) {
                if (!Double.isNaN(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (band != null) {
            for (int i = 0; i < at.size(); i++) {
                if (!Double.isNaN(band.low()[i]) && !Double.isNaN(band.high()[i])) {
                    lo = Math.min(lo, band.low()[i]);
                    hi = Math.max(hi, band.high()[i]);
                }
            }
        }
        if (reference != null) {
            lo = Math.min(lo, reference);
            hi = Math.max(hi, reference);
        }
        if (lo > hi) {
            return text(out, WIDTH / 2.0, height / 2.0, "no values in the period", "middle", 11).append("</svg>").toString();
        }
        double pad = hi == lo ? Math.max(Math.abs(hi) * 0.05, 0.01) : (hi - lo) * 0.08;
        Scale s = new Scale(at.get(0).toEpochMilli(), at.get(at.size() - 1).toEpochMilli(), lo - pad, hi + pad, height);
        axes(out, s, at, height);
        if (band != null) {
            bandPath(out, s, at, band);
        }
        if (reference != null) {
            double y = s.y(reference);
            out.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#555\" "
                    + "stroke-width=\"1\" stroke-dasharray=\"5 3\"/>", LEFT, y, WIDTH - RIGHT, y));
            text(out, WIDTH - RIGHT - 2, y - 3, referenceLabel + " " + Fmt.num(reference), "end", 9);
        }
        double legendX = LEFT;
        for (Line l : lines) {
            out.append("<path d=\"").append(path(s, at, l.values())).append("\" fill=\"none\" stroke=\"").append(l.color())
                    .append("\" stroke-width=\"1.4\"").append(l.dashed() ? " stroke-dasharray=\"2 2\"" : "").append("/>");
            out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"6\" width=\"10\" height=\"3\" fill=\"%s\"/>", legendX,
                    l.color()));
            text(out, legendX + 13, 11, l.label(), "start", 9);
            legendX += 22 + 5.5 * l.label().length();
        }
        return out.append("</svg>").toString();
    }

    /** Features (rows) × columns of batches; a cell's red is the share of its batches in which the feature drifted. */
    public static String heatMap(Report.HeatMap map) {
        int rows = map.features().size();
        int columns = map.columnStarts().size();
        int label = 150;
        int cell = 11;
        double width = WIDTH - label - RIGHT;
        double cw = columns == 0 ? width : width / columns;
        int height = TOP + rows * cell + BOTTOM;
        StringBuilder out = open(WIDTH, height);
        if (rows == 0 || columns == 0) {
            return text(out, WIDTH / 2.0, height / 2.0, "no drift result in the period", "middle", 11).append("</svg>")
                    .toString();
        }
        text(out, label, 14, "share of batches drifted: 0 (white) to 1 (red); grey: not tested", "start", 9);
        for (int f = 0; f < rows; f++) {
            double y = TOP + f * cell;
            text(out, label - 4, y + cell - 2, shorten(map.features().get(f), 26), "end", 8.5);
            // Neighbouring cells of one shade are one rectangle: a mostly quiet feature costs a few elements, not 100.
            int c = 0;
            while (c < columns) {
                String fill = shade(map.share()[f][c]);
                int end = c + 1;
                while (end < columns && shade(map.share()[f][end]).equals(fill)) {
                    end++;
                }
                out.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"%d\" fill=\"%s\"/>",
                        label + c * cw, y, (end - c) * cw + 0.05, cell - 1, fill));
                c = end;
            }
        }
        double base = TOP + rows * cell + 12;
        text(out, label, base, Fmt.day(map.columnStarts().get(0)), "start", 9);
        text(out, WIDTH - RIGHT, base, Fmt.day(map.columnStarts().get(columns - 1)), "end", 9);
        if (map.batchesPerColumn() > 1) {
            text(out, label + width / 2, base, map.batchesPerColumn() + " batches per column", "middle", 9);
        }
        return out.append("</svg>").toString();
    }

    /** Selection rate per group with its Wilson interval, and the four-fifths line of the reference group's rate. */
    public static String selectionRates(List<Report.GroupRow> groups) {
        int label = 150;
        int row = 18;
        int height = TOP + groups.size() * row + BOTTOM;
        StringBuilder out = open(WIDTH, height);
        double hi = 0;
        Double referenceRate = null;
        for (Report.GroupRow g : groups) {
            hi = Math.max(hi, g.high());
            if (g.reference()) {
                referenceRate = g.selectionRate();
            }
        }
        double max = Math.min(1.0, hi * 1.1 + 0.02);
        double width = WIDTH - label - RIGHT - 60;
        for (int i = 0; i < groups.size(); i++) {
            Report.GroupRow g = groups.get(i);
            double y = TOP + i * row;
            text(out, label - 4, y + 12, shorten(g.group(), 26) + (g.reference() ? " (ref.)" : ""), "end", 9);
            String fill = Boolean.TRUE.equals(g.belowFourFifths()) ? "#c0392b" : "#4a78b5";
            out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"10\" fill=\"%s\"/>", label,
                    y + 3, width * g.selectionRate() / max, fill));
            double x1 = label + width * Math.max(0, g.low()) / max;
            double x2 = label + width * Math.min(max, g.high()) / max;
            out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#222\" "
                    + "stroke-width=\"1.2\"/>", x1, y + 8, x2, y + 8));
            text(out, label + width + 4, y + 12, Fmt.num(g.selectionRate()), "start", 9);
        }
        double base = TOP + groups.size() * row;
        if (referenceRate != null) {
            double x = label + width * FairnessSection.FOUR_FIFTHS * referenceRate / max;
            out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#555\" "
                    + "stroke-dasharray=\"4 3\"/>", x, TOP - 4, x, base));
            text(out, x, TOP - 8, "4/5 of reference", "middle", 8.5);
        }
        text(out, label, base + 14, "0", "middle", 9);
        text(out, label + width, base + 14, Fmt.num(max), "middle", 9);
        return out.append("</svg>").toString();
    }

    private record Scale(long t0, long t1, double lo, double hi, int height) {
        double x(Instant t) {
            return t1 == t0 ? LEFT + (WIDTH - LEFT - RIGHT) / 2.0
                    : LEFT + (WIDTH - LEFT - RIGHT) * (double) (t.toEpochMilli() - t0) / (t1 - t0);
        }

        double y(double v) {
            return TOP + (height - TOP - BOTTOM) * (hi - v) / (hi - lo);
        }
    }

    private static void axes(StringBuilder out, Scale s, List<Instant> at, int height) {
        int bottom = height - BOTTOM;
        out.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>", LEFT, bottom,
                WIDTH - RIGHT, bottom));
        for (int i = 0; i <= 3; i++) {
            double v = s.lo() + (s.hi() - s.lo()) * i / 3;
            double y = s.y(v);
            out.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e3e3e3\"/>", LEFT,
                    y, WIDTH - RIGHT, y));
            text(out, LEFT - 4, y + 3, Fmt.num(v), "end", 9);
        }
        text(out, LEFT, bottom + 14, Fmt.day(at.get(0)), "start", 9);
        text(out, WIDTH - RIGHT, bottom + 14, Fmt.day(at.get(at.size() - 1)), "end", 9);
    }

    /**
     * The line through the values; past {@link #MAX_POINTS} batches each pixel column keeps only its lowest and
     * highest value, in batch order, so a spike stays visible while a 1,000-batch line costs the PDF a few hundred
     * segments.
     */
    private static String path(Scale s, List<Instant> at, double[] v) {
        StringBuilder d = new StringBuilder(Math.min(v.length, 2 * MAX_POINTS) * 14);
        boolean pen = false;
        int step = Math.max(1, (v.length + MAX_POINTS - 1) / MAX_POINTS);
        for (int start = 0; start < v.length; start += step) {
            int lo = -1;
            int hi = -1;
            for (int i = start; i < Math.min(v.length, start + step); i++) {
                if (!Double.isNaN(v[i])) {
                    lo = lo < 0 || v[i] < v[lo] ? i : lo;
                    hi = hi < 0 || v[i] > v[hi] ? i : hi;
                }
            }
            if (lo < 0) {
                pen = false;
                continue;
            }
            for (int i : lo == hi ? new int[] {lo} : new int[] {Math.min(lo, hi), Math.max(lo, hi)}) {
                d.append(pen ? 'L' : 'M').append(String.format(Locale.ROOT, "%.1f %.1f", s.x(at.get(i)), s.y(v[i])));
                pen = true;
            }
        }
        if (d.isEmpty()) {
            d.append("M0 0");
        }
        return d.toString();
    }

    /** One polygon per run of batches that have both bounds. */
    private static void bandPath(StringBuilder out, Scale s, List<Instant> at, Band band) {
        int i = 0;
        int n = at.size();
        int step = Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS);
        while (i < n) {
            while (i < n && (Double.isNaN(band.low()[i]) || Double.isNaN(band.high()[i]))) {
                i++;
            }
            int start = i;
            while (i < n && !Double.isNaN(band.low()[i]) && !Double.isNaN(band.high()[i])) {
                i++;
            }
            if (i > start) {
                StringBuilder d = new StringBuilder();
                for (int k = start; k < i; k = k + step < i || k == i - 1 ? k + step : i - 1) {
                    d.append(k == start ? 'M' : 'L').append(String.format(Locale.ROOT, "%.1f %.1f", s.x(at.get(k)),
                            s.y(band.high()[k])));
                }
                for (int k = i - 1; k >= start; k = k - step > start || k == start ? k - step : start) {
                    d.append('L').append(String.format(Locale.ROOT, "%.1f %.1f", s.x(at.get(k)), s.y(band.low()[k])));
                }
                out.append("<path d=\"").append(d).append("Z\" fill=\"").append(band.color()).append("\" fill-opacity=\"0.25\"/>");
            }
        }
    }

    static String shade(double share) {
        if (Double.isNaN(share)) {
            return "#e6e6e6";
        }
        double t = Math.round(Math.max(0, Math.min(1, share)) * 10) / 10.0; // ten shades: the eye tells no more apart
        int r = (int) Math.round(255 + (192 - 255) * t);
        int g = (int) Math.round(255 + (57 - 255) * t);
        int b = (int) Math.round(255 + (43 - 255) * t);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    private static StringBuilder open(int width, int height) {
        return new StringBuilder(4096).append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"Report Sans, sans-serif\">");
    }

    private static StringBuilder text(StringBuilder out, double x, double y, String s, String anchor, double size) {
        return out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.1f\" text-anchor=\"%s\" "
                + "fill=\"#333\">", x, y, size, anchor)).append(Html.escape(s)).append("</text>");
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
