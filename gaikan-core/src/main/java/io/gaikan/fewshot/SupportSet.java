package io.gaikan.fewshot;

import io.gaikan.linear.Lbfgs;

/**
 * The labelled training images as rows for a head: every view of every image through the {@link Embedding} fitted on
 * them.
 *
 * @param embedding how a raw feature vector becomes a row (saved with the head, applied to every image it scores)
 * @param rows      embedded rows, one per (view, image)
 * @param labels    class of each row
 * @param images    training image of each row (rows of one image are held out together when choosing a setting)
 * @param classes   number of classes
 */
record SupportSet(Embedding embedding, double[][] rows, int[] labels, int[] images, int classes) {

    /**
     * {@code views[v][i]} = view v of training image i, labelled {@code labels[i]}; {@code standardise} as in
     * {@link Embedding#fit}.
     */
    static SupportSet of(float[][][] views, int[] labels, int classes, boolean standardise) {
        int n = labels.length;
        Embedding embedding = Embedding.fit(views, standardise);
        double[][] rows = new double[views.length * n][];
        int[] rowLabels = new int[rows.length];
        int[] rowImages = new int[rows.length];
        for (int v = 0; v < views.length; v++) {
            for (int i = 0; i < n; i++) {
                rows[v * n + i] = embedding.apply(views[v][i]);
                rowLabels[v * n + i] = labels[i];
                rowImages[v * n + i] = i;
            }
        }
        return new SupportSet(embedding, rows, rowLabels, rowImages, classes);
    }

    int dimension() {
        return embedding.dimension();
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
        return new SupportSet(embedding, sub, subLabels, subImages, classes);
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
