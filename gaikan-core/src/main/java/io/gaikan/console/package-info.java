/**
 * Console output of long work: progress bars with rate and ETA. Below every package that shows progress (data, train,
 * eval, anomaly), so none of them imports report for it.
 */
package io.gaikan.console;
