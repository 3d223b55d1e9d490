package io.gaikan.model.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One timm parity fixture (../shared/fixtures/parity/*.json): the state-dict entries with their generation recipe,
 * the input shape, and timm's eval-mode logits and pooled features for that input.
 */
public record ParityFixture(String model, int numClasses, long[] inputShape, String inputChecksum, List<Param> params,
                            float[][] expectedLogits, float[][] expectedFeaturesFirst16, double[] expectedFeaturesMaxAbs,
                            double tolerance, double genericTolerance) {

    /**
     * One state-dict entry and its recipe. {@code k} is the hash stream id; values are
     * {@code (float) (offset + scale * (abs ? |r(k, i)| : r(k, i)))}.
     */
    public record Param(int k, String name, long[] shape, String role, double offset, double scale, boolean abs,
                        double gain, long fanIn, String checksum) {

        public boolean isBatchCounter() {
            return role.equals("bn_num_batches_tracked");
        }
    }

    public static ParityFixture read(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not a readable parity fixture: " + e.getMessage(), e);
        }
        if (!root.has("params") || !root.has("expected_logits") || !root.has("model")) {
            throw new IOException(file + ": not a parity fixture (needs model, params, expected_logits)");
        }
        List<Param> params = new ArrayList<>();
        for (JsonNode p : root.get("params")) {
            params.add(new Param(p.get("k").asInt(), p.get("name").asText(), longs(p.get("shape")),
                    p.get("role").asText(), p.path("offset").asDouble(0), p.path("scale").asDouble(0),
                    p.path("abs").asBoolean(false), p.path("gain").asDouble(Double.NaN), p.path("fan_in").asLong(0),
                    p.path("checksum_u64").asText(null)));
        }
        JsonNode features = root.path("expected_features");
        JsonNode tolerance = root.path("suggested_tolerance");
        return new ParityFixture(root.get("model").asText(), root.path("num_classes").asInt(),
                longs(root.get("input_size")), root.path("input").path("checksum_u64").asText(null), params,
                floats(root.get("expected_logits")), floats(features.path("first16")), doubles(features.path("max_abs")),
                tolerance.path("tol").asDouble(1e-4), tolerance.path("generic_tol").asDouble(1e-4));
    }

    private static long[] longs(JsonNode array) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asLong();
        }
        return out;
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    /** Exact decimals of float32 values: parse as double, cast to float. */
    private static float[][] floats(JsonNode rows) {
        float[][] out = new float[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            double[] row = doubles(rows.get(i));
            out[i] = new float[row.length];
            for (int j = 0; j < row.length; j++) {
                out[i][j] = (float) row[j];
            }
        }
        return out;
    }
}
