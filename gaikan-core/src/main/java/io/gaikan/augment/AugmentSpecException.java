package io.gaikan.augment;

/** A pipeline string that does not follow the {@link Pipeline} grammar; the message names the offending token. */
public final class AugmentSpecException extends IllegalArgumentException {

    private final String token;

    public AugmentSpecException(String token, String problem) {
        super("bad augmentation token '" + token + "': " + problem);
        this.token = token;
    }

    /** The token (one {@code ;}-separated step) that could not be parsed. */
    public String token() {
        return token;
    }
}
