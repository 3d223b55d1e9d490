package io.gaikan.data;

import io.gaikan.concurrent.ThreadPools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * One pass over every image before training: decodes it (so a corrupt file is found now, not mid-epoch) and hashes
 * its bytes (so exact duplicates can be kept on one side of a split).
 *
 * @param hashes SHA-256 of each readable image file
 * @param bad    unreadable files with the reason, in dataset order
 */
public record DataCheck(Map<Path, String> hashes, Map<Path, String> bad) {

    public static DataCheck run(Dataset data, int threads) {
        ExecutorService pool = ThreadPools.fixed(threads, "check");
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (Sample s : data.samples()) {
                futures.add(pool.submit(() -> check(s.path())));
            }
            Map<Path, String> hashes = new LinkedHashMap<>();
            Map<Path, String> bad = new LinkedHashMap<>();
            for (int i = 0; i < futures.size(); i++) {
                Path path = data.samples().get(i).path();
                try {
                    hashes.put(path, futures.get(i).get());
                } catch (ExecutionException e) {
                    bad.put(path, e.getCause().getMessage());
                }
            }
            return new DataCheck(hashes, bad);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking images", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The files of {@code images} that cannot be decoded, with the reason, in the given order. */
    public static Map<Path, String> unreadable(List<Path> images, int threads) {
        return run(new Dataset(Path.of(""), List.of("image"), images.stream().map(p -> new Sample(p, 0)).toList()),
                threads).bad();
    }

    private static String check(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        ImageDecoder.decode(bytes, path);
        return sha256(bytes);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one-line error for unreadable images: the first with its reason, how many more, and --skip-bad. */
    public static DataException unreadable(Map<Path, String> bad) {
        return new DataException(bad.values().iterator().next() + (bad.size() > 1 ? " (and " + (bad.size() - 1)
                + " more unreadable image(s); --skip-bad skips and lists them)" : " (--skip-bad skips it)"));
    }

    /** Fails with one line naming the bad file(s) unless {@code skipBad}; then returns the dataset without them. */
    public Dataset apply(Dataset data, boolean skipBad) {
        if (bad.isEmpty()) {
            return data;
        }
        if (!skipBad) {
            throw unreadable(bad);
        }
        return data.without(bad.keySet());
    }
}
