package io.modeltrust.performance.metrics;

/**
 * Counts of a binary confusion matrix (positive = the model's positiveClass), and the sklearn 1.2
 * metrics derived from it with zero_division=0. The static forms are the one definition of precision,
 * recall and F1 from (expected) one-vs-rest counts: binary and multiclass, realised and estimated.
 */
public record ConfusionMatrix(long tp, long fp, long tn, long fn) {

    public static ConfusionMatrix of(boolean[] actualPositive, boolean[] predictedPositive) {
        if (actualPositive.length != predictedPositive.length) {
            throw new IllegalArgumentException("actualPositive and predictedPositive differ in length: "
                    + actualPositive.length + " vs " + predictedPositive.length);
        }
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < actualPositive.length; i++) {
            boolean a = actualPositive[i];
            boolean p = predictedPositive[i];
            if (p) {
                if (a) {
                    tp++;
                } else {
                    fp++;
                }
            } else if (a) {
                fn++;
            }
        }
        long tn = actualPositive.length - tp - fp - fn;
        return new ConfusionMatrix(tp, fp, tn, fn);
    }

    public long total() {
        return tp + fp + tn + fn;
    }

    public long correct() {
        return tp + tn;
    }

    public double accuracy() {
        return (double) correct() / total();
    }

    public double precision() {
        return precision(tp, fp);
    }

    public double recall() {
        return recall(tp, fn);
    }

    /** tp / (tp + fp), 0 when nothing is predicted positive (zero_division=0). Counts may be expected ones. */
    static double precision(double tp, double fp) {
        double predicted = tp + fp;
        return predicted == 0 ? 0.0 : tp / predicted;
    }

    /** tp / (tp + fn), 0 when there is no positive (zero_division=0). */
    static double recall(double tp, double fn) {
        double actual = tp + fn;
        return actual == 0 ? 0.0 : tp / actual;
    }

    /** sklearn's formula 2·p·r/(p + r) (not 2tp/(2tp+fp+fn)) so the last bits agree too. */
    public double f1() {
        return f1(precision(), recall());
    }

    static double f1(double precision, double recall) {
        double denom = precision + recall;
        return denom == 0.0 ? 0.0 : 2 * precision * recall / denom;
    }
}
