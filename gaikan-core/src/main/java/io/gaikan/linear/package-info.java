/**
 * Small convex solvers in plain Java, below every package that fits a linear layer: L-BFGS and L2-regularised
 * softmax (multinomial logistic) regression, used by the few-shot heads and by the linear probe that starts a
 * fine-tuning run.
 */
package io.gaikan.linear;
