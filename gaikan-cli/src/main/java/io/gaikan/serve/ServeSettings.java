package io.gaikan.serve;

import io.gaikan.eval.ReviewBand;

import java.nio.file.Path;

/**
 * How {@code gaikan serve} runs.
 *
 * @param token           the bearer token every request must carry, or null for none
 * @param defectThreshold the default defect threshold of verdicts (null: by the most probable class, as predict)
 * @param reviewBand      the default review band (null: two verdicts)
 * @param maxRequestBytes largest request body accepted
 * @param maxPixels       largest image accepted, in pixels (checked from the header, before decoding)
 * @param maxImages       most images in one request
 * @param batchSize       images the batcher groups into one model call
 * @param batchWaitMillis how long the batcher waits for more requests after the first
 * @param threads         image decoding threads of a model call
 */
public record ServeSettings(Path run, String host, int port, String token, Double defectThreshold, ReviewBand reviewBand,
                            long maxRequestBytes, long maxPixels, int maxImages, int batchSize, int batchWaitMillis,
                            int threads) {

    public ServeSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0..65535 (0 = any free port), got " + port);
        }
        if (defectThreshold != null && !(defectThreshold >= 0 && defectThreshold <= 1)) {
            throw new IllegalArgumentException("--defect-threshold must be a defect score in [0, 1], got " + defectThreshold);
        }
        if (maxRequestBytes < 1 || maxPixels < 1 || maxImages < 1) {
            throw new IllegalArgumentException("request limits must be positive: --max-request-mb, --max-megapixels, --max-images");
        }
        if (token != null && token.isBlank()) {
            throw new IllegalArgumentException("the token file is empty");
        }
    }

    /** Loopback address, port 8080, no token, a 16 MB / 25 megapixel / 64 image limit, batches of 16 within 5 ms. */
    public static Builder builder(Path run) {
        return new Builder(run);
    }

    public static final class Builder {
        private final Path run;
        private String host = "127.0.0.1";
        private int port = 8080;
        private String token;
        private Double defectThreshold;
        private ReviewBand reviewBand;
        private long maxRequestBytes = 16L << 20;
        private long maxPixels = 25_000_000L;
        private int maxImages = 64;
        private int batchSize = 16;
        private int batchWaitMillis = 5;
        private int threads = 2;

        private Builder(Path run) {
            this.run = run;
        }

        public Builder host(String v) { host = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder token(String v) { token = v; return this; }
        public Builder defectThreshold(Double v) { defectThreshold = v; return this; }
        public Builder reviewBand(ReviewBand v) { reviewBand = v; return this; }
        public Builder maxRequestBytes(long v) { maxRequestBytes = v; return this; }
        public Builder maxPixels(long v) { maxPixels = v; return this; }
        public Builder maxImages(int v) { maxImages = v; return this; }
        public Builder batching(int size, int waitMillis) { batchSize = size; batchWaitMillis = waitMillis; return this; }
        public Builder threads(int v) { threads = v; return this; }

        public ServeSettings build() {
            return new ServeSettings(run, host, port, token, defectThreshold, reviewBand, maxRequestBytes, maxPixels,
                    maxImages, batchSize, batchWaitMillis, threads);
        }
    }
}
