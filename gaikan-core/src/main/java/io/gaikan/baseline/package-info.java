/**
 * The classical image-processing baseline of seed 001: Difference-of-Gaussians filtering, binarisation,
 * morphological clean-up, connected-component labelling and a per-region decision ("NG if any region passes the
 * thresholds"), with sigmas, binarisation and thresholds fitted on the training images only. Multi-class data gets a
 * classical region-feature classifier (nearest centroid over per-image region statistics) so the baseline still
 * gives a row. Image processing is BoofCV; this package only measures regions and searches parameters.
 * Entry point: {@link io.gaikan.baseline.BaselineRun}.
 */
package io.gaikan.baseline;
