package io.gaikan.synth;

import java.util.SplittableRandom;

/**
 * A metal as the shader sees it. Metals reflect mostly specularly and colour their reflection, so the specular
 * reflectance (F0) carries the colour; the ground surface's micro-roughness adds a small diffuse share in the same
 * colour. Drawn so that the result stays metallic: F0 is high, tinted only slightly, and diffuse stays below it.
 */
public record Material(double f0Red, double f0Green, double f0Blue, double diffuse, double roughness,
                       double textureNoise, double streakContrast) {

    static Material draw(SplittableRandom rng, RandomizationRanges r) {
        double tone = r.materialTone().draw(rng);
        double tint = r.tintStrength().draw(rng);
        double hue = Math.toRadians(r.tintHueDeg().draw(rng));
        double third = 2 * Math.PI / 3;
        return new Material(
                clamp(tone * (1 + tint * StrictMath.cos(hue))),
                clamp(tone * (1 + tint * StrictMath.cos(hue - third))),
                clamp(tone * (1 + tint * StrictMath.cos(hue - 2 * third))),
                r.diffuse().draw(rng), r.roughness().draw(rng), r.textureNoise().draw(rng),
                r.streakContrast().draw(rng));
    }

    /** Blinn-Phong exponent equivalent to the microfacet roughness alpha (Walter et al.: 2 / alpha^2 - 2). */
    public double shininess() {
        return 2 / (roughness * roughness) - 2;
    }

    private static double clamp(double v) {
        return Math.max(0.05, Math.min(0.98, v));
    }
}
