package io.gaikan.synth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seed 001's scene: a ground metal surface of many thin cylinders (grinding marks) around a dominant direction,
 * on NG images 1..k scratches of cylinders joined by spheres carved into it; optionally the end / taper of the
 * part (bevel, rounded edge, dark or bright zone beyond). Imaged with randomised lights, metal, texture, camera.
 *
 * <p>A scratch is kept only if it is actually visible in the developed image (see {@link ScratchVisibility}); a
 * faint one is made wider and deeper (up to {@value #MAX_STRENGTHENINGS} times) and the outcome is recorded in the
 * parameters {@code scratch_contrast}, {@code scratch_ratio} and {@code scratch_attempts}.
 */
final class GrindingScratchScene implements Scene {

    static final String NAME = "grinding-scratch";
    /** Its family name in a mixture of families. */
    static final String FAMILY = "metal";
    /** Lengths in {@link RandomizationRanges} are given for this image size. */
    private static final double REFERENCE_SIZE = 224;
    /** A scratch narrower than this (output pixels, full width) would vanish at small sizes. */
    private static final double MIN_SCRATCH_WIDTH_PX = 2.0;
    private static final double MIN_MARK_WIDTH_PX = 1.2;
    private static final int MAX_STRENGTHENINGS = 3;
    private static final double STRENGTHEN_FACTOR = 1.6;
    private static final int PLACEMENT_TRIES = 8;

    private static final List<String> PARAMETERS = List.of(
            "grind_angle_deg", "grind_spread_deg", "grind_marks", "grind_width_px", "grind_height_px",
            "scratches", "scratch_length_px", "scratch_width_px", "scratch_depth_px", "scratch_curvature_deg",
            "scratch_pixels", "scratch_contrast", "scratch_ratio", "scratch_attempts", "scratch_visible",
            "lights", "light_elevation_deg", "ambient", "metal_r", "metal_g", "metal_b", "roughness", "diffuse",
            "texture_noise", "tilt_deg", "scale", "blur_sigma", "exposure_gain", "noise_sigma", "vignetting",
            "edge_angle_deg", "bevel_deg", "background");

    @Override
    public String name() {
        return NAME;
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

        Camera cam = Camera.of(size, r.scale().drawLog(rng), r.tiltDeg().draw(rng), 360 * rng.nextDouble());
        p.put("tilt_deg", Math.toDegrees(StrictMath.acos(cam.viewZ())));
        p.put("scale", cam.scale());

        HeightField surface = new HeightField(size, size);
        double grindAngle = 180 * rng.nextDouble();
        drawGrindMarks(surface, cam, rng, r, unit, grindAngle, p, ws);

        EdgeProfile edge = rng.nextDouble() < r.edgeProbability() ? drawEdge(rng, r, size, unit, p) : null;
        if (edge != null) {
            surface.applyEdge(edge);
        }
        Region region = edge == null ? Region.BODY : Region.EDGE;

        Lighting lighting = LightingSetup.pick(rng, r.lightingWeights()).draw(rng, r);
        Material metal = Material.draw(rng, r);
        float[] texture = Texture.draw(rng, size, size, metal.textureNoise(), ws);
        Sensor.Settings sensor = new Sensor.Settings(r.blurSigmaPx().draw(rng), r.meanBrightness().draw(rng),
                r.noiseSigma().draw(rng), r.vignetting().draw(rng), config.grey());
        record(p, lighting, metal, sensor);

        List<ScratchPath> scratches = ng ? drawScratches(surface, cam, rng, r, unit, grindAngle, edge, p)
                : List.of();
        HeightField hf = surface;
        float[][] planes;
        float gain;
        int attempt = 0;
        while (true) {
            if (ng) {
                hf = surface.copy();
                for (ScratchPath s : scratches) {
                    hf.carveScratch(s);
                }
            }
            planes = Sensor.blur(MetalShader.shade(hf, metal, lighting, cam, texture, edge, ws), size, size,
                    sensor, ws);
            gain = Sensor.exposureGain(planes, size, size, sensor);
            if (!ng) {
                break;
            }
            ScratchVisibility vis = ScratchVisibility.measure(planes, gain, hf, scratches);
            p.put("scratch_contrast", vis.contrast());
            p.put("scratch_ratio", vis.ratio());
            p.put("scratch_visible", vis.visible() ? 1.0 : 0.0);
            if (vis.visible() || attempt == MAX_STRENGTHENINGS) {
                break;
            }
            attempt++;
            List<ScratchPath> stronger = new ArrayList<>();
            for (ScratchPath s : scratches) {
                stronger.add(s.strengthened(STRENGTHEN_FACTOR));
            }
            scratches = stronger;
        }
        if (ng) {
            p.put("scratch_attempts", (double) attempt + 1);
            p.put("scratch_pixels", (double) hf.scratchPixelCount());
            p.put("scratch_width_px", 2 * scratches.stream().mapToDouble(ScratchPath::halfWidth).max().orElse(0));
            p.put("scratch_depth_px", scratches.stream().mapToDouble(ScratchPath::maxDepth).max().orElse(0));
        }
        p.put("exposure_gain", (double) gain);
        byte[] pixels = Sensor.quantise(planes, size, size, gain, sensor, rng);
        return new SynthSample(index, ng, FAMILY, "ng", lighting.setup(), region, Collections.unmodifiableMap(p), size,
                config.channels(), pixels, hf);
    }

    /** Marks with centres spread over the world footprint of the image, so they enter from every side. */
    private static void drawGrindMarks(HeightField surface, Camera cam, SplittableRandom rng, RandomizationRanges r,
                               double unit, double grindAngle, Map<String, Double> p, Workspace ws) {
        int size = surface.width();
        double spread = r.grindSpreadDeg().draw(rng);
        double meanLength = r.grindLengthFrac().draw(rng) * size / cam.scale();
        // below about a pixel a mark only aliases; small images get fewer, relatively wider marks instead
        double meanWidth = Math.max(MIN_MARK_WIDTH_PX, r.grindWidthPx().draw(rng) * unit);
        double meanPeak = r.grindHeightPx().draw(rng) * unit;
        double[] box = footprint(cam, size);
        double x0 = box[0] - 0.5 * meanLength, y0 = box[1] - 0.5 * meanLength;
        double bw = box[2] - box[0] + meanLength, bh = box[3] - box[1] + meanLength;
        // coverage counts the tapered caps at about 70% of length x width
        int count = (int) Math.round(r.grindCoverage().draw(rng) * bw * bh / (0.7 * meanLength * meanWidth));
        List<GrindMark> marks = new ArrayList<>(count);
        double cosGrind = StrictMath.cos(Math.toRadians(grindAngle));
        double sinGrind = StrictMath.sin(Math.toRadians(grindAngle));
        for (int k = 0; k < count; k++) {
            double cx = x0 + bw * rng.nextDouble();
            double cy = y0 + bh * rng.nextDouble();
            // direction = dominant direction turned by a small Gaussian deviation (series, no transcendental)
            double d = Math.toRadians(spread) * gaussian(rng);
            double d2 = d * d;
            double cd = 1 - d2 / 2 * (1 - d2 / 12 * (1 - d2 / 30));
            double sd = d * (1 - d2 / 6 * (1 - d2 / 20 * (1 - d2 / 42)));
            double half = 0.5 * meanLength * (0.5 + rng.nextDouble());
            double hw = 0.5 * meanWidth * (0.6 + 0.8 * rng.nextDouble());
            double peak = meanPeak * (0.5 + rng.nextDouble());
            double ca = (cosGrind * cd - sinGrind * sd) * half, sa = (sinGrind * cd + cosGrind * sd) * half;
            double u0 = cam.u(cx - ca, cy - sa), v0 = cam.v(cx - ca, cy - sa);
            double u1 = cam.u(cx + ca, cy + sa), v1 = cam.v(cx + ca, cy + sa);
            double ls = cam.localScale(cx, cy);
            double reach = hw * ls;
            if (Math.max(u0, u1) + reach < 0 || Math.min(u0, u1) - reach > size - 1
                    || Math.max(v0, v1) + reach < 0 || Math.min(v0, v1) - reach > size - 1) {
                continue;
            }
            marks.add(new GrindMark(u0, v0, u1, v1, hw * ls, peak * ls));
        }
        surface.addGrindMarks(marks, ws);
        p.put("grind_angle_deg", grindAngle);
        p.put("grind_spread_deg", spread);
        p.put("grind_marks", (double) marks.size());
        p.put("grind_width_px", meanWidth * cam.scale());
        p.put("grind_height_px", meanPeak * cam.scale());
    }

    /** World bounding box {xmin, ymin, xmax, ymax} of the image. */
    private static double[] footprint(Camera cam, int size) {
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int c = 0; c < 4; c++) {
            double u = (c & 1) == 0 ? 0 : size - 1;
            double v = (c & 2) == 0 ? 0 : size - 1;
            double x = cam.worldX(u, v), y = cam.worldY(u, v);
            box[0] = Math.min(box[0], x);
            box[1] = Math.min(box[1], y);
            box[2] = Math.max(box[2], x);
            box[3] = Math.max(box[3], y);
        }
        return box;
    }

    /** An edge line across the image with the given share of the image beyond it; bevel then (maybe) background. */
    static EdgeProfile drawEdge(SplittableRandom rng, RandomizationRanges r, int size, double unit,
                                Map<String, Double> p) {
        double angle = 360 * rng.nextDouble();
        double nx = StrictMath.cos(Math.toRadians(angle)), ny = StrictMath.sin(Math.toRadians(angle));
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (int c = 0; c < 4; c++) {
            double proj = nx * ((c & 1) == 0 ? 0 : size - 1) + ny * ((c & 2) == 0 ? 0 : size - 1);
            lo = Math.min(lo, proj);
            hi = Math.max(hi, proj);
        }
        double beyond = r.edgeCoverage().draw(rng) * (hi - lo);
        double bevelDeg = r.bevelDeg().draw(rng);
        double bevelWidth = beyond * (0.35 + 0.9 * rng.nextDouble());
        boolean bright = rng.nextDouble() < r.brightBackgroundProbability();
        double background = bright ? 0.5 + 0.4 * rng.nextDouble() : 0.005 + 0.03 * rng.nextDouble();
        p.put("edge_angle_deg", angle);
        p.put("bevel_deg", bevelDeg);
        p.put("background", background);
        return new EdgeProfile(nx, ny, hi - beyond, StrictMath.tan(Math.toRadians(bevelDeg)), bevelWidth,
                Math.max(2.0, (2 + 4 * rng.nextDouble()) * unit), background);
    }

    /**
     * 1..k scratches, each a curved polyline off the grinding direction, centred on metal inside the image. A
     * scratch that lies mostly outside the image or beyond the part is drawn again.
     */
    private static List<ScratchPath> drawScratches(HeightField surface, Camera cam, SplittableRandom rng,
                                                   RandomizationRanges r, double unit, double grindAngle,
                                                   EdgeProfile edge, Map<String, Double> p) {
        int size = surface.width();
        int count = r.scratchCount().drawInt(rng);
        List<ScratchPath> out = new ArrayList<>(count);
        double longest = 0, curviest = 0;
        for (int k = 0; k < count; k++) {
            for (int attempt = 0; attempt < PLACEMENT_TRIES; attempt++) {
                double u = size * (0.15 + 0.7 * rng.nextDouble());
                double v = size * (0.15 + 0.7 * rng.nextDouble());
                if (edge != null && edge.signedDistance(u, v) > 0.8 * edge.bevelWidth()) {
                    continue;
                }
                // most scratches are nearly straight: square a uniform draw to favour small curvature
                double u2 = rng.nextDouble();
                Range kappa = r.scratchCurvatureDeg();
                double curvature = (kappa.lo() + (kappa.hi() - kappa.lo()) * u2 * u2) * (rng.nextBoolean() ? 1 : -1);
                ScratchPath s = drawScratch(cam, rng, r, unit, grindAngle, u, v, curvature, size);
                if (onMetalFraction(s, size, edge) >= 0.6 || attempt == PLACEMENT_TRIES - 1) {
                    out.add(s);
                    longest = Math.max(longest, s.length());
                    curviest = Math.max(curviest, Math.abs(curvature));
                    break;
                }
            }
        }
        p.put("scratches", (double) out.size());
        p.put("scratch_length_px", longest);
        p.put("scratch_curvature_deg", curviest);
        return out;
    }

    /** Share of the scratch's vertices that lie inside the image on metal. */
    private static double onMetalFraction(ScratchPath s, int size, EdgeProfile edge) {
        int inside = 0;
        for (int k = 0; k < s.xs().length; k++) {
            double x = s.xs()[k], y = s.ys()[k];
            if (x >= 0 && y >= 0 && x < size && y < size
                    && (edge == null || edge.signedDistance(x, y) < edge.bevelWidth())) {
                inside++;
            }
        }
        return (double) inside / s.xs().length;
    }

    private static ScratchPath drawScratch(Camera cam, SplittableRandom rng, RandomizationRanges r, double unit,
                                           double grindAngle, double u, double v, double curvature, int size) {
        double off = r.scratchOffGrindDeg().draw(rng) * (rng.nextBoolean() ? 1 : -1);
        double length = r.scratchLengthFrac().draw(rng) * size / cam.scale();
        int segments = 6 + rng.nextInt(7);
        double step = length / segments;
        double turn = curvature / segments;
        double cx = cam.worldX(u, v), cy = cam.worldY(u, v);
        double heading = Math.toRadians(grindAngle + off - 0.5 * curvature);
        // start half a length behind the centre along the mean heading, then walk with a steady turn plus wobble
        double mean = Math.toRadians(grindAngle + off);
        double x = cx - 0.5 * length * StrictMath.cos(mean), y = cy - 0.5 * length * StrictMath.sin(mean);
        double ls = cam.localScale(cx, cy);
        double halfWidth = 0.5 * r.scratchWidthPx().draw(rng) * unit * ls;
        double depth = r.scratchDepthPx().draw(rng) * unit * ls;
        if (2 * halfWidth < MIN_SCRATCH_WIDTH_PX) {
            double grow = MIN_SCRATCH_WIDTH_PX / (2 * halfWidth);
            halfWidth *= grow;
            depth *= grow;
        }
        double[] xs = new double[segments + 1], ys = new double[segments + 1], ds = new double[segments + 1];
        double endTaper = 0.03 + 0.3 * rng.nextDouble();
        for (int j = 0; j <= segments; j++) {
            xs[j] = cam.u(x, y);
            ys[j] = cam.v(x, y);
            double t = (double) j / segments;
            double end = Math.min(1, Math.min(t, 1 - t) / endTaper);
            ds[j] = depth * Math.sqrt(end) * (0.7 + 0.3 * rng.nextDouble());
            heading += Math.toRadians(turn * (1 + 0.6 * (rng.nextDouble() - 0.5)));
            x += step * StrictMath.cos(heading);
            y += step * StrictMath.sin(heading);
        }
        double max = 0;
        for (double d : ds) {
            max = Math.max(max, d);
        }
        // keep the drawn tool radius; the drawn width applies at the drawn depth, the path's deepest point is shallower
        double tool = (halfWidth * halfWidth + depth * depth) / (2 * depth);
        return new ScratchPath(xs, ys, ds, Math.sqrt(2 * tool * max - max * max), max);
    }

    private static void record(Map<String, Double> p, Lighting lighting, Material m, Sensor.Settings s) {
        p.put("lights", (double) lighting.lights().size());
        p.put("light_elevation_deg", lighting.lights().get(0).elevationDeg());
        p.put("ambient", lighting.ambient());
        p.put("metal_r", m.f0Red());
        p.put("metal_g", m.f0Green());
        p.put("metal_b", m.f0Blue());
        p.put("roughness", m.roughness());
        p.put("diffuse", m.diffuse());
        p.put("texture_noise", m.textureNoise());
        p.put("blur_sigma", s.blurSigma());
        p.put("noise_sigma", s.noiseSigma());
        p.put("vignetting", s.vignetting());
    }

    /**
     * A standard normal deviate, approximately: the centred sum of four uniforms (Irwin-Hall), scaled to unit
     * variance. Plain arithmetic, so every run gives the same bits, and cheap enough for hundreds of marks.
     */
    private static double gaussian(SplittableRandom rng) {
        double sum = rng.nextDouble() + rng.nextDouble() + rng.nextDouble() + rng.nextDouble();
        return (sum - 2) * Math.sqrt(3);
    }
}
