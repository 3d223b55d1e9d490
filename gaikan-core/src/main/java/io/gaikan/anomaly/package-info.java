/**
 * Anomaly detection learnt from normal (OK) images alone: PatchCore's memory bank of locally aware patch features of
 * a pretrained backbone, scored by the distance of each test patch to its nearest normal patch. A fitted detector is
 * a {@link io.gaikan.train.FitMethod} ({@code --method patchcore}), so it writes and serves the same run directory as
 * a classifier.
 */
package io.gaikan.anomaly;
