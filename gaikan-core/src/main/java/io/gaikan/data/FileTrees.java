package io.gaikan.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing a file or a folder with everything in it, for outputs that are replaced on request. */
public final class FileTrees {

    private FileTrees() {
    }

    /** Deletes {@code root} and, if it is a folder, everything below it (deepest first); a failure names the path. */
    public static void delete(Path root) throws IOException {
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new IOException("cannot delete " + p + ": " + e.getMessage(), e);
                }
            }
        }
    }
}
