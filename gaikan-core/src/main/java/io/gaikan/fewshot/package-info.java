/**
 * Few-shot classification heads on frozen pretrained features: pooled multi-stage features ({@link
 * io.gaikan.fewshot.PooledFeatures}), class prototypes, L2-regularised logistic regression, test-time flips,
 * transductive refinement and {@code --method auto}, which picks among them by images per class. Plugged in through
 * {@link io.gaikan.train.FitMethod}, so a few-shot run has the same run directory, eval, predict and Java API as a
 * trained network.
 */
package io.gaikan.fewshot;
