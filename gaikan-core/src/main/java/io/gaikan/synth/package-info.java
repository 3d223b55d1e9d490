/**
 * Synthetic (CG) defect images with domain randomisation, after seed 001: a ground metal surface built from many
 * thin cylinders (grinding marks), scratches carved into it as cylinders joined by spheres, a per-pixel height field
 * computed analytically from that geometry, and a metallic shading model with randomised lights, material, texture
 * and camera. Pure Java (no DJL, no GPU); every image is a pure function of (seed, domain, index).
 *
 * <p>Entry points: {@link io.gaikan.synth.SynthConfig} (what to render), {@link io.gaikan.synth.Synthesizer#render}
 * (one image in memory with its labels, height field and scratch mask) and
 * {@link io.gaikan.synth.Synthesizer#writeDataset} (an ImageFolder tree with labels.csv, sheet.png and OBJ meshes).
 */
package io.gaikan.synth;
