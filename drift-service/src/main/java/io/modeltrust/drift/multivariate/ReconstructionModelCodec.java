package io.modeltrust.drift.multivariate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The stored form of a {@link ReconstructionModel}: what a restart needs, no reference rows. */
public final class ReconstructionModelCodec {

    private static final int MAGIC = 0x4D54504D; // "MTPM"
    private static final int VERSION = 1;

    private ReconstructionModelCodec() {
    }

    public static byte[] toBytes(ReconstructionModel m) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(m.features().size());
            for (FeatureEncoding f : m.features()) {
                out.writeUTF(f.name());
                out.writeBoolean(f.numeric());
                out.writeDouble(f.imputed());
                out.writeDouble(f.mean());
                out.writeDouble(f.scale());
                if (!f.numeric()) {
                    out.writeInt(f.categories().length);
                    for (int i = 0; i < f.categories().length; i++) {
                        writeLongString(out, f.categories()[i]);
                        out.writeDouble(f.frequencies()[i]);
                    }
                }
            }
            out.writeInt(m.components().length);
            for (int c = 0; c < m.components().length; c++) {
                out.writeDouble(m.explained()[c]);
                for (double v : m.components()[c]) {
                    out.writeDouble(v);
                }
            }
            out.writeDouble(m.referenceValue());
            out.writeDouble(m.lower());
            out.writeDouble(m.upper());
            for (double v : m.referenceMse()) {
                out.writeDouble(v);
            }
            out.writeInt(m.chunkRows());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static ReconstructionModel fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IllegalArgumentException("not a stored reconstruction model (version " + VERSION + ")");
            }
            int d = in.readInt();
            List<FeatureEncoding> features = new ArrayList<>(d);
            for (int j = 0; j < d; j++) {
                String name = in.readUTF();
                boolean numeric = in.readBoolean();
                double imputed = in.readDouble();
                double mean = in.readDouble();
                double scale = in.readDouble();
                String[] categories = null;
                double[] frequencies = null;
                if (!numeric) {
                    int n = in.readInt();
                    categories = new String[n];
                    frequencies = new double[n];
                    for (int i = 0; i < n; i++) {
                        categories[i] = readLongString(in);
                        frequencies[i] = in.readDouble();
                    }
                }
                features.add(new FeatureEncoding(name, numeric, categories, frequencies, imputed, mean, scale));
            }
            int k = in.readInt();
            double[][] components = new double[k][d];
            double[] explained = new double[k];
            for (int c = 0; c < k; c++) {
                explained[c] = in.readDouble();
                for (int j = 0; j < d; j++) {
                    components[c][j] = in.readDouble();
                }
            }
            double referenceValue = in.readDouble();
            double lower = in.readDouble();
            double upper = in.readDouble();
            double[] mse = new double[d];
            for (int j = 0; j < d; j++) {
                mse[j] = in.readDouble();
            }
            int chunkRows = in.readInt();
            return new ReconstructionModel(List.copyOf(features), components, explained, referenceValue, lower, upper, mse,
                    chunkRows);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated reconstruction model", e);
        }
    }

    // writeUTF stops at 64 KiB; a category string has no such bound.
    private static void writeLongString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readLongString(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }
}
