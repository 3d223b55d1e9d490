/**
 * Weights: safetensors read/write, loading by timm name (with torchvision aliases and head re-initialisation),
 * saving models as timm-named safetensors, and resolving {@code --init imagenet} to a local file.
 */
package io.gaikan.model.weights;
