/** Writing files so that a failure (a full disk, a kill) leaves the old file or none, never half of one. */
package io.gaikan.files;
