package io.modeltrust.ingest.rest.openapi;

import io.modeltrust.security.openapi.CommonResponses;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The ingest service's OpenAPI filter (mp.openapi.filter): the answers every /api operation shares, and the
 * meaning of each model spec field, which shared-model cannot carry as annotations (it stays free of frameworks).
 */
public class IngestOpenApi implements OASFilter {

    private final CommonResponses common = new CommonResponses();

    @Override
    public void filterOpenAPI(OpenAPI api) {
        common.filterOpenAPI(api);
        ModelSpecSchema.describe(api.getComponents());
    }
}
