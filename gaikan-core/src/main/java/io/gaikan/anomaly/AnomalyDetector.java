package io.gaikan.anomaly;

import ai.djl.ndarray.NDManager;
import io.gaikan.data.Sample;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A detector fitted on normal images: an anomaly score and map for any image, and its own files in the run directory. */
interface AnomalyDetector extends AutoCloseable {

    AnomalyScores score(List<Sample> samples, NDManager manager, int threads, PrintStream out, boolean quiet);

    /** Saves what {@link AnomalyMethod#loadDetector} reads back. */
    void save(Path runDir) throws IOException;

    /** Sizes worth recording (memory bank size, feature dimensions), for run summaries and benchmarks. */
    Map<String, Long> sizes();

    @Override
    void close();
}
