package io.gaikan.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Four named illumination setups of an inspection station; the setup is the auxiliary lighting label (seed 002 D).
 * Each draws 1-3 lights with randomised direction, colour and intensity within its own geometry.
 */
public enum LightingSetup {
    /** Light along the camera axis: flat metal mirrors it (bright), scratch walls send it away (dark). */
    COAXIAL("coaxial"),
    /** Three lights around the optical axis at medium elevation. */
    RING("ring"),
    /** A grazing light from the image left (dark field): slopes facing it light up. */
    LOW_ANGLE_LEFT("low-angle-left"),
    /** Diffuse dome: high lights and strong ambient, little specular contrast. */
    DOME("dome");

    private final String label;

    LightingSetup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Picks a setup with the domain's relative weights. */
    static LightingSetup pick(SplittableRandom rng, List<Double> weights) {
        double total = weights.stream().mapToDouble(Double::doubleValue).sum();
        double u = rng.nextDouble() * total;
        for (LightingSetup s : values()) {
            u -= weights.get(s.ordinal());
            if (u < 0) {
                return s;
            }
        }
        return values()[values().length - 1];
    }

    Lighting draw(SplittableRandom rng, RandomizationRanges r) {
        List<Light> lights = new ArrayList<>(3);
        double ambient;
        switch (this) {
            case COAXIAL -> {
                lights.add(Light.fromAngles(rng.nextDouble() * 360, 84 + 6 * rng.nextDouble(),
                        r.lightIntensity().draw(rng), r.lightTint().draw(rng)));
                ambient = 0.05 + 0.1 * rng.nextDouble();
            }
            case RING -> {
                double az0 = rng.nextDouble() * 120;
                double el = 35 + 25 * rng.nextDouble();
                double warmth = r.lightTint().draw(rng);
                for (int k = 0; k < 3; k++) {
                    lights.add(Light.fromAngles(az0 + 120 * k + 10 * (rng.nextDouble() - 0.5),
                            el + 6 * (rng.nextDouble() - 0.5), r.lightIntensity().draw(rng) / 1.5, warmth));
                }
                ambient = 0.08 + 0.12 * rng.nextDouble();
            }
            case LOW_ANGLE_LEFT -> {
                lights.add(Light.fromAngles(180 + 40 * (rng.nextDouble() - 0.5), 8 + 17 * rng.nextDouble(),
                        1.3 * r.lightIntensity().draw(rng), r.lightTint().draw(rng)));
                if (rng.nextDouble() < 0.35) {
                    lights.add(Light.fromAngles(rng.nextDouble() * 360, 40 + 40 * rng.nextDouble(),
                            0.2 + 0.2 * rng.nextDouble(), r.lightTint().draw(rng)));
                }
                ambient = 0.03 + 0.07 * rng.nextDouble();
            }
            default -> {
                int n = 2 + rng.nextInt(2);
                double az0 = rng.nextDouble() * 360;
                double warmth = r.lightTint().draw(rng);
                for (int k = 0; k < n; k++) {
                    lights.add(Light.fromAngles(az0 + 360.0 * k / n + 30 * (rng.nextDouble() - 0.5),
                            50 + 30 * rng.nextDouble(), r.lightIntensity().draw(rng) / n, warmth));
                }
                ambient = 0.45 + 0.35 * rng.nextDouble();
            }
        }
        return new Lighting(this, lights, ambient);
    }
}
