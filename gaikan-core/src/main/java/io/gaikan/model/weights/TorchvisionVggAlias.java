package io.gaikan.model.weights;

import java.util.Map;
import java.util.Set;

/**
 * torchvision VGG -> timm VGG. {@code features.N} are identical; the classifier becomes timm's ConvMlp and head:
 * {@code classifier.0 [4096, 25088]} -> {@code pre_logits.fc1 [4096, 512, 7, 7]} (torchvision flattens C,H,W, so this
 * is a pure reshape), {@code classifier.3} -> {@code pre_logits.fc2 [4096, 4096, 1, 1]}, {@code classifier.6} -> {@code head.fc}.
 */
final class TorchvisionVggAlias implements NameAlias {

    private static final Map<String, String> CLASSIFIER = Map.of(
            "classifier.0.", "pre_logits.fc1.",
            "classifier.3.", "pre_logits.fc2.",
            "classifier.6.", "head.fc.");

    @Override
    public String description() {
        return "torchvision vgg names";
    }

    @Override
    public boolean appliesTo(Set<String> checkpointNames, Map<String, long[]> modelShapes) {
        return checkpointNames.contains("classifier.0.weight") && modelShapes.containsKey("pre_logits.fc1.weight");
    }

    @Override
    public Renamed rename(String name, Tensor tensor, Map<String, long[]> modelShapes) {
        for (Map.Entry<String, String> e : CLASSIFIER.entrySet()) {
            if (name.startsWith(e.getKey())) {
                String target = e.getValue() + name.substring(e.getKey().length());
                long[] shape = modelShapes.get(target);
                boolean reshape = shape != null && !target.startsWith("head.") && Tensor.numel(shape) == tensor.numel();
                return new Renamed(target, reshape ? tensor.reshape(shape) : tensor);
            }
        }
        return new Renamed(name, tensor);
    }
}
