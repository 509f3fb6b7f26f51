package io.modeltrust.model.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A complete, sealed batch with one full-length column per header column. */
public record AssembledBatch(BatchHeader header, BatchSeal seal, List<Column> columns) {

    public int rows() {
        return (int) seal.rows();
    }

    public String modelId() {
        return header.modelId();
    }

    public String batchId() {
        return header.batchId();
    }

    public BatchKind kind() {
        return header.kind();
    }

    public Optional<Column> column(String name) {
        if (name == null) {
            return Optional.empty();
        }
        List<ColumnSpec> specs = header.columns();
        for (int i = 0; i < specs.size(); i++) {
            if (specs.get(i).name().equals(name)) {
                return Optional.of(columns.get(i));
            }
        }
        return Optional.empty();
    }

    public Optional<NumericColumn> numeric(String name) {
        return column(name).filter(NumericColumn.class::isInstance).map(NumericColumn.class::cast);
    }

    public Optional<CategoricalColumn> categorical(String name) {
        return column(name).filter(CategoricalColumn.class::isInstance).map(CategoricalColumn.class::cast);
    }

    public List<ColumnSpec> columnsWithRole(ColumnRole role) {
        List<ColumnSpec> out = new ArrayList<>();
        for (ColumnSpec spec : header.columns()) {
            if (spec.role() == role) {
                out.add(spec);
            }
        }
        return out;
    }
}
