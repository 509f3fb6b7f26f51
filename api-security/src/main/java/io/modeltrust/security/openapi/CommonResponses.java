package io.modeltrust.security.openapi;

import io.modeltrust.security.AccessRule;
import io.modeltrust.security.ApiKeyFilter;
import io.modeltrust.security.Role;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Completes a service's OpenAPI document with what no resource method says itself: the answers that the API-key
 * filter and the services' exception mappers give on every /api operation. Each error is a problem+json
 * {@value #PROBLEM_SCHEMA}, so a resource method only names its codes and when they happen, and this fills in the
 * body of every error response that has none.
 *
 * <p>A service turns it on with {@code mp.openapi.filter=io.modeltrust.security.openapi.CommonResponses} (or a
 * filter of its own that calls it): it is deliberately not discovered, so a service's document changes only when
 * the service asks.
 */
public class CommonResponses implements OASFilter {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String PROBLEM_SCHEMA = "Problem";
    public static final String FIELD_ERROR_SCHEMA = "FieldError";
    public static final String API_KEY_SCHEME = "ApiKey";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Components components = api.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            api.setComponents(components);
        }
        components.addSchema(FIELD_ERROR_SCHEMA, fieldError());
        components.addSchema(PROBLEM_SCHEMA, problem());
        components.addSecurityScheme(API_KEY_SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name(ApiKeyFilter.HEADER)
                .description("Needed only when the deployment configures API keys (API_KEYS, docs/security.md): a "
                        + "read key for GET, HEAD and OPTIONS, a write key for every other method. Without keys "
                        + "configured, /api/** needs none."));
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : api.getPaths().getPathItems().entrySet()) {
            Map<PathItem.HttpMethod, Operation> operations = path.getValue().getOperations();
            if (operations == null) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> op : operations.entrySet()) {
                Optional<Role> needed = AccessRule.required(op.getKey().name(), path.getKey());
                needed.ifPresent(role -> complete(op.getValue(), role));
            }
        }
    }

    private static void complete(Operation op, Role needed) {
        APIResponses responses = op.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            op.setResponses(responses);
        }
        if (!responses.hasAPIResponse("401")) {
            responses.addAPIResponse("401", OASFactory.createAPIResponse()
                    .description("API keys are configured and the request has no X-API-Key, or one that matches no key.")
                    .addHeader("WWW-Authenticate", OASFactory.createHeader()
                            .description("ApiKey header=\"X-API-Key\"").schema(string())));
        }
        // Every key may read: only a method that needs a write key can meet a key without the role.
        if (needed == Role.WRITE && !responses.hasAPIResponse("403")) {
            responses.addAPIResponse("403", OASFactory.createAPIResponse()
                    .description("The key has the read role; this method needs a write key. The detail names the key."));
        }
        if (!responses.hasAPIResponse("503")) {
            responses.addAPIResponse("503", OASFactory.createAPIResponse()
                    .description("The database is not reachable. Nothing was changed; retry after Retry-After seconds."));
        }
        APIResponse unavailable = responses.getAPIResponse("503");
        if (unavailable.getHeaders() == null || !unavailable.getHeaders().containsKey("Retry-After")) {
            unavailable.addHeader("Retry-After", OASFactory.createHeader()
                    .description("Seconds to wait before retrying")
                    .schema(OASFactory.createSchema().addType(SchemaType.INTEGER)));
        }
        if (!responses.hasAPIResponse("500")) {
            responses.addAPIResponse("500", OASFactory.createAPIResponse()
                    .description("An unexpected failure. It was logged; the answer carries no stack trace."));
        }
        for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
            if (isError(response.getKey()) && (response.getValue().getContent() == null
                    || response.getValue().getContent().getMediaTypes() == null
                    || response.getValue().getContent().getMediaTypes().isEmpty())) {
                response.getValue().content(OASFactory.createContent().addMediaType(PROBLEM_JSON,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA))));
            }
        }
        op.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(API_KEY_SCHEME));
        // The empty requirement: without keys configured no key is needed.
        op.addSecurityRequirement(OASFactory.createSecurityRequirement());
    }

    private static boolean isError(String code) {
        return code.length() == 3 && (code.charAt(0) == '4' || code.charAt(0) == '5');
    }

    /** RFC 9457 problem details as ProblemMapper and ApiKeyFilter write them (docs/api.md, Errors). */
    static Schema problem() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("RFC 9457 problem details. A validation failure adds errors and totalErrors.")
                .addProperty("type", string().description("Always about:blank").example("about:blank"))
                .addProperty("title", string().description("Short summary of the kind of problem")
                        .example("Invalid production upload"))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER)
                        .description("The HTTP status code").example(400))
                .addProperty("detail", string().description("What went wrong in this request. The wording may change"))
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .description("Validation failures only: the first 100 problems")
                        .items(OASFactory.createSchema().ref(FIELD_ERROR_SCHEMA)))
                .addProperty("totalErrors", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int64")
                        .description("Validation failures only: how many problems there were in all"))
                .addRequired("type").addRequired("title").addRequired("status").addRequired("detail");
    }

    static Schema fieldError() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("One validation problem")
                .addProperty("row", OASFactory.createSchema().addType(SchemaType.INTEGER).addType(SchemaType.NULL)
                        .format("int64").description("Data row, counted from 1 (a CSV header is not a row); null "
                                + "when the problem concerns no single row"))
                .addProperty("column", string().addType(SchemaType.NULL)
                        .description("Column name; null when the problem concerns no single column"))
                .addProperty("message", string().description("What is wrong. The wording may change"))
                .addRequired("row").addRequired("column").addRequired("message");
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(SchemaType.STRING);
    }
}
