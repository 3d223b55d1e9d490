package io.gaikan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A small trained run to serve, and an HTTP client for the server tests. */
final class ServeFixture {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private ServeFixture() {
    }

    /** ok/ng noise images (24 px, 12 per class) and a ResNet-18 trained on them for two epochs at 24 px. */
    static Path trainedRun(Path dir) throws Exception {
        Path data = CliFixtures.okAndNg(dir.resolve("data"), 12, 3);
        Path run = dir.resolve("run");
        CliRun r = CliRun.of("train", "--data", data.toString(), "--normal-classes", "ok", "--size", "24", "--epochs", "2",
                "--out", run.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        return run;
    }

    record Response(int status, JsonNode body) {
    }

    static Response get(String url, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        return send(headers.length == 0 ? b : b.headers(headers));
    }

    static Response postBody(String url, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/octet-stream");
        return send(headers.length == 0 ? b : b.headers(headers));
    }

    static Response postFiles(String url, List<Path> files) throws Exception {
        String boundary = "gaikan-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Path f : files) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\""
                    + f.getParent().getFileName() + "/" + f.getFileName() + "\"\r\nContent-Type: image/png\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(Files.readAllBytes(f));
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary));
    }

    private static Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body;
        try {
            body = JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("status " + r.statusCode() + ", not JSON: " + r.body(), e);
        }
        return new Response(r.statusCode(), body);
    }
}
