/** Gaikan: defect-image classifiers from few images. Data flows data -> augment -> model -> train -> eval -> report. */
package io.gaikan;
