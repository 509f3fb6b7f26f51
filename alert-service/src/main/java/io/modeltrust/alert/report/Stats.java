package io.modeltrust.alert.report;

/** Summaries of columnar series that skip NaN (a batch without the value). */
final class Stats {

    private Stats() {
    }

    static Double mean(double[] v) {
        double sum = 0;
        int n = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                sum += x;
                n++;
            }
        }
        return n == 0 ? null : sum / n;
    }

    static Double min(double[] v) {
        Double out = null;
        for (double x : v) {
            if (!Double.isNaN(x) && (out == null || x < out)) {
                out = x;
            }
        }
        return out;
    }

    static Double max(double[] v) {
        Double out = null;
        for (double x : v) {
            if (!Double.isNaN(x) && (out == null || x > out)) {
                out = x;
            }
        }
        return out;
    }

    static Double first(double[] v) {
        for (double x : v) {
            if (!Double.isNaN(x)) {
                return x;
            }
        }
        return null;
    }

    static Double last(double[] v) {
        int i = lastIndex(v);
        return i < 0 ? null : v[i];
    }

    static int lastIndex(double[] v) {
        for (int i = v.length - 1; i >= 0; i--) {
            if (!Double.isNaN(v[i])) {
                return i;
            }
        }
        return -1;
    }

    static int count(double[] v) {
        int n = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                n++;
            }
        }
        return n;
    }

    static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                s += x;
            }
        }
        return s;
    }

    static boolean any(double[] v) {
        return lastIndex(v) >= 0;
    }

    /** A JSON number node's value, or null when the field is absent or not a number. */
    static Double number(com.fasterxml.jackson.databind.JsonNode node, String field) {
        com.fasterxml.jackson.databind.JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isNumber() ? v.asDouble() : null;
    }

    static String text(com.fasterxml.jackson.databind.JsonNode node, String field) {
        com.fasterxml.jackson.databind.JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }
}
