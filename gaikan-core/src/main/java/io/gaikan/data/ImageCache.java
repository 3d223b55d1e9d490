package io.gaikan.data;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decoded images kept in memory up to a byte budget, so small datasets are decoded once rather than every epoch.
 * Past the budget images are decoded on each use.
 */
public final class ImageCache {

    private final ConcurrentHashMap<Path, FloatImage> images = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final long budgetBytes;

    public ImageCache(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    public FloatImage get(Path path) {
        FloatImage cached = images.get(path);
        if (cached != null) {
            return cached;
        }
        FloatImage decoded = ImageDecoder.readFloat(path);
        long size = 4L * decoded.data().length;
        if (bytes.addAndGet(size) <= budgetBytes) {
            images.putIfAbsent(path, decoded);
        } else {
            bytes.addAndGet(-size);
        }
        return decoded;
    }
}
