package io.gaikan.data;

/** Bad input data: the message names the file, folder or row at fault and is meant for the user as one line. */
public class DataException extends RuntimeException {
    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
