package io.modeltrust.ingest.upload;

import io.modeltrust.model.batch.ColumnSpec;

/**
 * A column a batch of some kind must or may carry. {@code mustBePresent}: the header must name it;
 * {@code valueRequired}: no row may leave it empty; {@code mustNotBeEmpty}: at least one row must
 * give it a value; {@code classes}: the values are a classification model's classes (null otherwise);
 * {@code probability}: a numeric value must lie in [0, 1]; {@code namesGroups}: a value names a fairness
 * group, which results, series and alert subjects carry as a key, so its length is bounded
 * ({@link #MAX_GROUP_NAME}).
 */
public record ExpectedColumn(ColumnSpec spec, boolean mustBePresent, boolean valueRequired, boolean mustNotBeEmpty,
                             ClassValues classes, boolean probability, boolean namesGroups) {

    /** The longest value of a sensitive column: two of them and their names must fit an index key. */
    public static final int MAX_GROUP_NAME = 200;

    public ExpectedColumn(ColumnSpec spec, boolean mustBePresent, boolean valueRequired, boolean mustNotBeEmpty) {
        this(spec, mustBePresent, valueRequired, mustNotBeEmpty, null, false, false);
    }

    public ExpectedColumn(ColumnSpec spec, boolean mustBePresent, boolean valueRequired, boolean mustNotBeEmpty,
                          ClassValues classes, boolean probability) {
        this(spec, mustBePresent, valueRequired, mustNotBeEmpty, classes, probability, false);
    }

    public String name() {
        return spec.name();
    }
}
