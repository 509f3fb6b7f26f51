package io.modeltrust.ingest.upload;

import io.modeltrust.model.batch.ColumnSpec;

/**
 * A column a batch of some kind must or may carry. {@code mustBePresent}: the header must name it;
 * {@code valueRequired}: no row may leave it empty; {@code mustNotBeEmpty}: at least one row must
 * give it a value; {@code classes}: the values are a classification model's classes (null otherwise);
 * {@code probability}: a numeric value must lie in [0, 1].
 */
public record ExpectedColumn(ColumnSpec spec, boolean mustBePresent, boolean valueRequired, boolean mustNotBeEmpty,
                             ClassValues classes, boolean probability) {

    public ExpectedColumn(ColumnSpec spec, boolean mustBePresent, boolean valueRequired, boolean mustNotBeEmpty) {
        this(spec, mustBePresent, valueRequired, mustNotBeEmpty, null, false);
    }

    public String name() {
        return spec.name();
    }
}
