package io.gaikan.experiment;

/** A bad experiment config or output directory; the message names the file and the key, e.g. {@code x.yaml: axes.shots[2]: ...}. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
