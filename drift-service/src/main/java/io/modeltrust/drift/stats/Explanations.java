package io.modeltrust.drift.stats;

import io.modeltrust.drift.stats.FeatureComparison.BinContribution;
import java.math.BigDecimal;
import java.math.MathContext;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Bin labels, top PSI contributions and the plain English sentence. */
final class Explanations {

    static final int TOP = 3;

    private Explanations() {
    }

    /** Up to {@link #TOP} bins by descending PSI term (ties: lower bin first). */
    static List<BinContribution> topBins(double[] refShares, double[] prodShares, List<String> labels) {
        List<BinContribution> all = new ArrayList<>(refShares.length);
        for (int b = 0; b < refShares.length; b++) {
            all.add(new BinContribution(b, labels.get(b), refShares[b], prodShares[b],
                    Distances.psiTerm(refShares[b], prodShares[b])));
        }
        all.sort(Comparator.comparingDouble(BinContribution::psiTerm).reversed()
                .thenComparingInt(BinContribution::bin));
        return List.copyOf(all.subList(0, Math.min(TOP, all.size())));
    }

    /** Labels matching searchsorted(edges, x, 'left'): bin b holds edges[b-1] < x <= edges[b]. */
    static List<String> numericLabels(double[] edges) {
        List<String> labels = new ArrayList<>(edges.length + 1);
        for (int b = 0; b <= edges.length; b++) {
            String lo = b == 0 ? "-inf" : number(edges[b - 1]);
            labels.add(b == edges.length ? "(" + lo + ", +inf)" : "(" + lo + ", " + number(edges[b]) + "]");
        }
        return labels;
    }

    static String numericSentence(String feature, double refMedian, double prodMedian, BinContribution top,
                                  double[] edges) {
        StringBuilder s = new StringBuilder(feature).append(": production median ").append(number(prodMedian))
                .append(" vs reference ").append(number(refMedian));
        if (top == null || top.psiTerm() == 0) {
            return s.append("; the share of rows in every reference bin is unchanged").toString();
        }
        return s.append("; ").append(percent(top.productionShare())).append(" of rows now fall in ")
                .append(binPhrase(top.bin(), edges)).append(" (").append(percent(top.referenceShare()))
                .append(" before)").toString();
    }

    private static String binPhrase(int bin, double[] edges) {
        boolean deciles = edges.length == 9;
        if (bin == 0) {
            return deciles ? "the lowest reference decile" : "the reference bin at or below " + number(edges[0]);
        }
        if (bin == edges.length) {
            return deciles ? "the highest reference decile" : "the reference bin above " + number(edges[bin - 1]);
        }
        String range = number(edges[bin - 1]) + " to " + number(edges[bin]);
        return deciles ? "reference decile " + (bin + 1) + " (" + range + ")" : "the reference bin " + range;
    }

    /**
     * Unseen categories named in a sentence; the rest are counted. The same few the result lists: raw
     * production values are named sparingly (docs/security.md).
     */
    static final int UNSEEN_NAMED = io.modeltrust.model.event.DriftResult.ColumnQuality.UNSEEN_CATEGORIES_LISTED;

    /**
     * @param unseen the categories never seen in the reference, most frequent first; they are named
     *               (up to {@link #UNSEEN_NAMED}) unless the top bin is the only one
     */
    static String categoricalSentence(String feature, BinContribution top, boolean topUnseen, double unseenShare,
                                      List<String> unseen) {
        StringBuilder s = new StringBuilder(feature).append(": ");
        if (top == null || top.psiTerm() == 0) {
            s.append("category shares are unchanged");
        } else {
            s.append('"').append(top.label()).append('"');
            if (topUnseen) {
                s.append(" (never seen in the reference) now makes up ").append(percent(top.productionShare()))
                        .append(" of rows");
            } else {
                s.append(" now makes up ").append(percent(top.productionShare())).append(" of rows (")
                        .append(percent(top.referenceShare())).append(" before)");
            }
        }
        if (unseenShare > 0 && !(topUnseen && unseen.size() == 1)) {
            s.append("; ").append(percent(unseenShare)).append(" of rows have ")
                    .append(unseen.size() == 1 ? "a category" : "categories").append(" never seen in the reference: ");
            for (int i = 0; i < Math.min(UNSEEN_NAMED, unseen.size()); i++) {
                s.append(i == 0 ? "" : ", ").append('"').append(unseen.get(i)).append('"');
            }
            if (unseen.size() > UNSEEN_NAMED) {
                s.append(" and ").append(unseen.size() - UNSEEN_NAMED).append(" more");
            }
        }
        return s.toString();
    }

    static String emptySentence(String feature, boolean referenceEmpty, boolean productionEmpty) {
        if (referenceEmpty && productionEmpty) {
            return feature + ": no non-missing values in the reference or in production, nothing to compare";
        }
        return feature + ": no non-missing values in " + (productionEmpty ? "production" : "the reference")
                + ", nothing to compare";
    }

    /** 41200 -> "41,200"; 3.14159 -> "3.142"; 0.0123456 -> "0.01235"; tiny or huge -> "1.2E-7". */
    static String number(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.toString(x);
        }
        if (x == 0) {
            return "0";
        }
        double ax = Math.abs(x);
        if (ax >= 1e15 || ax < 1e-4) {
            return new BigDecimal(x).round(new MathContext(3)).stripTrailingZeros().toString();
        }
        DecimalFormat f = new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(Locale.US));
        if (ax >= 1000) {
            f.setMaximumFractionDigits(0);
            return f.format(x);
        }
        BigDecimal rounded = new BigDecimal(x).round(new MathContext(4));
        f.setMaximumFractionDigits(Math.max(rounded.scale(), 0));
        return f.format(rounded);
    }

    /** 0.38 -> "38%", 0.095 -> "9.5%", 0.0004 -> "0.04%". */
    static String percent(double share) {
        double pct = share * 100;
        if (pct == 0) {
            return "0%";
        }
        BigDecimal v = pct >= 1 ? new BigDecimal(pct).setScale(1, java.math.RoundingMode.HALF_UP)
                : new BigDecimal(pct).round(new MathContext(2));
        return v.stripTrailingZeros().toPlainString() + "%";
    }
}
