package io.gaikan.synth;

import java.util.List;

/**
 * Every range the grinding-scratch scene draws from. Lengths are in pixels of a 224 px image ("reference pixels")
 * and scale with the output size; heights are in the same unit, so slopes (and therefore shading) do not depend
 * on the output size.
 *
 * @param lightingWeights          relative odds of each {@link LightingSetup}, in declaration order
 * @param grindSpreadDeg           standard deviation of grinding-mark directions around the dominant direction
 * @param grindCoverage            summed mark area over image area (how densely the marks overlap)
 * @param grindLengthFrac          mark length as a fraction of the image side
 * @param grindWidthPx             visible width of one mark
 * @param grindHeightPx            how far a mark stands above the base plane
 * @param scratchCount             scratches per NG image (inclusive)
 * @param scratchLengthFrac        scratch length as a fraction of the image side
 * @param scratchWidthPx           scratch width at the surface where it is deepest
 * @param scratchDepthPx           maximum scratch depth
 * @param scratchCurvatureDeg      total change of heading along one scratch
 * @param scratchOffGrindDeg       angle between a scratch and the grinding direction
 * @param edgeProbability          chance that the image shows an edge / taper part instead of flat body
 * @param edgeCoverage             fraction of the image side beyond the edge line
 * @param bevelDeg                 slope of the bevel
 * @param brightBackgroundProbability chance that the zone beyond the part is bright (a fixture) instead of dark
 * @param materialTone             base reflectance (F0) grey level of the metal
 * @param tintStrength             how far the metal colour leaves grey
 * @param tintHueDeg               hue of that tint
 * @param roughness                microfacet roughness alpha (Blinn-Phong exponent 2/alpha^2 - 2)
 * @param diffuse                  diffuse share of the rough, ground surface
 * @param textureNoise             amplitude of low-frequency albedo blotches
 * @param streakContrast           reflectance drop per pixel of depth below the local mean (grinding streaks)
 * @param lightIntensity           per-light intensity
 * @param lightTint                colour-temperature shift of each light (-1 cool .. +1 warm)
 * @param tiltDeg                  camera tilt away from the surface normal (perspective)
 * @param scale                    camera magnification (log-uniform)
 * @param blurSigmaPx              focus blur (Gaussian sigma, output pixels)
 * @param meanBrightness           exposure target: mean linear brightness of the image
 * @param noiseSigma               sensor read noise (fraction of full scale)
 * @param vignetting               brightness fall-off at the image corners
 */
public record RandomizationRanges(
        List<Double> lightingWeights,
        Range grindSpreadDeg, Range grindCoverage, Range grindLengthFrac, Range grindWidthPx, Range grindHeightPx,
        Range scratchCount, Range scratchLengthFrac, Range scratchWidthPx, Range scratchDepthPx,
        Range scratchCurvatureDeg, Range scratchOffGrindDeg,
        double edgeProbability, Range edgeCoverage, Range bevelDeg, double brightBackgroundProbability,
        Range materialTone, Range tintStrength, Range tintHueDeg, Range roughness, Range diffuse, Range textureNoise,
        Range streakContrast,
        Range lightIntensity, Range lightTint,
        Range tiltDeg, Range scale, Range blurSigmaPx, Range meanBrightness, Range noiseSigma, Range vignetting) {

    public RandomizationRanges {
        lightingWeights = List.copyOf(lightingWeights);
        if (lightingWeights.size() != LightingSetup.values().length) {
            throw new IllegalArgumentException("need one lighting weight per setup, got " + lightingWeights.size());
        }
    }

    /** The broad distribution used for CG pretraining. */
    public static RandomizationRanges pretrain() {
        return new RandomizationRanges(
                List.of(1.0, 1.0, 1.0, 1.0),
                Range.of(1, 8), Range.of(1.3, 2.4), Range.of(0.3, 1.2), Range.of(1.5, 5), Range.of(0.15, 0.6),
                Range.of(1, 3), Range.of(0.25, 0.8), Range.of(2.5, 6), Range.of(0.8, 2.5),
                Range.of(0, 40), Range.of(15, 90),
                0.4, Range.of(0.15, 0.45), Range.of(25, 50), 0.4,
                Range.of(0.45, 0.75), Range.of(0, 0.08), Range.of(0, 360), Range.of(0.15, 0.45), Range.of(0.1, 0.35),
                Range.of(0.02, 0.12), Range.of(0.1, 0.6),
                Range.of(0.8, 1.2), Range.of(-0.3, 0.3),
                Range.of(0, 15), Range.of(0.8, 1.25), Range.of(0, 0.9), Range.of(0.25, 0.5), Range.of(0.004, 0.02),
                Range.of(0, 0.3));
    }

    /**
     * A shifted distribution for the held-out "target" set: warm-tinted material, mostly ring and low-angle light,
     * narrower grinding spread, thinner scratches, more blur and sensor noise, stronger tilt.
     */
    public static RandomizationRanges target() {
        return new RandomizationRanges(
                List.of(0.15, 0.35, 0.35, 0.15),
                Range.of(0.5, 3), Range.of(2.0, 2.8), Range.of(0.6, 1.4), Range.of(1.2, 3.5), Range.of(0.2, 0.5),
                Range.of(1, 2), Range.of(0.3, 0.7), Range.of(2.2, 4.5), Range.of(0.8, 2.0),
                Range.of(0, 25), Range.of(20, 70),
                0.3, Range.of(0.2, 0.4), Range.of(30, 45), 0.2,
                Range.of(0.5, 0.7), Range.of(0.08, 0.2), Range.of(25, 55), Range.of(0.2, 0.4), Range.of(0.15, 0.3),
                Range.of(0.05, 0.15), Range.of(0.2, 0.5),
                Range.of(0.9, 1.1), Range.of(0.1, 0.5),
                Range.of(5, 25), Range.of(0.9, 1.4), Range.of(0.3, 1.2), Range.of(0.3, 0.45), Range.of(0.015, 0.035),
                Range.of(0.1, 0.4));
    }
}
