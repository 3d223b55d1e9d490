package io.gaikan.baseline;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything a fitted baseline needs to judge new images; written as {@code params.json} and reusable on other test
 * sets. Exactly one of {@code rule} (two classes, one of them normal) and {@code classifier} (any other class set)
 * is present.
 *
 * @param method           what this baseline is, in words, so a results table can label its row
 * @param workingSize      longest image side, pixels, images are shrunk to before processing
 * @param preprocessing    the chosen DoG sigmas, binarisation and clean-up
 * @param trainingAccuracy accuracy on the training images with these parameters
 */
public record BaselineParams(
        Mode mode,
        String method,
        int workingSize,
        List<String> classes,
        List<String> normalClasses,
        Preprocessing preprocessing,
        Rule rule,
        NearestCentroid classifier,
        double trainingAccuracy) {

    public enum Mode {
        /** OK/NG: NG when any region passes the thresholds. */
        REGION_RULE,
        /** Multi-class: nearest centroid over per-image region statistics. */
        REGION_FEATURE_CLASSIFIER
    }

    static final String RULE_METHOD = "classical DoG + binarisation + labelling, NG if any region passes the thresholds";
    static final String CLASSIFIER_METHOD = "classical region-feature classifier (nearest centroid over standardised "
            + "per-image region statistics of the DoG/binarisation/labelling pipeline)";

    /**
     * @param normalClass index of the OK class, predicted when no region passes
     * @param defectClass index of the NG class, predicted when a region passes
     */
    public record Rule(RegionThresholds thresholds, int normalClass, int defectClass) {
    }

    public BaselineParams {
        if (mode == null || preprocessing == null || classes == null || normalClasses == null) {
            throw new IllegalArgumentException("baseline parameters incomplete: mode, preprocessing, classes and normalClasses are required");
        }
        if ((mode == Mode.REGION_RULE) != (rule != null) || (mode == Mode.REGION_FEATURE_CLASSIFIER) != (classifier != null)) {
            throw new IllegalArgumentException("baseline parameters of mode " + mode + " need exactly the matching rule or classifier block");
        }
        if (workingSize <= 0) {
            throw new IllegalArgumentException("baseline working size must be positive, got " + workingSize);
        }
        classes = List.copyOf(classes);
        normalClasses = List.copyOf(normalClasses);
    }

    public void save(Path file) {
        Json.write(file, this);
    }

    public static BaselineParams load(Path file) {
        return Json.read(file, BaselineParams.class);
    }
}
