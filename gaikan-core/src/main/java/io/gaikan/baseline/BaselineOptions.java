package io.gaikan.baseline;

/**
 * How a baseline run fits and reports.
 *
 * @param workingSize longest image side, pixels, images are shrunk to (never enlarged)
 * @param threads     image-processing threads
 * @param grid        preprocessing settings the fit tries
 * @param objective   what the OK/NG threshold search optimises on the training images
 * @param overlays    how many test images get an overlay PNG
 */
public record BaselineOptions(int workingSize, int threads, SearchGrid grid, FitObjective objective, int overlays) {

    public BaselineOptions {
        if (workingSize < 16) {
            throw new IllegalArgumentException("baseline working size must be at least 16 pixels, got " + workingSize);
        }
        if (threads < 1 || overlays < 0 || grid == null || objective == null) {
            throw new IllegalArgumentException("baseline options need threads >= 1, overlays >= 0, a grid and an objective");
        }
    }

    public static BaselineOptions defaults() {
        return new BaselineOptions(256, Runtime.getRuntime().availableProcessors(), SearchGrid.defaults(),
                FitObjective.accuracy(), 8);
    }

    public BaselineOptions withWorkingSize(int size) {
        return new BaselineOptions(size, threads, grid, objective, overlays);
    }

    public BaselineOptions withThreads(int n) {
        return new BaselineOptions(workingSize, n, grid, objective, overlays);
    }

    public BaselineOptions withGrid(SearchGrid g) {
        return new BaselineOptions(workingSize, threads, g, objective, overlays);
    }

    public BaselineOptions withObjective(FitObjective o) {
        return new BaselineOptions(workingSize, threads, grid, o, overlays);
    }

    public BaselineOptions withOverlays(int n) {
        return new BaselineOptions(workingSize, threads, grid, objective, n);
    }
}
