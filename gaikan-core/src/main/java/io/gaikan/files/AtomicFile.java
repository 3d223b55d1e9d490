package io.gaikan.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file next to its final name ({@code NAME.tmp}) and moves it into place in one step, so that a reader sees
 * the old file or the new one. When writing fails (a full disk says only "No space left on device") the partial file
 * is deleted and the error names the file that could not be written.
 */
public final class AtomicFile {

    /** What writes the content into the temporary file. */
    public interface Writer {
        void write(Path tmp) throws IOException;
    }

    private AtomicFile() {
    }

    public static void write(Path target, Writer writer) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            writer.write(tmp);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
