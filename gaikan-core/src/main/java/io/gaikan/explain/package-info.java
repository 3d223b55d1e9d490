/**
 * Where a classifier looked: Grad-CAM on the last feature maps of any {@link io.gaikan.model.ImageClassifier}
 * ({@link io.gaikan.explain.GradCam}) and occlusion sensitivity ({@link io.gaikan.explain.Occlusion}), a
 * gradient-free check of it, both explaining one {@link io.gaikan.explain.CamTarget}: a class, or the defect classes
 * together. Maps come back as plain arrays; drawing them is {@code io.gaikan.report.HeatMaps}'s job.
 */
package io.gaikan.explain;
