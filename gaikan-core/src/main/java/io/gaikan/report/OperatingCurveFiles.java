package io.gaikan.report;

import io.gaikan.eval.ClassificationMetrics;
import io.gaikan.eval.OperatingCurve;
import io.gaikan.eval.Predictions;
import io.gaikan.text.Csv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/** {@code operating-curve.png} and {@code operating-curve.csv} of a run's test or evaluation images. */
public final class OperatingCurveFiles {

    public static final String CSV = "operating-curve.csv";
    public static final String PNG = "operating-curve.png";

    private OperatingCurveFiles() {
    }

    /**
     * Writes both files for the main task when the run has normal classes and the images hold both groups, marking
     * {@code chosenThreshold} (null for none); returns the curve, or null when there is none.
     */
    public static OperatingCurve write(Path dir, String title, ClassificationMetrics main, Predictions predictions,
                                       Double chosenThreshold) throws IOException {
        if (Double.isNaN(main.missRate()) || Double.isNaN(main.overDetectionRate())) {
            return null;
        }
        OperatingCurve curve = OperatingCurve.ofMainTask(predictions, main.classes(), Set.copyOf(main.normalClasses()));
        Csv.write(dir.resolve(CSV), OperatingCurve.CSV_HEADER, curve.csvRows());
        Charts.operatingCurve(curve, chosenThreshold == null ? null : curve.at(chosenThreshold), title,
                dir.resolve(PNG));
        return curve;
    }
}
