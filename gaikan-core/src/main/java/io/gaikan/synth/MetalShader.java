package io.gaikan.synth;

import java.util.List;

/**
 * Shades a height field as metal. Normals come from central differences of the height; each directional light
 * adds a diffuse term (the ground surface's small diffuse share) and a normalised Blinn-Phong specular term with
 * Schlick's Fresnel in the metal's colour, the lobe (n.h)^s evaluated with Schlick's rational approximation
 * x / (s - s x + x). A uniform ambient stands in for the environment the metal reflects. Cavities (pixels below
 * the local mean height: grooves, scratches) are darkened by an ambient-occlusion factor and reflect a little
 * less (grinding streaks), which keeps marks and scratches visible under diffuse dome light. Output: linear RGB.
 */
final class MetalShader {

    /** Darkening per pixel of depth below the local mean height. */
    private static final float OCCLUSION_PER_PIXEL = 0.45f;
    private static final float MAX_OCCLUSION = 0.75f;
    private static final int OCCLUSION_RADIUS = 3;

    private MetalShader() {
    }

    /** Linear RGB planes (each w*h) of the lit surface; {@code background} is the brightness beyond the part. */
    static float[][] shade(HeightField hf, Material m, Lighting lighting, Camera cam, float[] texture,
                           double background) {
        int w = hf.width();
        int h = hf.height();
        int n = w * h;
        float[] height = new float[n];
        for (int i = 0; i < n; i++) {
            height[i] = hf.macro[i] + hf.micro[i];
        }
        float[] localMean = new float[n];
        float[] tmp = new float[n];
        Filters.boxBlur(hf.micro, localMean, w, h, OCCLUSION_RADIUS, tmp);

        double normalisation = (m.shininess() + 2) / 8;
        List<Light> lights = lighting.lights();
        int nl = lights.size();
        float[] lx = new float[nl], ly = new float[nl], lz = new float[nl];
        float[] hx = new float[nl], hy = new float[nl], hz = new float[nl];
        float[] dr = new float[nl], dg = new float[nl], db = new float[nl];
        float[] sr = new float[nl], sg = new float[nl], sb = new float[nl];
        double[] f0 = {m.f0Red(), m.f0Green(), m.f0Blue()};
        double lightR = 0, lightG = 0, lightB = 0;
        for (int k = 0; k < nl; k++) {
            Light l = lights.get(k);
            lx[k] = (float) l.x();
            ly[k] = (float) l.y();
            lz[k] = (float) l.z();
            double ax = l.x() + cam.viewX(), ay = l.y() + cam.viewY(), az = l.z() + cam.viewZ();
            double norm = Math.sqrt(ax * ax + ay * ay + az * az);
            hx[k] = (float) (ax / norm);
            hy[k] = (float) (ay / norm);
            hz[k] = (float) (az / norm);
            double vh = (l.x() * cam.viewX() + l.y() * cam.viewY() + l.z() * cam.viewZ() + 1) / norm;
            double c = Math.max(0, 1 - vh);
            double schlick = c * c * c * c * c;
            double spec = normalisation;
            sr[k] = (float) (spec * l.red() * (f0[0] + (1 - f0[0]) * schlick));
            sg[k] = (float) (spec * l.green() * (f0[1] + (1 - f0[1]) * schlick));
            sb[k] = (float) (spec * l.blue() * (f0[2] + (1 - f0[2]) * schlick));
            dr[k] = (float) (m.diffuse() * f0[0] * l.red());
            dg[k] = (float) (m.diffuse() * f0[1] * l.green());
            db[k] = (float) (m.diffuse() * f0[2] * l.blue());
            lightR += l.red();
            lightG += l.green();
            lightB += l.blue();
        }
        double amb = lighting.ambient();
        float ar = (float) (amb * (0.6 * f0[0] + m.diffuse() * f0[0]));
        float ag = (float) (amb * (0.6 * f0[1] + m.diffuse() * f0[1]));
        float ab = (float) (amb * (0.6 * f0[2] + m.diffuse() * f0[2]));
        float bgR = (float) (background * (lightR + amb)), bgG = (float) (background * (lightG + amb));
        float bgB = (float) (background * (lightB + amb));

        // pass 1: unit normals from central differences (one-sided at the border)
        float[] nxs = new float[n], nys = new float[n], nzs = new float[n];
        for (int y = 0; y < h; y++) {
            int up = Math.max(0, y - 1) * w;
            int down = Math.min(h - 1, y + 1) * w;
            float fy = (y == 0 || y == h - 1) ? 1f : 0.5f;
            int row = y * w;
            for (int x = 1; x < w - 1; x++) {
                float gx = (height[row + x + 1] - height[row + x - 1]) * 0.5f;
                float gy = (height[down + x] - height[up + x]) * fy;
                float inv = 1 / (float) Math.sqrt(gx * gx + gy * gy + 1);
                nxs[row + x] = -gx * inv;
                nys[row + x] = -gy * inv;
                nzs[row + x] = inv;
            }
            for (int x = 0; x < w; x += w - 1) {
                float gx = height[row + Math.min(w - 1, x + 1)] - height[row + Math.max(0, x - 1)];
                float gy = (height[down + x] - height[up + x]) * fy;
                float inv = 1 / (float) Math.sqrt(gx * gx + gy * gy + 1);
                nxs[row + x] = -gx * inv;
                nys[row + x] = -gy * inv;
                nzs[row + x] = inv;
            }
        }
        // pass 2: albedo texture x occlusion x grinding-streak reflectance (ridges a little brighter than valleys)
        float[] factor = new float[n];
        float[] micro = hf.micro;
        float streak = (float) m.streakContrast();
        for (int i = 0; i < n; i++) {
            float below = localMean[i] - micro[i];
            float occl = 1 - Math.min(MAX_OCCLUSION, Math.max(0, below * OCCLUSION_PER_PIXEL));
            factor[i] = texture[i] * occl * Math.max(0.2f, 1 - streak * below);
        }
        // pass 3: lights, one at a time, in straight loops the JIT can vectorise
        float[] outR = new float[n], outG = new float[n], outB = new float[n];
        java.util.Arrays.fill(outR, ar);
        java.util.Arrays.fill(outG, ag);
        java.util.Arrays.fill(outB, ab);
        float shin = (float) m.shininess();
        for (int k = 0; k < nl; k++) {
            float kx = lx[k], ky = ly[k], kz = lz[k], qx = hx[k], qy = hy[k], qz = hz[k];
            float kdr = dr[k], kdg = dg[k], kdb = db[k], ksr = sr[k], ksg = sg[k], ksb = sb[k];
            for (int i = 0; i < n; i++) {
                float ndl = Math.max(0f, nxs[i] * kx + nys[i] * ky + nzs[i] * kz);
                float ndh = Math.max(0f, nxs[i] * qx + nys[i] * qy + nzs[i] * qz);
                // Schlick's rational stand-in for ndh^shininess: same peak and width, no transcendental
                float spec = ndl * ndh / (shin - shin * ndh + ndh);
                outR[i] += ndl * kdr + spec * ksr;
                outG[i] += ndl * kdg + spec * ksg;
                outB[i] += ndl * kdb + spec * ksb;
            }
        }
        byte[] flags = hf.flags;
        for (int i = 0; i < n; i++) {
            float f = factor[i];
            if ((flags[i] & HeightField.BACKGROUND) != 0) {
                outR[i] = bgR * texture[i];
                outG[i] = bgG * texture[i];
                outB[i] = bgB * texture[i];
            } else {
                outR[i] *= f;
                outG[i] *= f;
                outB[i] *= f;
            }
        }
        return new float[][] {outR, outG, outB};
    }

}
