/** The model catalogue ({@code gaikan models}): size, cost and local weight availability of every registered model. */
package io.gaikan.model.summary;
