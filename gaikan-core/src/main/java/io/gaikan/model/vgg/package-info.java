/** VGG-16/19 with and without BatchNorm, timm structure (ConvMlp pre-logits) and names. */
package io.gaikan.model.vgg;
