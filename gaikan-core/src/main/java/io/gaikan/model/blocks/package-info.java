/**
 * Building blocks shared by the zoo's families: conv-BN-activation, squeeze-excitation, depthwise-separable and
 * inverted-residual (MBConv) blocks, residual composition with stochastic depth. Parameter names follow timm.
 */
package io.gaikan.model.blocks;
