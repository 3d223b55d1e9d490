/**
 * {@code gaikan serve}: a trained run (any method that {@link io.gaikan.train.TrainedModel} loads) behind an HTTP API
 * and a web page, on Javalin. Concurrent requests are grouped into one model call ({@link io.gaikan.serve.Batcher});
 * the page is static files from the jar.
 */
package io.gaikan.serve;
