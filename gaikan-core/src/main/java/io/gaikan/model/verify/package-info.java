/** Parity of Gaikan's models with timm, checked against the golden fixtures in ../shared/fixtures/parity. */
package io.gaikan.model.verify;
