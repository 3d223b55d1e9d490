/** The lab's two-input model: whole image resized + centre crop, two branches, joined feature maps (seed 000). */
package io.gaikan.model.dual;
