package io.gaikan.synth;

import java.nio.file.Path;

/**
 * What {@link Synthesizer#writeDataset} wrote and how fast.
 *
 * @param faintScratches NG images whose scratches stayed below the visibility threshold after strengthening
 */
public record DatasetSummary(Path directory, int count, int okCount, int ngCount, int faintScratches,
                             long bytesWritten, double seconds) {

    public double imagesPerSecond() {
        return count / Math.max(1e-9, seconds);
    }
}
