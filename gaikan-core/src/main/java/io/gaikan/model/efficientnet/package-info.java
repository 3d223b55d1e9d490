/** MobileNetV2 and EfficientNet-B0..B7 from one arch-definition builder (timm's EfficientNet class). */
package io.gaikan.model.efficientnet;
