/** The lab's conventional VGG-style branch with skip connections and squeeze-and-excitation (seed 000). */
package io.gaikan.model.vggse;
