/**
 * Training-time augmentation in pure Java on planar CHW float images ({@link io.gaikan.data.FloatImage}, values in
 * [0, 1] until normalised), seeded and thread-safe.
 *
 * <p>Entry points: {@link io.gaikan.augment.Pipeline} (the one-line grammar, parse/print, apply with a seed),
 * {@link io.gaikan.augment.Pipelines} (eval pipeline and train presets), {@link io.gaikan.augment.AugmentPreview}
 * (PNG contact sheets of augmented samples). Ops follow torchvision (resize, crops, flips, rotation, colour jitter),
 * albumentations (Cutout as CoarseDropout, RandomGridShuffle) and timm (RandAugment) semantics.
 */
package io.gaikan.augment;
