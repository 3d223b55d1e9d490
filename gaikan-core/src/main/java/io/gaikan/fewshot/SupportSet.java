package io.gaikan.fewshot;

/**
 * The labelled training images as rows for a head: every view of every image, centred on the rows' mean and scaled
 * to unit length ({@link #embed}). Centring matters because pooled activations are non-negative, so raw vectors of
 * different classes all point the same way and their cosines bunch near one.
 *
 * @param center  the mean of the raw rows, subtracted from every vector a head sees (saved with the head)
 * @param rows    embedded rows, one per (view, image)
 * @param labels  class of each row
 * @param images  training image of each row (rows of one image are held out together when choosing a setting)
 * @param classes number of classes
 */
record SupportSet(float[] center, double[][] rows, int[] labels, int[] images, int classes) {

    /** {@code views[v][i]} = view v of training image i, labelled {@code labels[i]}. */
    static SupportSet of(float[][][] views, int[] labels, int classes) {
        int n = labels.length;
        int dim = views[0][0].length;
        float[] center = new float[dim];
        for (float[][] view : views) {
            for (float[] row : view) {
                for (int d = 0; d < dim; d++) {
                    center[d] += row[d] / (views.length * n);
                }
            }
        }
        double[][] rows = new double[views.length * n][];
        int[] rowLabels = new int[rows.length];
        int[] rowImages = new int[rows.length];
        for (int v = 0; v < views.length; v++) {
            for (int i = 0; i < n; i++) {
                rows[v * n + i] = embed(views[v][i], center);
                rowLabels[v * n + i] = labels[i];
                rowImages[v * n + i] = i;
            }
        }
        return new SupportSet(center, rows, rowLabels, rowImages, classes);
    }

    /** {@code x - center}, scaled to unit length. */
    static double[] embed(float[] x, float[] center) {
        double[] z = new double[x.length];
        double norm = 0;
        for (int d = 0; d < x.length; d++) {
            z[d] = x[d] - center[d];
            norm += z[d] * z[d];
        }
        double scale = 1 / Math.max(1e-12, Math.sqrt(norm));
        for (int d = 0; d < z.length; d++) {
            z[d] *= scale;
        }
        return z;
    }

    int dimension() {
        return center.length;
    }

    int imageCount() {
        int max = -1;
        for (int i : images) {
            max = Math.max(max, i);
        }
        return max + 1;
    }

    /** Images per class (each image counted once, whatever its views). */
    int[] imagesPerClass() {
        int[] count = new int[classes];
        boolean[] seen = new boolean[imageCount()];
        for (int r = 0; r < rows.length; r++) {
            if (!seen[images[r]]) {
                seen[images[r]] = true;
                count[labels[r]]++;
            }
        }
        return count;
    }

    /** The rows whose image is (or, with {@code keep} false, is not) in {@code chosen}. */
    SupportSet subset(boolean[] chosen, boolean keep) {
        int m = 0;
        for (int r = 0; r < rows.length; r++) {
            m += chosen[images[r]] == keep ? 1 : 0;
        }
        double[][] sub = new double[m][];
        int[] subLabels = new int[m];
        int[] subImages = new int[m];
        for (int r = 0, j = 0; r < rows.length; r++) {
            if (chosen[images[r]] == keep) {
                sub[j] = rows[r];
                subLabels[j] = labels[r];
                subImages[j++] = images[r];
            }
        }
        return new SupportSet(center, sub, subLabels, subImages, classes);
    }

    /** Unit-length mean of each class's rows: the class prototypes. */
    double[][] prototypes() {
        double[][] sum = classSums();
        for (double[] p : sum) {
            normalise(p);
        }
        return sum;
    }

    /** Per class, the sum of its rows divided by the views per image: each image weighs one. */
    double[][] classSums() {
        double views = (double) rows.length / imageCount();
        double[][] sum = new double[classes][dimension()];
        for (int r = 0; r < rows.length; r++) {
            double[] row = rows[r];
            double[] target = sum[labels[r]];
            for (int d = 0; d < row.length; d++) {
                target[d] += row[d] / views;
            }
        }
        return sum;
    }

    static void normalise(double[] v) {
        double norm = Math.sqrt(Lbfgs.dot(v, v));
        if (norm > 0) {
            for (int d = 0; d < v.length; d++) {
                v[d] /= norm;
            }
        }
    }
}
