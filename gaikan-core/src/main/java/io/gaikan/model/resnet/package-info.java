/** ResNet-18/34/50/101/152 (v1.5, torchvision/timm structure and parameter names). */
package io.gaikan.model.resnet;
