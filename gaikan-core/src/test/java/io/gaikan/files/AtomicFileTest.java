package io.gaikan.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 15, case 10: a write that fails half way (a full disk) names the file and leaves the old one, no .tmp. */
class AtomicFileTest {

    @Test
    void aFailedWriteKeepsTheOldFileRemovesThePartOneAndNamesTheFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("model.safetensors");
        Files.writeString(target, "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(target, tmp -> {
            Files.writeString(tmp, "half of the new");
            throw new IOException("No space left on device");
        }));
        assertTrue(e.getMessage().contains(target.toString()) && e.getMessage().contains("No space left"), e.getMessage());
        assertEquals("old", Files.readString(target));
        assertFalse(Files.exists(dir.resolve("model.safetensors.tmp")));

        AtomicFile.write(target, tmp -> Files.writeString(tmp, "new"));
        assertEquals("new", Files.readString(target));
    }
}
