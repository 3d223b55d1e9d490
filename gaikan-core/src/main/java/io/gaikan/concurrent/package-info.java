/** Thread pools made one way ({@link io.gaikan.concurrent.ThreadPools}); imports nothing of Gaikan. */
package io.gaikan.concurrent;
