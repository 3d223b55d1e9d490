package io.gaikan.baseline;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gaikan.text.JsonNumbers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** JSON files of the baseline run, numbers by {@link JsonNumbers}' rule. */
final class Json {

    private static final ObjectMapper MAPPER = JsonNumbers.mapper().build();

    private Json() {
    }

    static void write(Path file, Object value) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            MAPPER.writeValue(file.toFile(), value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static <T> T read(Path file, Class<T> type) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        try {
            return MAPPER.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + type.getSimpleName() + " from " + file + ": "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }
}
