package io.modeltrust.security;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one writer of RFC 9457 problem+json for every service and filter. Details are for the client: Java type
 * names and library internals that parser and framework messages carry are rewritten in plain words, so a
 * problem never shows {@code java.util.ArrayList<…FeatureSpec>} or {@code StreamReadConstraints.getMaxNameLength()}.
 */
public final class ProblemJson {

    public static final String MEDIA_TYPE = "application/problem+json";

    private static final Pattern FROM_INTERNAL = Pattern.compile(", from `[^`]*`");
    private static final Pattern REFERENCE_CHAIN = Pattern.compile("\\s*\\(through reference chain: [^)]*\\)");
    private static final Pattern SOURCE = Pattern.compile("\\s*\\(?at \\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)]\\)?");
    private static final Pattern TOKEN = Pattern.compile("\\s*\\(token `JsonToken\\.[A-Z_]+`\\)");
    private static final Pattern JAVA_TYPE = Pattern.compile("`([a-z][\\w$]*\\.)+([A-Z][\\w$]*)(<[^`]*>)?(\\[])?`");
    private static final Pattern SIMPLE_TYPE = Pattern.compile("`(int|long|double|float|boolean|short)`");

    private ProblemJson() {
    }

    public static Response response(int status, String title, String detail) {
        return response(status, title, detail, List.of(), 0);
    }

    public static Response response(ApiProblem p) {
        return response(p.status(), p.title(), p.getMessage(), p.errors(), p.totalErrors());
    }

    public static Response response(int status, String title, String detail, List<ApiProblem.FieldError> errors,
                                    long totalErrors) {
        return builder(status, title, detail, errors, totalErrors).build();
    }

    /** The answer with its body and type, for a caller that adds headers (Retry-After, WWW-Authenticate). */
    public static Response.ResponseBuilder builder(int status, String title, String detail,
                                                   List<ApiProblem.FieldError> errors, long totalErrors) {
        return Response.status(status).type(MEDIA_TYPE).entity(body(status, title, detail, errors, totalErrors));
    }

    static String body(int status, String title, String detail, List<ApiProblem.FieldError> errors, long totalErrors) {
        StringBuilder out = new StringBuilder("{\"type\":\"about:blank\",\"title\":");
        quote(out, title).append(",\"status\":").append(status).append(",\"detail\":");
        quote(out, detail == null ? title : clean(detail));
        if (totalErrors > 0 && !errors.isEmpty()) {
            out.append(",\"errors\":[");
            for (int i = 0; i < errors.size(); i++) {
                ApiProblem.FieldError e = errors.get(i);
                out.append(i == 0 ? "{" : ",{").append("\"row\":").append(e.row() == null ? "null" : e.row().toString())
                        .append(",\"column\":");
                if (e.column() == null) {
                    out.append("null");
                } else {
                    quote(out, e.column());
                }
                quote(out.append(",\"message\":"), clean(e.message())).append('}');
            }
            out.append("],\"totalErrors\":").append(totalErrors);
        }
        return out.append('}').toString();
    }

    /** A parser's or the framework's message in words a client can act on. */
    public static String clean(String detail) {
        if (detail == null) {
            return null;
        }
        if (detail.contains("@Consumes")) {
            return "The request's Content-Type is not one this endpoint accepts; see its documentation at /q/openapi.";
        }
        String text = FROM_INTERNAL.matcher(detail).replaceAll("");
        text = REFERENCE_CHAIN.matcher(text).replaceAll("");
        text = SOURCE.matcher(text).replaceAll(" (line $1, column $2)");
        text = TOKEN.matcher(text).replaceAll("");
        text = SIMPLE_TYPE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(plain(m.group(1))));
        return JAVA_TYPE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                m.group(4) != null ? "an array" : plain(m.group(2))));
    }

    private static String plain(String type) {
        return switch (type) {
            case "ArrayList", "List", "Collection", "LinkedList", "Set", "HashSet", "LinkedHashSet" -> "an array";
            case "String", "Character", "char" -> "a string";
            case "Integer", "int", "Long", "long", "Short", "short", "BigInteger" -> "an integer";
            case "Double", "double", "Float", "float", "BigDecimal", "Number" -> "a number";
            case "Boolean", "boolean" -> "true or false";
            case "Instant", "OffsetDateTime", "ZonedDateTime" -> "a timestamp";
            case "Duration" -> "an ISO-8601 duration";
            default -> "an object";
        };
    }

    private static StringBuilder quote(StringBuilder out, String text) {
        return JsonStrings.quote(out, text);
    }
}
