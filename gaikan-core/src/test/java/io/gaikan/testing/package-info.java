/** Test support shared by all test packages. */
package io.gaikan.testing;
