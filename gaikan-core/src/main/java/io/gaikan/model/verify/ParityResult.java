package io.gaikan.model.verify;

import io.gaikan.model.weights.LoadReport;

/**
 * The outcome of one parity check. Deviations are {@code max |java - timm|}; the relative forms divide by
 * {@code max |timm|}, which is what the tolerance bounds.
 *
 * @param logitDeviation        max absolute logit deviation
 * @param maxAbsLogit           max absolute expected logit
 * @param tolerance             the fixture's suggested relative tolerance
 * @param featureDeviation      max deviation of the first 16 pooled features relative to their max |value|
 * @param inputChecksumMatches  whether the regenerated input is bit-identical to the fixture's
 */
public record ParityResult(String model, double logitDeviation, double maxAbsLogit, double tolerance,
                           double featureDeviation, double featureTolerance, boolean inputChecksumMatches,
                           LoadReport load, float[][] logits) {

    public double relativeLogitDeviation() {
        return logitDeviation / maxAbsLogit;
    }

    public boolean pass() {
        return inputChecksumMatches && relativeLogitDeviation() <= tolerance && featureDeviation <= featureTolerance;
    }
}
