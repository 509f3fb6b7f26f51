package io.modeltrust.ingest.upload;

import io.modeltrust.model.batch.ColumnSpec;

/**
 * A column a batch of some kind must or may carry. {@code mustBePresent}: the header must name it;
 * {@code valueRequired}: no row may leave it empty; {@code mustNotBeEmpty}: at least one row must
 * give it a value.
 */
public record ExpectedColumn(ColumnSpec spec, boolean mustBePresent, boolean valueRequired, boolean mustNotBeEmpty) {

    public String name() {
        return spec.name();
    }
}
