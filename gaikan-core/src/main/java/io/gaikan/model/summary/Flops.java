package io.gaikan.model.summary;

import io.gaikan.model.ImageClassifier;
import io.gaikan.model.TaskHead;
import io.gaikan.model.flops.CountsFlops;
import io.gaikan.model.flops.FeatureMap;
import io.gaikan.model.flops.FlopCounter;

/** Multiply-adds of one image through a whole classifier: its feature extractor plus every head. */
public final class Flops {

    private Flops() {
    }

    public static long perImage(ImageClassifier model, int inputSize) {
        if (!(model instanceof CountsFlops costed)) {
            throw new IllegalArgumentException(model.getClass().getSimpleName() + " cannot count its FLOPs");
        }
        FlopCounter counter = new FlopCounter();
        costed.countFlops(FeatureMap.image(inputSize), counter);
        long heads = 0;
        for (TaskHead head : model.options().heads()) {
            heads += (long) model.featureDim() * head.numClasses();
        }
        return counter.multiplyAdds() + heads;
    }
}
