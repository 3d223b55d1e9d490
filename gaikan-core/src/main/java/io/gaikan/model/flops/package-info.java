/** Analytic cost of a forward pass (multiply-adds per image), computed from layer shapes without running the model. */
package io.gaikan.model.flops;
