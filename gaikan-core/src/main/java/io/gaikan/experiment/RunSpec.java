package io.gaikan.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gaikan.train.TrainConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One unit of work of an experiment, identified by a hash of its effective settings: the same settings give the
 * same id in every invocation, so a restarted grid finds what is already done.
 *
 * @param name      human-readable, e.g. {@code shots=4 method=imagenet seed=2}
 * @param shots     training images per class (0 = all)
 * @param config    the trainer's settings; null for a baseline run
 * @param pretrain  the pretrain step whose model {@code config.init()} refers to, or null
 * @param workingSize the baseline's working size (baseline runs only)
 * @param source    what a pretrain step trains on: a {@link DataSpec} or the CG images of a {@code SynthConfig} and
 *                  count (null for other runs, whose data is the experiment's)
 */
public record RunSpec(String id, Kind kind, String name, int shots, TrainConfig config, RunSpec pretrain,
                      int workingSize, Object source) {

    public enum Kind { TRAIN, PRETRAIN, BASELINE }

    static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    static RunSpec train(String name, int shots, TrainConfig config, RunSpec pretrain) {
        return new RunSpec(hash(Kind.TRAIN, shots, config, pretrain, 0, null), Kind.TRAIN, name, shots, config, pretrain, 0, null);
    }

    /** A pretrain step depends on its own data, so that is part of its identity. */
    static RunSpec pretrain(String name, int shots, TrainConfig config, Object source) {
        return new RunSpec(hash(Kind.PRETRAIN, shots, config, null, 0, source), Kind.PRETRAIN, name, shots, config, null,
                0, source);
    }

    static RunSpec baseline(int shots, int workingSize) {
        String name = "classical baseline" + (shots > 0 ? " shots=" + shots : "");
        return new RunSpec(hash(Kind.BASELINE, shots, null, null, workingSize, null), Kind.BASELINE, name, shots, null,
                null, workingSize, null);
    }

    /** The settings as JSON, as stored in the run database. */
    public String settingsJson() {
        return settings(kind, shots, config == null ? null : config.toJson(), pretrain, workingSize, source).toString();
    }

    private static String hash(Kind kind, int shots, TrainConfig config, RunSpec pretrain, int workingSize, Object source) {
        String canonical = settings(kind, shots, config == null ? null : config.identityJson(), pretrain, workingSize,
                source).toString();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * The id hashes {@link TrainConfig#identityJson}: machine settings (threads, console output) do not change
     * results, and a setting at its default is left out so that adding a setting keeps earlier ids.
     */
    private static ObjectNode settings(Kind kind, int shots, JsonNode config, RunSpec pretrain, int workingSize,
                                       Object source) {
        ObjectNode node = JSON.createObjectNode();
        node.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
        node.put("shots", shots);
        if (config != null) {
            node.set("config", config);
        }
        if (pretrain != null) {
            node.put("pretrain", pretrain.id());
        }
        if (kind == Kind.BASELINE) {
            node.put("working_size", workingSize);
        }
        if (source != null) {
            node.set("source", JSON.valueToTree(source));
        }
        return node;
    }
}
