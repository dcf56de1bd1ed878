package org.fr3workbench.device;

/** The device refused the credentials (wrong password, key not authorised, wrong passphrase). */
public class AuthenticationException extends DeviceException {

    public AuthenticationException(String message) {
        super(message);
    }

    public AuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
