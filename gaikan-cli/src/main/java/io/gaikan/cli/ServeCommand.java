package io.gaikan.cli;

import io.gaikan.eval.ReviewBand;
import io.gaikan.model.ModelRegistry;
import io.gaikan.serve.ServeSettings;
import io.gaikan.serve.Server;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code gaikan serve}: a trained run behind an HTTP API and a web page, until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve a trained run: POST /v1/classify, GET /v1/model, GET /healthz and a web page at /.")
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--run", required = true, description = "run directory of 'gaikan train' (any method)")
    Path run;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on (default: this machine only)")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "port (0 = any free port)")
    int port;

    @Option(names = "--token-file", description = "require 'Authorization: Bearer TOKEN' on every request, TOKEN being "
            + "this file's content")
    Path tokenFile;

    @Option(names = "--defect-threshold", description = "default threshold of the verdicts (a request's 'threshold' "
            + "parameter overrides it); default: by the most probable class, as predict")
    Double defectThreshold;

    @Option(names = "--review-band", paramLabel = "LOW,HIGH", description = "default three-way verdicts: OK below LOW, "
            + "NG from HIGH on, REVIEW between (a request's 'review_band' parameter overrides it)")
    String reviewBand;

    @Option(names = "--max-request-mb", defaultValue = "16", description = "largest request body in MB")
    int maxRequestMb;

    @Option(names = "--max-megapixels", defaultValue = "25", description = "largest image, in megapixels")
    double maxMegapixels;

    @Option(names = "--max-images", defaultValue = "64", description = "most images in one request")
    int maxImages;

    @Option(names = "--batch-size", defaultValue = "16", description = "images of concurrent requests run together")
    int batchSize;

    @Option(names = "--batch-wait-ms", defaultValue = "5", description = "how long a batch waits for more requests")
    int batchWaitMs;

    @Option(names = "--threads", defaultValue = "2", description = "image decoding threads")
    int threads;

    @Override
    public Integer call() throws Exception {
        ThreadCount.check(threads);
        String token = null;
        if (tokenFile != null) {
            if (!Files.isRegularFile(tokenFile)) {
                throw new IllegalArgumentException("--token-file " + tokenFile + " does not exist");
            }
            token = Files.readString(tokenFile).trim();
        }
        ServeSettings settings = ServeSettings.builder(run).host(host).port(port).token(token)
                .defectThreshold(defectThreshold).reviewBand(reviewBand == null ? null : ReviewBand.parse(reviewBand))
                .maxRequestBytes((long) maxRequestMb << 20).maxPixels(Math.round(maxMegapixels * 1e6)).maxImages(maxImages)
                .batching(batchSize, batchWaitMs).threads(threads).build();
        if (token == null && !InetAddress.getByName(host).isLoopbackAddress()) {
            System.err.println("warning: serving on " + host + " without --token-file: anyone who reaches it can use the model");
        }
        Server server = Server.start(settings, ModelRegistry.defaults());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        System.out.println("serving " + run + " on http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + server.port() + "/ (Ctrl-C stops)");
        stopped.await();
        return 0;
    }
}
