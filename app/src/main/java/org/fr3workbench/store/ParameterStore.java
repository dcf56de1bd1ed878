package org.fr3workbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.fr3workbench.domain.ParameterValue;

/**
 * The procedure parameter values the assessor set for this assessment (device paths, accounts, the update image's
 * path on the assessor's machine ...): one current value per name, every change journalled. Never secrets: names
 * that say password, passphrase or secret are refused. Get it from {@link AssessmentStore#parameters()}.
 */
public final class ParameterStore {

    /** Longest value stored (a path or a one-line command). */
    public static final int MAX_VALUE = 4096;

    private static final String COLUMNS = "name, value, set_by, set_at";
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final List<String> SECRET_WORDS = List.of("password", "passphrase", "secret");

    private final StoreContext context;

    ParameterStore(StoreContext context) {
        this.context = context;
    }

    /**
     * Sets (or replaces) a parameter's value; one transaction with its journal entry. Setting the value it already
     * has changes nothing and writes no entry.
     *
     * @throws IllegalArgumentException for a malformed name, a name that looks like a secret, or a value with a line
     *                                  break, a NUL or more than {@value #MAX_VALUE} characters
     */
    public ParameterValue set(String name, String value, String actor) {
        String checked = requireName(name);
        requireValue(checked, value);
        Optional<ParameterValue> current = get(checked);
        if (current.isPresent() && current.get().value().equals(value)) {
            return current.get();
        }
        return context.change(actor, tx -> {
            try (PreparedStatement upsert = tx.prepare("INSERT OR REPLACE INTO parameter (" + COLUMNS + ") VALUES (?, ?, ?, ?)")) {
                upsert.setString(1, checked);
                upsert.setString(2, value);
                upsert.setString(3, tx.actor());
                upsert.setString(4, tx.nowText());
                upsert.executeUpdate();
            }
            tx.journal(JournalAction.PARAMETER_SET, subject(checked), new Details().put("name", checked).put("value", value),
                    null);
            return new ParameterValue(checked, value, tx.actor(), tx.nowMillis());
        });
    }

    /**
     * Removes the assessor's value, so that the procedure's default applies again; journalled. Clearing a parameter
     * without a value changes nothing.
     *
     * @return whether there was a value
     */
    public boolean clear(String name, String actor) {
        String checked = requireName(name);
        if (get(checked).isEmpty()) {
            return false;
        }
        return context.change(actor, tx -> {
            try (PreparedStatement delete = tx.prepare("DELETE FROM parameter WHERE name = ?")) {
                delete.setString(1, checked);
                delete.executeUpdate();
            }
            tx.journal(JournalAction.PARAMETER_CLEAR, subject(checked), new Details().put("name", checked), null);
            return true;
        });
    }

    public Optional<ParameterValue> get(String name) {
        return context.read(c -> query(c, "SELECT " + COLUMNS + " FROM parameter WHERE name = ?", name).stream().findFirst());
    }

    /** Every value set, by name. */
    public List<ParameterValue> all() {
        return context.read(c -> query(c, "SELECT " + COLUMNS + " FROM parameter ORDER BY name"));
    }

    /** Every value set, name to value, in name order (what the engine overlays on the procedures' defaults). */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        all().forEach(p -> values.put(p.name(), p.value()));
        return values;
    }

    static String subject(String name) {
        return "parameter " + name;
    }

    /** Checks a name: lower-case words joined by '-', and nothing that says it holds a secret. */
    public static String requireName(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.length() > 64) {
            throw new IllegalArgumentException("a parameter name is lower-case words joined by '-' (at most 64 characters), "
                    + "found '" + name + "'");
        }
        for (String word : SECRET_WORDS) {
            if (name.toLowerCase(Locale.ROOT).contains(word)) {
                throw new IllegalArgumentException("parameter '" + name + "' looks like a " + word
                        + ": secrets are never stored in the assessment file");
            }
        }
        return name;
    }

    private static void requireValue(String name, String value) {
        if (value == null) {
            throw new IllegalArgumentException("parameter '" + name + "' needs a value");
        }
        if (value.length() > MAX_VALUE) {
            throw new IllegalArgumentException("the value of parameter '" + name + "' is longer than " + MAX_VALUE
                    + " characters");
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("the value of parameter '" + name + "' must be one line without NUL characters");
        }
    }

    private static List<ParameterValue> query(Connection c, String sql, Object... parameters) throws SQLException {
        return Rows.list(c, sql, rs -> new ParameterValue(rs.getString(1), rs.getString(2), rs.getString(3),
                Times.parse(rs.getString(4))), parameters);
    }
}
