/**
 * Synthetic (CG) defect images with domain randomisation, after seed 001, in pure Java (no DJL, no GPU).
 *
 * <p><b>Geometry.</b> A ground metal surface is many thin cylinders (grinding marks) lying on a plane, around a
 * dominant direction with a random spread; on NG images 1..k scratches, each a polyline of cylinders joined by
 * spheres (random length, width, depth, curvature), are carved into it, with a low lip of displaced material. The
 * per-pixel height field is computed analytically from distances to the cylinder axes (what seed 001 read from a
 * depth buffer). Some images show the end / taper of the part instead of flat body: a rounded edge, a bevel, and a
 * dark or bright zone beyond the part. {@link io.gaikan.synth.ObjWriter} saves the height field as a triangle mesh.
 *
 * <p><b>Scene families.</b> Besides the ground metal ({@code grinding-scratch}, family "metal"), three families share
 * the imaging chain below: {@code cast} (rough sand-cast grain; pore, pit, blowhole, burr, chip), {@code strip}
 * (rolled steel with rolling streaks; scale, inclusion, patch, crazing, scratch, roll-mark) and {@code tile}
 * (dark ground ceramic; crack, break, fray, uneven, blowhole). Their defects come from the shared
 * {@link io.gaikan.synth.DefectPrimitives} (paths, blobs, fractures, depressions), whose footprints are the exact
 * defect mask; classes are the defect kinds. {@code families:cast,strip,...} mixes families per image
 * ({@link io.gaikan.synth.Scenes#mixtureName}) and adds the family column to labels.csv.
 *
 * <p><b>Imaging.</b> One of four named lighting setups (coaxial, ring, low-angle-left, dome) with 1-3 lights of
 * random direction, colour and intensity; a metal of random colour, roughness and reflectance kept metallic
 * (coloured specular, small diffuse); Blinn-Phong specular with Fresnel on normals from the height field; cavity
 * occlusion; albedo blotches; camera tilt (perspective) and scale; focus blur; automatic exposure to a random mean
 * brightness; vignetting; shot and read noise; 8-bit RGB or grey output.
 *
 * <p><b>Labels.</b> OK / NG, plus the auxiliary labels the scene knows for free: lighting setup and region
 * (body / edge), and every drawn parameter (labels.csv). An NG scratch is checked for visibility in the developed
 * image (contrast against its own surroundings, see {@link io.gaikan.synth.ScratchVisibility}) and made wider and
 * deeper when faint, so that NG labels are not label noise; the outcome is recorded (scratch_visible).
 *
 * <p><b>Domains.</b> {@link io.gaikan.synth.Domain#PRETRAIN} is the CG pretraining distribution;
 * {@link io.gaikan.synth.Domain#TARGET} draws from shifted ranges (warm-tinted metal, other lighting mix, thinner
 * scratches, more blur and noise) as a held-out stand-in for real images.
 *
 * <p><b>Reproducibility.</b> Image i is a pure function of (seed, domain, i): its own random generator, only
 * StrictMath for transcendental functions, and a deterministic PNG encoder, so a dataset is byte-identical for any
 * thread count.
 *
 * <p>Entry points: {@link io.gaikan.synth.SynthConfig} (what to render), {@link io.gaikan.synth.Synthesizer#render}
 * (one image in memory with its labels, height field and scratch mask) and
 * {@link io.gaikan.synth.Synthesizer#writeDataset} (an ImageFolder tree: ok/, ng/, labels.csv, sheet.png,
 * synth.properties, and OBJ meshes of the first N images).
 */
package io.gaikan.synth;
