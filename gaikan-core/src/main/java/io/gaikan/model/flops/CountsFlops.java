package io.gaikan.model.flops;

/** A block that can state its multiply-adds for one image of a given map shape, and the shape it produces. */
public interface CountsFlops {

    FeatureMap countFlops(FeatureMap in, FlopCounter counter);
}
