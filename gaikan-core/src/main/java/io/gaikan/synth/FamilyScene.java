package io.gaikan.synth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the cast, strip and tile families share: a relief of the family's own base texture in a {@link HeightField},
 * an albedo map, an optional part edge (region), one defect kind per NG image drawn from {@link DefectPrimitives}
 * (whose footprints form the exact mask), and the imaging chain of the grinding scene (the same lighting setups,
 * shader, focus blur, exposure, vignetting and noise). A family gives its base, material and defect kinds.
 */
abstract class FamilyScene implements Scene {

    /** Lengths below are for this image size and scale with the output size. */
    static final double REFERENCE_SIZE = 224;

    static final List<String> PARAMETERS = List.of("defects", "defect_pixels", "lights", "light_elevation_deg",
            "ambient", "albedo", "roughness", "diffuse", "tilt_deg", "blur_sigma", "exposure_gain", "noise_sigma",
            "vignetting", "edge_angle_deg", "bevel_deg", "background");

    private final String family;
    private final List<String> kinds;
    private final double edgeProbability;

    /**
     * @param family          the family's name (the scene name and the {@code family} label)
     * @param kinds           the defect kinds of NG images, the multi-class labels
     * @param edgeProbability chance that an image shows the part's edge (region edge)
     */
    FamilyScene(String family, List<String> kinds, double edgeProbability) {
        this.family = family;
        this.kinds = List.copyOf(kinds);
        this.edgeProbability = edgeProbability;
    }

    /** Adds the defect-free relief to {@code hf.micro} and multiplies the defect-free albedo into {@code albedo}. */
    abstract void drawBase(HeightField hf, float[] albedo, SplittableRandom rng, double unit, Workspace ws);

    abstract Material drawMaterial(SplittableRandom rng);

    /** Target mean brightness after exposure. */
    abstract double drawBrightness(SplittableRandom rng, RandomizationRanges r);

    /**
     * Draws one defect of {@code kind}; returns how many pixels it added to the mask. {@code edge} (or null) lets
     * edge defects (chips, breaks, burrs, fray) sit on the part's border.
     */
    abstract int drawDefect(String kind, HeightField hf, float[] albedo, EdgeProfile edge, SplittableRandom rng,
                            double unit);

    @Override
    public String name() {
        return family;
    }

    @Override
    public List<String> defectKinds() {
        return kinds;
    }

    @Override
    public List<String> parameterNames() {
        return PARAMETERS;
    }

    @Override
    public SynthSample render(SynthConfig config, int index, boolean ng, SplittableRandom rng, Workspace ws) {
        RandomizationRanges r = config.domain().ranges();
        int size = config.size();
        double unit = size / REFERENCE_SIZE;
        Map<String, Double> p = new LinkedHashMap<>();
        for (String name : PARAMETERS) {
            p.put(name, 0.0);
        }
        // defects draw from their own stream, so the OK and NG renders of one index share everything else, sensor
        // noise included: their difference is the defect alone (what the mask must cover)
        SplittableRandom defectRng = rng.split();
        String kind = kinds.get(defectRng.nextInt(kinds.size()));
        Camera cam = Camera.of(size, 1, r.tiltDeg().draw(rng), 360 * rng.nextDouble());
        p.put("tilt_deg", Math.toDegrees(StrictMath.acos(cam.viewZ())));
        Material material = drawMaterial(rng);
        float[] albedo = Texture.draw(rng, size, size, material.textureNoise(), ws);
        HeightField hf = new HeightField(size, size);
        drawBase(hf, albedo, rng, unit, ws);
        EdgeProfile edge = rng.nextDouble() < edgeProbability
                ? GrindingScratchScene.drawEdge(rng, r, size, unit, p) : null;
        if (edge != null) {
            hf.applyEdge(edge);
        }
        if (ng) {
            int defects = 1 + (defectRng.nextDouble() < 0.3 ? 1 : 0);
            int pixels = 0;
            for (int k = 0; k < defects; k++) {
                pixels += drawDefect(kind, hf, albedo, edge, defectRng, unit);
            }
            p.put("defects", (double) defects);
            p.put("defect_pixels", (double) pixels);
        }
        Lighting lighting = LightingSetup.pick(rng, r.lightingWeights()).draw(rng, r);
        Sensor.Settings sensor = new Sensor.Settings(r.blurSigmaPx().draw(rng), drawBrightness(rng, r),
                r.noiseSigma().draw(rng), r.vignetting().draw(rng), config.grey());
        float[][] planes = Sensor.blur(MetalShader.shade(hf, material, lighting, cam, albedo, edge, ws), size, size,
                sensor, ws);
        float gain = Sensor.exposureGain(planes, size, size, sensor);
        p.put("lights", (double) lighting.lights().size());
        p.put("light_elevation_deg", lighting.lights().get(0).elevationDeg());
        p.put("ambient", lighting.ambient());
        p.put("albedo", material.f0Green());
        p.put("roughness", material.roughness());
        p.put("diffuse", material.diffuse());
        p.put("blur_sigma", sensor.blurSigma());
        p.put("noise_sigma", sensor.noiseSigma());
        p.put("vignetting", sensor.vignetting());
        p.put("exposure_gain", (double) gain);
        byte[] pixels = Sensor.quantise(planes, size, size, gain, sensor, rng);
        return new SynthSample(index, ng, family, kind, lighting.setup(), edge == null ? Region.BODY : Region.EDGE,
                Collections.unmodifiableMap(p), size, config.channels(), pixels, hf);
    }

    /** A grey (or slightly tinted) matte material: low, nearly uncoloured F0 and a large diffuse share. */
    static Material matte(SplittableRandom rng, Range tone, Range tint, Range diffuse, Range roughness, Range blotch) {
        double t = tone.draw(rng);
        double warm = tint.draw(rng);
        return new Material(clamp(t * (1 + warm)), clamp(t), clamp(t * (1 - warm)), diffuse.draw(rng),
                roughness.draw(rng), blotch.draw(rng), 0.2);
    }

    /** A point inside the central part of the image and on the part (not beyond its edge). */
    static double[] placeOnPart(SplittableRandom rng, int size, EdgeProfile edge) {
        for (int attempt = 0; ; attempt++) {
            double x = size * (0.12 + 0.76 * rng.nextDouble());
            double y = size * (0.12 + 0.76 * rng.nextDouble());
            if (edge == null || edge.signedDistance(x, y) < 0 || attempt == 8) {
                return new double[] {x, y};
            }
        }
    }

    /** A point on the edge line (for chips and breaks), or on the image border when there is no edge. */
    static double[] placeOnEdge(SplittableRandom rng, int size, EdgeProfile edge) {
        if (edge == null) {
            double along = size * (0.15 + 0.7 * rng.nextDouble());
            return switch (rng.nextInt(4)) {
                case 0 -> new double[] {along, 0};
                case 1 -> new double[] {along, size - 1};
                case 2 -> new double[] {0, along};
                default -> new double[] {size - 1, along};
            };
        }
        // foot of the perpendicular from a random central point onto the edge line
        double x = size * (0.2 + 0.6 * rng.nextDouble()), y = size * (0.2 + 0.6 * rng.nextDouble());
        double s = edge.signedDistance(x, y);
        return new double[] {x - s * edge.nx(), y - s * edge.ny()};
    }

    private static double clamp(double v) {
        return Math.max(0.03, Math.min(0.95, v));
    }
}
