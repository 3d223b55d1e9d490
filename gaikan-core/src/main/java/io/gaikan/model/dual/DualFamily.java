package io.gaikan.model.dual;

import io.gaikan.model.ImageClassifier;
import io.gaikan.model.ModelFamily;
import io.gaikan.model.ModelOptions;
import io.gaikan.model.ModelRegistry;
import io.gaikan.model.ModelSpec;
import io.gaikan.model.vggse.VggSe;
import io.gaikan.model.vggse.VggSeFamily;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code dual:<branch>[,resize=N][,crop=N]}: the two-input model with a branch of any zoo family that exposes its
 * feature map ({@code dual:resnet18}, {@code dual:efficientnet_b0}, ...) or the lab's {@code vggse}. Default input
 * 256 px; resize and crop default to 160/256 of the input side (see {@link DualViews}). The spec keeps the branch's
 * ImageNet hub id and weights name: {@code --init imagenet} finds the branch's weights and loads them into both.
 */
public final class DualFamily implements ModelFamily {

    public static final String PREFIX = "dual:";
    public static final int DEFAULT_INPUT = 256;

    @Override
    public List<ModelSpec> models() {
        return List.of(spec(PREFIX + VggSeFamily.NAME, null, VggSeFamily.NAME, VggSe::new, DualViews.DEFAULT));
    }

    @Override
    public Optional<ModelSpec> resolve(String name, ModelRegistry registry) {
        if (!name.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = name.substring(PREFIX.length()).split(",");
        String branch = parts[0];
        int resize = 0;
        int crop = 0;
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            int value = kv.length == 2 ? parseSize(name, kv[1]) : -1;
            switch (kv[0]) {
                case "resize" -> resize = value;
                case "crop" -> crop = value;
                default -> throw new IllegalArgumentException("model '" + name + "': unknown option '" + parts[i]
                        + "' (dual:<branch>[,resize=N][,crop=N])");
            }
        }
        if (branch.isEmpty() || branch.startsWith(PREFIX)) {
            throw new IllegalArgumentException("model '" + name + "': the branch must be vggse or a zoo model, e.g. dual:resnet18");
        }
        DualViews views = new DualViews(resize, crop);
        ModelSpec branchSpec;
        try {
            branchSpec = registry.get(branch);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model '" + name + "': " + e.getMessage(), e);
        }
        return Optional.of(spec(name, branchSpec.hubId(), branchSpec.weightsName(), branchSpec::build, views));
    }

    private static int parseSize(String name, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("model '" + name + "': '" + text + "' is not a size in pixels");
        }
    }

    private static ModelSpec spec(String name, String hubId, String weightsName,
                                  Function<ModelOptions, ImageClassifier> branch, DualViews views) {
        return new ModelSpec(name, "dual", DEFAULT_INPUT, hubId, weightsName, options -> new DualInputModel(branch, views, options));
    }
}
