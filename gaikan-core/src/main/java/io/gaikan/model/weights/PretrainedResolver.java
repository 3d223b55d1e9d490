package io.gaikan.model.weights;

import io.gaikan.model.ModelSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the ImageNet weights for {@code --init imagenet}, in order: an explicit file ({@code --weights}),
 * {@code $GAIKAN_WEIGHTS/<model>.safetensors} or {@code $GAIKAN_WEIGHTS/<model>.<tag>.safetensors}, the cache
 * {@code ~/.cache/gaikan/weights/<model>.safetensors}, and only when downloading is explicitly allowed, timm's
 * {@code model.safetensors} on the Hugging Face hub, downloaded into the cache. Never downloads by default.
 *
 * @param weightsDir    the {@code GAIKAN_WEIGHTS} directory, or null
 * @param cacheDir      the download cache
 * @param allowDownload whether the hub may be contacted
 * @param progress      where download progress goes
 */
public record PretrainedResolver(Path weightsDir, Path cacheDir, boolean allowDownload, PrintStream progress) {

    public static final String ENV = "GAIKAN_WEIGHTS";
    private static final String HUB = "https://huggingface.co/%s/resolve/main/model.safetensors";

    /** {@code GAIKAN_WEIGHTS} from the environment, the cache under the user's home, progress on stderr. */
    public static PretrainedResolver fromEnvironment(boolean allowDownload) {
        String env = System.getenv(ENV);
        Path dir = env == null || env.isBlank() ? null : Path.of(env);
        return new PretrainedResolver(dir, defaultCache(), allowDownload, System.err);
    }

    public static Path defaultCache() {
        return Path.of(System.getProperty("user.home"), ".cache", "gaikan", "weights");
    }

    /**
     * The weights file for {@code spec}.
     *
     * @param explicitFile {@code --weights FILE}, or null
     * @throws IllegalArgumentException when nothing is found (the message says where to put the file)
     */
    public Path resolve(ModelSpec spec, Path explicitFile) {
        if (explicitFile != null) {
            if (!Files.isRegularFile(explicitFile)) {
                throw new IllegalArgumentException("--weights " + explicitFile + ": no such file");
            }
            return explicitFile;
        }
        Optional<Path> local = findLocal(spec.weightsName());
        if (local.isPresent()) {
            return local.get();
        }
        if (allowDownload && spec.hubId() != null) {
            return download(spec);
        }
        throw new IllegalArgumentException(notFoundMessage(spec));
    }

    /** A local file for the model, without any network access (also what {@code gaikan models} reports). */
    public Optional<Path> findLocal(String model) {
        List<Path> candidates = new ArrayList<>();
        if (weightsDir != null) {
            candidates.add(weightsDir.resolve(model + ".safetensors"));
            candidates.addAll(tagged(weightsDir, model));
        }
        candidates.add(cacheDir.resolve(model + ".safetensors"));
        return candidates.stream().filter(Files::isRegularFile).findFirst();
    }

    /** {@code <model>.<anything>.safetensors}, sorted so the choice is reproducible. */
    private static List<Path> tagged(Path dir, String model) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, model + ".*.safetensors")) {
            files.forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        out.sort(null);
        return out;
    }

    private String notFoundMessage(ModelSpec spec) {
        String file = spec.weightsName() + ".safetensors";
        String where = (weightsDir != null ? weightsDir.resolve(file) + " ($" + ENV + ")"
                : "a folder named by $" + ENV + " as " + file) + " or " + cacheDir.resolve(file);
        String source = spec.hubId() == null
                ? "timm publishes none; use a timm-named safetensors file"
                : "get " + String.format(Locale.ROOT, HUB, spec.hubId());
        return "no ImageNet weights for " + spec.name() + " found locally" + (allowDownload ? "" : " (downloading is off)")
                + ": " + source + ", put it in " + where + ", or pass --weights FILE";
    }

    private Path download(ModelSpec spec) {
        Path target = cacheDir.resolve(spec.weightsName() + ".safetensors");
        String url = String.format(Locale.ROOT, HUB, spec.hubId());
        try {
            Files.createDirectories(cacheDir);
            Path partial = cacheDir.resolve(spec.weightsName() + ".safetensors.part");
            HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(20)).build();
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IllegalArgumentException("downloading " + url + " failed: HTTP " + response.statusCode());
            }
            long total = response.headers().firstValueAsLong("content-length").orElse(-1);
            try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(partial)) {
                copyWithProgress(in, out, total, spec.hubId());
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new IllegalArgumentException("downloading " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException("downloading " + url + " was interrupted", e);
        }
    }

    private void copyWithProgress(InputStream in, OutputStream out, long total, String what) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long done = 0;
        long lastShown = -1;
        for (int n; (n = in.read(buffer)) > 0; ) {
            out.write(buffer, 0, n);
            done += n;
            long mb = done >> 20;
            if (mb != lastShown) {
                lastShown = mb;
                String of = total > 0 ? String.format(Locale.ROOT, " / %d MB (%d%%)", total >> 20, 100 * done / total) : " MB";
                progress.printf(Locale.ROOT, "\rdownloading %s: %d%s", what, mb, of);
            }
        }
        progress.println();
    }
}
