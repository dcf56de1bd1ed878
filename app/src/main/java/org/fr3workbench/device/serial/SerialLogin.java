package org.fr3workbench.device.serial;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.fr3workbench.device.Secret;

/**
 * How to get a shell on the console.
 *
 * @param user     user name for a {@code login:} prompt; empty when the console already offers a shell
 * @param password password for a {@code Password:} prompt, if one is asked
 * @param timeout  how long logging in may take
 */
public record SerialLogin(Optional<String> user, Optional<Secret> password, Duration timeout) {

    public SerialLogin {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(timeout, "timeout");
        if (user.isPresent() && user.get().isBlank()) {
            throw new IllegalArgumentException("the login user name is blank");
        }
        if (user.isPresent() && (user.get().contains("\r") || user.get().contains("\n"))) {
            throw new IllegalArgumentException("the login user name contains a line break");
        }
    }

    /** Logs in as {@code user} with {@code password} (30 s limit). */
    public static SerialLogin as(String user, Secret password) {
        return new SerialLogin(Optional.of(user), Optional.of(password), Duration.ofSeconds(30));
    }

    /** A console that offers a shell without logging in (or where the assessor logged in by hand). */
    public static SerialLogin shellAlreadyOpen() {
        return new SerialLogin(Optional.empty(), Optional.empty(), Duration.ofSeconds(30));
    }

    /** The same login with an independent copy of the password. */
    SerialLogin duplicate() {
        return new SerialLogin(user, password.map(Secret::duplicate), timeout);
    }

    @Override
    public String toString() {
        return "SerialLogin[user=" + user.orElse("-") + ", password=" + (password.isPresent() ? "given" : "none") + "]";
    }
}
