package io.gaikan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.gaikan.data.ImageFolder;
import io.gaikan.eval.Classification;
import io.gaikan.model.ModelRegistry;
import io.gaikan.serve.ServeSettings;
import io.gaikan.serve.Server;
import io.gaikan.train.TrainedModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.gaikan.cli.ServeFixture.Response;
import static io.gaikan.cli.ServeFixture.get;
import static io.gaikan.cli.ServeFixture.postBody;
import static io.gaikan.cli.ServeFixture.postFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code gaikan serve} against a server on a free loopback port. */
class ServeTest {

    private static final long MAX_BYTES = 256 << 10;

    @TempDir
    static Path dir;
    static Path run;
    static List<Path> images;
    static Map<Path, Classification> expected = new HashMap<>();
    static Server server;
    static String url;

    @BeforeAll
    static void start() throws Exception {
        run = ServeFixture.trainedRun(dir);
        images = ImageFolder.images(dir.resolve("data"));
        try (TrainedModel model = TrainedModel.load(run, ModelRegistry.defaults())) {
            List<Classification> all = model.classify(images, 2);
            for (int i = 0; i < images.size(); i++) {
                expected.put(images.get(i), all.get(i));
            }
        }
        server = Server.start(ServeSettings.builder(run).port(0).maxRequestBytes(MAX_BYTES).maxPixels(10_000)
                .maxImages(32).batching(8, 5).build(), ModelRegistry.defaults());
        url = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void describesTheRunAndIsHealthy() throws Exception {
        assertEquals("ok", get(url + "/healthz").body().get("status").asText());
        JsonNode model = get(url + "/v1/model").body();
        assertEquals("[\"ng\",\"ok\"]", model.get("classes").toString());
        assertEquals("[\"ok\"]", model.get("normal_classes").toString());
        assertEquals(24, model.get("input_size").asInt());
        assertTrue(model.get("operating_curve").size() > 1, "the run's test curve: " + model);
        assertEquals(run.resolve("metrics.json").toFile().exists(), model.get("metrics").has("accuracy"));
        Response missing = get(url + "/v2/nothing");
        assertEquals(404, missing.status());
        assertTrue(missing.body().get("error").asText().contains("/v2/nothing"));
    }

    /** The labels and probabilities of predict (the same API call) within 1e-5, one image per request or all in one. */
    @Test
    void classifiesAsPredictDoes() throws Exception {
        Response all = postFiles(url + "/v1/classify", images);
        assertEquals(200, all.status(), all.body().toString());
        assertEquals(images.size(), all.body().get("results").size());
        for (int i = 0; i < images.size(); i++) {
            assertSame(expected.get(images.get(i)), all.body().get("results").get(i));
        }
        Response one = postBody(url + "/v1/classify?name=x.png", Files.readAllBytes(images.get(3)));
        assertEquals("x.png", one.body().get("results").get(0).get("name").asText());
        assertSame(expected.get(images.get(3)), one.body().get("results").get(0));

        // and the command line's CSV (probabilities printed with 4 decimals)
        CliRun predict = CliRun.of("predict", "--run", run.toString(), images.get(3).toString());
        String[] row = predict.out().lines().filter(l -> l.startsWith(images.get(3).toString())).findFirst().orElseThrow().split(",");
        JsonNode r = one.body().get("results").get(0);
        assertEquals(row[1], r.get("label").asText());
        assertEquals(Double.parseDouble(row[2]), r.get("probability").asDouble(), 5.1e-5);
        assertEquals(row[3].equals("DEFECT") ? "NG" : "OK", r.get("verdict").asText());
    }

    private static void assertSame(Classification c, JsonNode r) {
        assertEquals(c.label(), r.get("label").asText());
        assertEquals(c.probability(), r.get("probability").asDouble(), 1e-5);
        c.tasks().get(0).probabilities().forEach((k, p) -> assertEquals(p, r.get("probabilities").get(k).asDouble(), 1e-5, k));
        assertEquals(c.defectScore(), r.get("defect_score").asDouble(), 1e-5);
        assertEquals(c.defect().orElseThrow() ? "NG" : "OK", r.get("verdict").asText());
    }

    @Test
    void thresholdsReviewBandsAndHeatMaps() throws Exception {
        Path image = images.get(0);
        double score = expected.get(image).defectScore();
        JsonNode low = postBody(url + "/v1/classify?threshold=0", Files.readAllBytes(image)).body();
        assertEquals("NG", low.get("results").get(0).get("verdict").asText());
        assertEquals(0.0, low.get("threshold").asDouble());
        JsonNode band = postBody(url + "/v1/classify?review_band=" + Math.max(0, score - 0.01) + "," + Math.min(1, score + 0.01),
                Files.readAllBytes(image)).body();
        assertEquals("REVIEW", band.get("results").get(0).get("verdict").asText(), band.toString());
        JsonNode mapped = postFiles(url + "/v1/classify?heatmap=1", images.subList(0, 2)).body();
        for (JsonNode r : mapped.get("results")) {
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(r.get("heatmap_png").asText())));
            assertEquals(24, png.getWidth(), "the heat map is drawn over the image, at its size");
        }
    }

    @Test
    void badRequestsGetAJsonErrorAndTheServerKeepsServing() throws Exception {
        byte[] good = Files.readAllBytes(images.get(0));
        assertError(postBody(url + "/v1/classify", "not an image".getBytes()), 400, "not a readable image");
        assertError(postBody(url + "/v1/classify?name=cut.png", Arrays.copyOf(good, good.length / 2)), 400, "cut.png");
        assertError(postBody(url + "/v1/classify", new byte[0]), 400, "empty");
        assertError(postBody(url + "/v1/classify?threshold=2", good), 400, "threshold");
        assertError(postBody(url + "/v1/classify?review_band=0.9,0.1", good), 400, "review-band");
        assertError(postBody(url + "/v1/classify?name=big.png", png(200, 200)), 400, "megapixels");
        assertError(postBody(url + "/v1/classify", new byte[(int) MAX_BYTES + 1]), 413, "limit");
        List<Path> many = new ArrayList<>();
        for (int i = 0; i < 33; i++) {
            many.add(images.get(i % images.size()));
        }
        assertError(postFiles(url + "/v1/classify", many), 400, "limit of 32");
        Path huge = dir.resolve("huge.png");
        Files.write(huge, new byte[(int) MAX_BYTES + 10]);
        Response big = postFiles(url + "/v1/classify", List.of(huge));
        assertTrue(big.status() == 413 || big.status() == 400, big.toString());
        assertTrue(big.body().has("error"));
        // still serving, and correctly
        Response after = postBody(url + "/v1/classify", good);
        assertEquals(200, after.status());
        assertSame(expected.get(images.get(0)), after.body().get("results").get(0));
    }

    private static void assertError(Response r, int status, String part) {
        assertEquals(status, r.status(), r.body().toString());
        assertTrue(r.body().get("error").asText().contains(part), "'" + part + "' in " + r.body());
    }

    private static byte[] png(int w, int h) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    /** Many clients at once, some sending garbage: every good answer is right, every bad one a 400. */
    @Test
    void concurrentRequestsAreAllAnsweredCorrectly() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                int client = c;
                answers.add(clients.submit(() -> {
                    for (int k = 0; k < 6; k++) {
                        int i = (client * 6 + k) % images.size();
                        if (k == 5 && client % 2 == 0) {
                            Response bad = postBody(url + "/v1/classify", "garbage".getBytes());
                            assertEquals(400, bad.status());
                            continue;
                        }
                        Response r = k % 2 == 0 ? postBody(url + "/v1/classify", Files.readAllBytes(images.get(i)))
                                : postFiles(url + "/v1/classify", List.of(images.get(i), images.get((i + 1) % images.size())));
                        assertEquals(200, r.status(), r.body().toString());
                        assertSame(expected.get(images.get(i)), r.body().get("results").get(0));
                    }
                    return "done";
                }));
            }
            for (Future<String> f : answers) {
                assertEquals("done", f.get());
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aTokenIsRequiredOnEveryRequestWhenGiven() throws Exception {
        try (Server guarded = Server.start(ServeSettings.builder(run).port(0).token("s3cret").build(), ModelRegistry.defaults())) {
            String base = "http://127.0.0.1:" + guarded.port();
            assertError(get(base + "/healthz"), 401, "token");
            assertError(postBody(base + "/v1/classify", Files.readAllBytes(images.get(0))), 401, "token");
            assertError(get(base + "/v1/model", "Authorization", "Bearer wrong"), 401, "token");
            assertEquals(200, get(base + "/v1/model", "Authorization", "Bearer s3cret").status());
            assertEquals(200, get(base + "/healthz?token=s3cret").status());
            Response r = postBody(base + "/v1/classify", Files.readAllBytes(images.get(0)), "Authorization", "Bearer s3cret");
            assertEquals(200, r.status());
            assertNotNull(r.body().get("results"));
        }
    }
}
