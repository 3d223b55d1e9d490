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

    /** Linear RGB planes (each w*h) of the lit surface; {@code edge} (or null) gives the zone beyond the part. */
    static float[][] shade(HeightField hf, Material m, Lighting lighting, Camera cam, float[] texture,
                           EdgeProfile edge, Workspace ws) {
        int w = hf.width();
        int h = hf.height();
        int n = w * h;
        float[] height = ws.floats(Workspace.Slot.HEIGHT, n);
        for (int i = 0; i < n; i++) {
            height[i] = hf.macro[i] + hf.micro[i];
        }
        float[] localMean = ws.floats(Workspace.Slot.LOCAL_MEAN, n);
        float[] tmp = ws.floats(Workspace.Slot.TMP, n);
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
        double background = edge == null ? 0 : edge.background();
        float bgR = (float) (background * (lightR + amb)), bgG = (float) (background * (lightG + amb));
        float bgB = (float) (background * (lightB + amb));

        // Each pass is a few straight loops with small bodies and one index: C2 vectorises only those (a body too
        // big to unroll 16 times for AVX-512 stays scalar, measured 7x slower).
        float[] nxs = ws.floats(Workspace.Slot.NORMAL_X, n);
        float[] nys = ws.floats(Workspace.Slot.NORMAL_Y, n);
        float[] inv = ws.floats(Workspace.Slot.NORMAL_INV, n);
        normals(height, w, h, nxs, nys, inv);
        float[] factor = ws.floats(Workspace.Slot.FACTOR, n);
        surfaceFactor(localMean, hf.micro, texture, (float) m.streakContrast(), factor);
        // beyond the part: no metal, only the (dark or bright) background, modulated by the blotch texture; the
        // border pixel is blended by how much of it lies beyond, so the part's outline is not a staircase
        float[] beyond = ws.zeros(Workspace.Slot.BEYOND, n);
        boolean anyBackground = edge != null;
        if (anyBackground) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double cover = edge.signedDistance(x, y) - edge.bevelWidth() + 0.5;
                    if (cover > 0) {
                        float c = (float) Math.min(1, cover);
                        int i = y * w + x;
                        beyond[i] = texture[i] * c;
                        factor[i] *= 1 - c;
                    }
                }
            }
        }
        float[] outR = ws.floats(Workspace.Slot.RED, n);
        float[] outG = ws.floats(Workspace.Slot.GREEN, n);
        float[] outB = ws.floats(Workspace.Slot.BLUE, n);
        java.util.Arrays.fill(outR, ar);
        java.util.Arrays.fill(outG, ag);
        java.util.Arrays.fill(outB, ab);
        float[] diffuse = ws.floats(Workspace.Slot.DIFFUSE, n);
        float[] specular = ws.floats(Workspace.Slot.SPECULAR, n);
        float shin = (float) m.shininess();
        for (int k = 0; k < nl; k++) {
            cosines(nxs, nys, inv, lx[k], ly[k], lz[k], hx[k], hy[k], hz[k], shin, diffuse, specular);
            accumulate(outR, diffuse, dr[k], specular, sr[k]);
            accumulate(outG, diffuse, dg[k], specular, sg[k]);
            accumulate(outB, diffuse, db[k], specular, sb[k]);
        }
        finish(outR, factor, beyond, anyBackground ? bgR : 0);
        finish(outG, factor, beyond, anyBackground ? bgG : 0);
        finish(outB, factor, beyond, anyBackground ? bgB : 0);
        return new float[][] {outR, outG, outB};
    }

    /**
     * Normal n = (sx, sy, 1) * inv with sx, sy the negated slopes (central differences, one-sided at the border).
     * The loops reading shifted indices stay scalar; the normalisation loop vectorises.
     */
    private static void normals(float[] height, int w, int h, float[] nxs, float[] nys, float[] inv) {
        for (int y = 0; y < h; y++) {
            int up = Math.max(0, y - 1) * w;
            int down = Math.min(h - 1, y + 1) * w;
            float fy = (y == 0 || y == h - 1) ? -1f : -0.5f;
            int row = y * w;
            for (int x = 1; x < w - 1; x++) {
                nxs[row + x] = (height[row + x - 1] - height[row + x + 1]) * 0.5f;
            }
            nxs[row] = height[row] - height[row + 1];
            nxs[row + w - 1] = height[row + w - 2] - height[row + w - 1];
            for (int x = 0; x < w; x++) {
                nys[row + x] = (height[down + x] - height[up + x]) * fy;
            }
        }
        for (int i = 0; i < inv.length; i++) {
            inv[i] = 1 / (float) Math.sqrt(nxs[i] * nxs[i] + nys[i] * nys[i] + 1);
        }
    }

    /** Albedo texture x occlusion x grinding-streak reflectance (ridges a little brighter than valleys). */
    private static void surfaceFactor(float[] localMean, float[] micro, float[] texture, float streak,
                                      float[] factor) {
        for (int i = 0; i < factor.length; i++) {
            float below = localMean[i] - micro[i];
            factor[i] = texture[i] * Branchless.max(0.2f, 1 - streak * below);
        }
        for (int i = 0; i < factor.length; i++) {
            float below = localMean[i] - micro[i];
            factor[i] *= 1 - Branchless.min(MAX_OCCLUSION, Branchless.positive(below * OCCLUSION_PER_PIXEL));
        }
    }

    /** n.l (diffuse) and the specular lobe for one light, with Schlick's rational stand-in for (n.h)^s. */
    private static void cosines(float[] nxs, float[] nys, float[] inv, float kx, float ky, float kz,
                                float qx, float qy, float qz, float shin, float[] diffuse, float[] specular) {
        for (int i = 0; i < diffuse.length; i++) {
            diffuse[i] = Branchless.positive((nxs[i] * kx + nys[i] * ky + kz) * inv[i]);
        }
        for (int i = 0; i < specular.length; i++) {
            specular[i] = Branchless.positive((nxs[i] * qx + nys[i] * qy + qz) * inv[i]);
        }
        for (int i = 0; i < specular.length; i++) {
            float ndh = specular[i];
            specular[i] = diffuse[i] * ndh / (shin - shin * ndh + ndh);
        }
    }

    private static void finish(float[] out, float[] factor, float[] beyond, float background) {
        for (int i = 0; i < out.length; i++) {
            out[i] = out[i] * factor[i] + background * beyond[i];
        }
    }

    private static void accumulate(float[] out, float[] a, float wa, float[] b, float wb) {
        for (int i = 0; i < out.length; i++) {
            out[i] += a[i] * wa + b[i] * wb;
        }
    }
}
