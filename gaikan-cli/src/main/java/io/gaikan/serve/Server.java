package io.gaikan.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gaikan.data.DataException;
import io.gaikan.data.FileTrees;
import io.gaikan.data.ImageDecoder;
import io.gaikan.eval.Classification;
import io.gaikan.eval.ReviewBand;
import io.gaikan.model.ModelRegistry;
import io.gaikan.report.HeatMaps;
import io.gaikan.train.RunScorer;
import io.gaikan.train.TrainedModel;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A run served over HTTP: {@code POST /v1/classify} (one image as the body, or several as multipart form fields),
 * {@code GET /v1/model}, {@code GET /healthz} and the page at {@code /}. Every answer is JSON, errors included
 * ({@code {"error": "..."}} with 400 for a bad request or image, 401 without the token, 413 above a size limit, 503
 * when the queue is full); no request can stop the server.
 */
public final class Server implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int HEAT_MAP_SIDE = 512;
    private static final Map<String, String> PAGE_FILES = Map.of("/", "index.html", "/app.js", "app.js", "/style.css", "style.css");

    private final ServeSettings settings;
    private final TrainedModel model;
    private final Batcher batcher;
    private final Path uploads;
    private final String modelJson;
    private final Javalin app;

    private Server(ServeSettings settings, TrainedModel model, Batcher batcher, Path uploads) throws IOException {
        this.settings = settings;
        this.model = model;
        this.batcher = batcher;
        this.uploads = uploads;
        this.modelJson = JSON.writeValueAsString(ModelDescription.of(model, settings));
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jetty.defaultHost = settings.host();
            config.http.maxRequestSize = settings.maxRequestBytes();
            config.jetty.multipartConfig.maxFileSize(settings.maxRequestBytes(), SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(settings.maxRequestBytes(), SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize((int) Math.min(Integer.MAX_VALUE, settings.maxRequestBytes()), SizeUnit.BYTES);
        });
        app.before(this::authorise);
        app.get("/healthz", ctx -> json(ctx, 200, JSON.createObjectNode().put("status", "ok")));
        app.get("/v1/model", ctx -> ctx.contentType("application/json").result(modelJson));
        app.post("/v1/classify", this::classify);
        PAGE_FILES.forEach((path, file) -> app.get(path, ctx -> page(ctx, file)));
        app.exception(HttpError.class, (e, ctx) -> error(ctx, e.status, e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> error(ctx, statusOf(e), messageOf(e)));
        app.error(404, ctx -> {
            if (!"application/json".equals(ctx.res().getContentType())) {
                error(ctx, 404, "no such endpoint: " + ctx.method() + " " + ctx.path());
            }
        });
    }

    /** Loads the run and starts serving; {@link #port()} says where (port 0 picks a free one). */
    public static Server start(ServeSettings settings, ModelRegistry registry) throws IOException {
        TrainedModel model = TrainedModel.load(settings.run(), registry);
        Batcher batcher = null;
        Path uploads = null;
        try {
            batcher = new Batcher(model, settings.batchSize(), settings.batchWaitMillis(), settings.threads(), 256);
            uploads = Files.createTempDirectory("gaikan-serve");
            Server server = new Server(settings, model, batcher, uploads);
            server.app.start(settings.host(), settings.port());
            return server;
        } catch (IOException | RuntimeException e) {
            if (batcher != null) {
                batcher.close();
            }
            model.close();
            if (uploads != null) {
                FileTrees.delete(uploads);
            }
            throw e;
        }
    }

    public int port() {
        return app.port();
    }

    public ServeSettings settings() {
        return settings;
    }

    /** An error the client caused, with its HTTP status. */
    static final class HttpError extends RuntimeException {
        final int status;

        HttpError(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private void authorise(Context ctx) {
        if (settings.token() == null) {
            return;
        }
        String header = ctx.header("Authorization");
        String given = header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : ctx.queryParam("token");
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                settings.token().getBytes(StandardCharsets.UTF_8))) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new HttpError(401, "missing or wrong token: send 'Authorization: Bearer TOKEN' (or ?token=TOKEN)");
        }
    }

    private void classify(Context ctx) throws Exception {
        if (ctx.contentLength() > settings.maxRequestBytes()) {
            throw new HttpError(413, "request of " + ctx.contentLength() + " bytes is above the limit of "
                    + settings.maxRequestBytes() + " bytes");
        }
        Double threshold = settings.defectThreshold();
        if (ctx.queryParam("threshold") != null) {
            threshold = parseThreshold(ctx.queryParam("threshold"));
        }
        ReviewBand band = settings.reviewBand();
        if (ctx.queryParam("review_band") != null) {
            band = ReviewBand.parse(ctx.queryParam("review_band"));
        }
        boolean heatMaps = isTrue(ctx.queryParam("heatmap"));
        List<Upload> images = uploads(ctx);
        if ((threshold != null || band != null) && model.info().normalClasses().isEmpty()) {
            throw new HttpError(400, "this run has no normal classes, so no defect score to put a threshold on");
        }
        List<Path> files = new ArrayList<>();
        try {
            for (Upload u : images) {
                Path file = uploads.resolve(UUID.randomUUID() + ".img");
                Files.write(file, u.bytes());
                files.add(file);
            }
            List<Batcher.Answer> answers = await(batcher.submit(files, heatMaps));
            ObjectNode out = JSON.createObjectNode();
            if (threshold == null) {
                out.putNull("threshold");
            } else {
                out.put("threshold", threshold);
            }
            if (band == null) {
                out.putNull("review_band");
            } else {
                out.putArray("review_band").add(band.low()).add(band.high());
            }
            ArrayNode results = out.putArray("results");
            for (int i = 0; i < images.size(); i++) {
                results.add(result(images.get(i), answers.get(i), threshold, band));
            }
            json(ctx, 200, out);
        } finally {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
    }

    private record Upload(String name, byte[] bytes, BufferedImage image) {
    }

    /** The request's images, each decoded once here so that a bad one is refused before it reaches a batch. */
    private List<Upload> uploads(Context ctx) throws IOException {
        List<Upload> out = new ArrayList<>();
        String type = ctx.contentType();
        if (type != null && type.toLowerCase().startsWith("multipart/form-data")) {
            List<UploadedFile> files;
            try {
                files = ctx.uploadedFiles();
            } catch (RuntimeException e) {
                throw new HttpError(statusOf(e) == 413 ? 413 : 400, "cannot read the multipart body: " + messageOf(e));
            }
            if (files.size() > settings.maxImages()) {
                throw new HttpError(400, files.size() + " images in one request, more than the limit of " + settings.maxImages());
            }
            for (UploadedFile f : files) {
                try (InputStream in = f.content()) {
                    String name = f.filename() == null || f.filename().isBlank() ? "image" + (out.size() + 1) : f.filename();
                    out.add(decoded(name, in.readAllBytes()));
                }
            }
        } else {
            String name = ctx.queryParam("name") != null ? ctx.queryParam("name") : "image";
            out.add(decoded(name, ctx.bodyAsBytes()));
        }
        if (out.isEmpty()) {
            throw new HttpError(400, "no image in the request: send one as the body, or several as multipart file fields");
        }
        return out;
    }

    private Upload decoded(String name, byte[] bytes) {
        if (bytes.length == 0) {
            throw new HttpError(400, "image " + name + " is empty");
        }
        try {
            return new Upload(name, bytes, ImageDecoder.decode(bytes, Path.of(name.replaceAll("[/\\\\]", "_")), settings.maxPixels()));
        } catch (DataException e) {
            throw new HttpError(400, e.getMessage());
        }
    }

    private ObjectNode result(Upload upload, Batcher.Answer answer, Double threshold, ReviewBand band) throws IOException {
        Classification c = answer.classification();
        ObjectNode r = JSON.createObjectNode();
        r.put("name", upload.name());
        r.put("label", c.label());
        r.put("probability", c.probability());
        ObjectNode probabilities = r.putObject("probabilities");
        c.tasks().get(0).probabilities().forEach(probabilities::put);
        if (c.tasks().size() > 1) {
            ArrayNode tasks = r.putArray("tasks");
            for (Classification.TaskLabel t : c.tasks().subList(1, c.tasks().size())) {
                ObjectNode task = tasks.addObject().put("task", t.task()).put("label", t.label()).put("probability", t.probability());
                t.probabilities().forEach(task.putObject("probabilities")::put);
            }
        }
        if (c.defect().isPresent()) {
            r.put("defect_score", c.defectScore());
            r.put("verdict", band != null ? band.verdict(c.defectScore()).name()
                    : threshold != null ? (c.defectScore() >= threshold ? "NG" : "OK")
                    : c.defect().get() ? "NG" : "OK");
        }
        if (answer.heatMap() != null) {
            r.put("heatmap_png", Base64.getEncoder().encodeToString(heatMapPng(upload.image(), answer.heatMap())));
        }
        return r;
    }

    private static byte[] heatMapPng(BufferedImage image, RunScorer.HeatMap map) throws IOException {
        BufferedImage base = image;
        int side = Math.max(image.getWidth(), image.getHeight());
        if (side > HEAT_MAP_SIDE) {
            double f = HEAT_MAP_SIDE / (double) side;
            base = new BufferedImage(Math.max(1, (int) Math.round(image.getWidth() * f)),
                    Math.max(1, (int) Math.round(image.getHeight() * f)), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = base.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, base.getWidth(), base.getHeight(), null);
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(HeatMaps.overlay(base, map.values(), map.low(), map.high(), 0.55), "png", png);
        return png.toByteArray();
    }

    private static List<Batcher.Answer> await(java.util.concurrent.CompletableFuture<List<Batcher.Answer>> answers)
            throws InterruptedException {
        try {
            return answers.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Batcher.BusyException busy) {
                throw new HttpError(503, busy.getMessage());
            }
            if (cause instanceof UnsupportedOperationException unsupported) {
                throw new HttpError(400, "heatmap: " + unsupported.getMessage());
            }
            throw new CompletionException(cause);
        }
    }

    private static Double parseThreshold(String text) {
        try {
            double t = Double.parseDouble(text);
            if (t >= 0 && t <= 1) {
                return t;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new HttpError(400, "threshold must be a defect score in [0, 1], got '" + text + "'");
    }

    private static boolean isTrue(String flag) {
        return flag != null && (flag.equals("1") || flag.equalsIgnoreCase("true") || flag.equalsIgnoreCase("yes"));
    }

    private static void page(Context ctx, String file) throws IOException {
        try (InputStream in = Server.class.getResourceAsStream("web/" + file)) {
            if (in == null) {
                throw new HttpError(404, "page file " + file + " missing from the jar");
            }
            ctx.contentType(file.endsWith(".js") ? "text/javascript; charset=utf-8"
                    : file.endsWith(".css") ? "text/css; charset=utf-8" : "text/html; charset=utf-8");
            ctx.result(in.readAllBytes());
        }
    }

    private static int statusOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpError h) {
                return h.status;
            }
            if (t instanceof io.javalin.http.HttpResponseException h) {
                return h.getStatus();
            }
            if (t instanceof IllegalArgumentException || t instanceof DataException) {
                return 400;
            }
            if (t.getMessage() != null && (t.getMessage().contains("exceeds") || t.getMessage().contains("too large"))) {
                return 413;
            }
        }
        return 500;
    }

    private static String messageOf(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException || t instanceof UncheckedIOException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }

    private static void error(Context ctx, int status, String message) {
        json(ctx, status, JSON.createObjectNode().put("error", message).put("status", status));
    }

    private static void json(Context ctx, int status, ObjectNode body) {
        try {
            ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops serving, finishing the queued requests first. */
    @Override
    public void close() {
        app.stop();
        batcher.close();
        model.close();
        try {
            FileTrees.delete(uploads);
        } catch (IOException e) {
            System.err.println("could not delete " + uploads + ": " + e.getMessage());
        }
    }
}
