package io.gaikan.baseline;

import boofcv.struct.image.GrayF32;
import boofcv.struct.image.GrayS32;

import java.util.ArrayList;
import java.util.List;

/**
 * Measures the regions of a BoofCV label image (0 = background, 1..count = regions): area, second moments,
 * principal-axis extents, orientation and mean response. Two passes over the label image: moments first, then the
 * projections on the principal axes (which need the centroid and the axis directions).
 */
final class RegionMeasurement {

    /** Variance of a unit pixel: makes an L x W bar measure L^2/12 and W^2/12 along its axes. */
    private static final double PIXEL_VARIANCE = 1.0 / 12.0;

    private RegionMeasurement() {
    }

    static List<Region> measure(GrayS32 labels, int count, GrayF32 response, int minArea) {
        int n = count + 1;
        long[] area = new long[n];
        double[] sx = new double[n], sy = new double[n], sxx = new double[n], syy = new double[n], sxy = new double[n];
        double[] sumResponse = new double[n];
        int[] minX = filled(n, Integer.MAX_VALUE), minY = filled(n, Integer.MAX_VALUE);
        int[] maxX = filled(n, Integer.MIN_VALUE), maxY = filled(n, Integer.MIN_VALUE);
        for (int y = 0; y < labels.height; y++) {
            for (int x = 0; x < labels.width; x++) {
                int l = labels.unsafe_get(x, y);
                if (l <= 0) {
                    continue;
                }
                area[l]++;
                sx[l] += x;
                sy[l] += y;
                sxx[l] += (double) x * x;
                syy[l] += (double) y * y;
                sxy[l] += (double) x * y;
                sumResponse[l] += response.unsafe_get(x, y);
                minX[l] = Math.min(minX[l], x);
                maxX[l] = Math.max(maxX[l], x);
                minY[l] = Math.min(minY[l], y);
                maxY[l] = Math.max(maxY[l], y);
            }
        }
        double[] cx = new double[n], cy = new double[n], axisX = new double[n], axisY = new double[n];
        double[] lambdaMajor = new double[n], lambdaMinor = new double[n];
        for (int l = 1; l < n; l++) {
            if (area[l] == 0) {
                continue;
            }
            double a = area[l];
            cx[l] = sx[l] / a;
            cy[l] = sy[l] / a;
            double mxx = sxx[l] / a - cx[l] * cx[l];
            double myy = syy[l] / a - cy[l] * cy[l];
            double mxy = sxy[l] / a - cx[l] * cy[l];
            double half = (mxx + myy) / 2;
            double root = Math.sqrt(Math.max(0, (mxx - myy) * (mxx - myy) / 4 + mxy * mxy));
            lambdaMajor[l] = half + root;
            lambdaMinor[l] = Math.max(0, half - root);
            double theta = 0.5 * Math.atan2(2 * mxy, mxx - myy); // image axes, y down
            axisX[l] = Math.cos(theta);
            axisY[l] = Math.sin(theta);
        }
        double[] lo = filled(n, Double.POSITIVE_INFINITY), hi = filled(n, Double.NEGATIVE_INFINITY);
        double[] loMinor = filled(n, Double.POSITIVE_INFINITY), hiMinor = filled(n, Double.NEGATIVE_INFINITY);
        for (int y = 0; y < labels.height; y++) {
            for (int x = 0; x < labels.width; x++) {
                int l = labels.unsafe_get(x, y);
                if (l <= 0 || area[l] < minArea) {
                    continue;
                }
                double dx = x - cx[l], dy = y - cy[l];
                double along = dx * axisX[l] + dy * axisY[l];
                double across = -dx * axisY[l] + dy * axisX[l];
                lo[l] = Math.min(lo[l], along);
                hi[l] = Math.max(hi[l], along);
                loMinor[l] = Math.min(loMinor[l], across);
                hiMinor[l] = Math.max(hiMinor[l], across);
            }
        }
        List<Region> regions = new ArrayList<>();
        for (int l = 1; l < n; l++) {
            if (area[l] < minArea || area[l] == 0) {
                continue;
            }
            double elongation = Math.sqrt((lambdaMajor[l] + PIXEL_VARIANCE) / (lambdaMinor[l] + PIXEL_VARIANCE));
            // flip the sign of y so the angle reads counter-clockwise on screen
            double degrees = Math.toDegrees(Math.atan2(-axisY[l], axisX[l]));
            degrees = ((degrees % 180) + 180) % 180;
            regions.add(new Region((int) area[l], cx[l], cy[l], hi[l] - lo[l] + 1, hiMinor[l] - loMinor[l] + 1,
                    elongation, sumResponse[l] / area[l], degrees, minX[l], minY[l], maxX[l], maxY[l]));
        }
        return regions;
    }

    private static int[] filled(int n, int value) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, value);
        return a;
    }

    private static double[] filled(int n, double value) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, value);
        return a;
    }
}
