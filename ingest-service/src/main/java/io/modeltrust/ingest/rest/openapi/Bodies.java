package io.modeltrust.ingest.rest.openapi;

/** Texts of the upload bodies in the OpenAPI document (docs/api.md, Data uploads). */
public final class Bodies {

    public static final String UPLOAD = "The rows of the upload, streamed. Which columns it carries depends on the "
            + "model spec and the kind of upload (docs/api.md, Data uploads): every feature and sensitive column, the "
            + "prediction and the score; the label and id as the upload needs them. A column the model does not know is "
            + "a 400. A missing value is an empty CSV field, a JSON null or NaN. Send Content-Encoding: gzip for a "
            + "gzip body (size limits count after decompression). The whole body is validated before anything is "
            + "published; any problem publishes nothing.";
    public static final String LABELS = "Exactly two columns, the model's id column and its label column; every value "
            + "is required and each id appears once. Formats as for other uploads; Content-Encoding: gzip for a gzip body.";
    public static final String CSV = "A header row, then one row per line, RFC 4180 quoting. charset= is honoured; the "
            + "default is UTF-8 and invalid bytes are a 400. application/csv is taken too.";
    public static final String JSON = "One JSON array of row objects, {column: value}.";
    public static final String NDJSON = "One row object per line. application/ndjson, application/jsonl and "
            + "application/jsonlines are taken too.";
    public static final String CSV_EXAMPLE = "application_id,income,purpose,sex,approved,score\nA-1,52800,car,male,1,0.81\n";
    public static final String JSON_EXAMPLE = "[{\"application_id\": \"A-1\", \"income\": 52800, \"purpose\": \"car\", "
            + "\"sex\": \"male\", \"approved\": 1, \"score\": 0.81}]";
    public static final String NDJSON_EXAMPLE = "{\"application_id\": \"A-1\", \"income\": 52800, \"purpose\": \"car\", "
            + "\"sex\": \"male\", \"approved\": 1, \"score\": 0.81}\n";
    public static final String LABELS_CSV_EXAMPLE = "application_id,defaulted\nA-1,0\nA-2,1\n";
    public static final String CONTENT_ENCODING = "gzip for a gzip body; identity or absent for a plain one. Any other "
            + "encoding is a 415.";
    public static final String SPEC_EXAMPLE = """
            {"task": "binary_classification",
             "features": [{"name": "income", "type": "numeric"}, {"name": "purpose", "type": "categorical"}],
             "prediction": "approved", "score": "score", "label": "defaulted", "positiveClass": "1",
             "sensitive": ["sex"], "privileged": {"sex": "male"}, "id": "application_id"}""";

    private Bodies() {
    }
}
