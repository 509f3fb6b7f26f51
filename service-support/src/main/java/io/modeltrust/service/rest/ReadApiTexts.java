package io.modeltrust.service.rest;

/** Texts the metric services' OpenAPI annotations share about their read endpoints. */
public final class ReadApiTexts {

    public static final String LIMIT = "How many results, 1 to 500 (values outside are clamped); default 20";
    public static final String REVISION = "A revision of the result (1 = the first; delayed labels add more); "
            + "default: the latest";
    /**
     * JAX-RS answers a query or path parameter that does not convert to its integer with 404, before the method
     * runs; the document says so rather than promise a 400.
     */
    public static final String NOT_AN_INTEGER = "An integer parameter (limit, revision, referenceVersion) that is not "
            + "an integer";
    public static final String LIST_OK = "Up to limit results, the most recently computed first; empty for a model "
            + "without any";

    private ReadApiTexts() {
    }
}
