package io.gaikan.synth;

/**
 * A directional light: unit direction from the surface towards the light (z = up, x = image right, y = image down)
 * and its colour already multiplied by its intensity.
 */
public record Light(double x, double y, double z, double red, double green, double blue) {

    /** A light at the given azimuth (0 = from image right, 180 = from image left) and elevation above the surface. */
    static Light fromAngles(double azimuthDeg, double elevationDeg, double intensity, double warmth) {
        double az = Math.toRadians(azimuthDeg);
        double el = Math.toRadians(elevationDeg);
        double c = StrictMath.cos(el);
        return new Light(c * StrictMath.cos(az), c * StrictMath.sin(az), StrictMath.sin(el),
                intensity * (1 + 0.15 * warmth), intensity, intensity * (1 - 0.15 * warmth));
    }

    public double elevationDeg() {
        return Math.toDegrees(StrictMath.asin(Math.max(-1, Math.min(1, z))));
    }
}
