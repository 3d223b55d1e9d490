package io.gaikan.model;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * PyTorch-style dotted names ({@code layer1.0.conv1.weight}) for the parameters of a block tree.
 *
 * <p>DJL keys each child as {@code String.format("%02d%s", position, name)}; this strips exactly that prefix, so
 * numeric module names such as {@code blocks.0.0} survive.
 */
public final class ParameterNames {

    private ParameterNames() {
    }

    /** All parameters (including BN running statistics) in depth-first construction order. */
    public static Map<String, Parameter> of(Block root) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        collect(root, "", out);
        return out;
    }

    /** The parameterised leaf blocks in depth-first order, with their dotted paths. */
    public static List<Pair<String, Block>> leaves(Block root) {
        List<Pair<String, Block>> out = new ArrayList<>();
        collectLeaves(root, "", out);
        return out;
    }

    static String childName(String key, int position) {
        String prefix = String.format(Locale.ROOT, "%02d", position + 1);
        if (!key.startsWith(prefix)) {
            throw new IllegalStateException("unexpected DJL child key " + key + " at position " + position);
        }
        return key.substring(prefix.length());
    }

    private static void collect(Block block, String path, Map<String, Parameter> out) {
        for (Pair<String, Parameter> p : block.getDirectParameters()) {
            out.put(path + p.getValue().getName(), p.getValue());
        }
        int i = 0;
        for (Pair<String, Block> child : block.getChildren()) {
            collect(child.getValue(), path + childName(child.getKey(), i++) + ".", out);
        }
    }

    private static void collectLeaves(Block block, String path, List<Pair<String, Block>> out) {
        if (!block.getDirectParameters().isEmpty()) {
            out.add(new Pair<>(path.isEmpty() ? "" : path.substring(0, path.length() - 1), block));
        }
        int i = 0;
        for (Pair<String, Block> child : block.getChildren()) {
            collectLeaves(child.getValue(), path + childName(child.getKey(), i++) + ".", out);
        }
    }
}
