package org.fr3workbench.store;

/** A change or a read of an open assessment file failed (disk full, I/O error, damaged file). */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
