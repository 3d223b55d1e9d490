package io.gaikan.model.summary;

import ai.djl.nn.Parameter;
import io.gaikan.model.ImageClassifier;
import io.gaikan.model.ModelOptions;
import io.gaikan.model.ModelSpec;
import io.gaikan.model.ParameterNames;
import io.gaikan.model.weights.PretrainedResolver;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One row of the model catalogue, computed from shapes alone (no weights are allocated): ImageNet-head parameter
 * count, multiply-adds per image at the default input size, and where local ImageNet weights are, if anywhere.
 *
 * @param parameters      trainable parameters with a 1000-class head (BN running statistics excluded)
 * @param multiplyAdds    multiply-adds of one image at {@code inputSize} (the usual "FLOPs" figure)
 * @param localWeights    a local ImageNet weights file, if {@link PretrainedResolver#findLocal} finds one
 */
public record ModelSummary(String name, String family, long parameters, int inputSize, long multiplyAdds,
                           String hubId, Optional<Path> localWeights) {

    private static final int IMAGENET_CLASSES = 1000;

    public static ModelSummary of(ModelSpec spec, PretrainedResolver resolver) {
        ImageClassifier model = spec.build(ModelOptions.classes(IMAGENET_CLASSES));
        long parameters = 0;
        for (Parameter p : ParameterNames.of(model).values()) {
            if (p.getType() != Parameter.Type.RUNNING_MEAN && p.getType() != Parameter.Type.RUNNING_VAR) {
                parameters += p.getShape().size();
            }
        }
        return new ModelSummary(spec.name(), spec.family(), parameters, spec.defaultInputSize(),
                Flops.perImage(model, spec.defaultInputSize()), spec.hubId(), resolver.findLocal(spec.name()));
    }
}
