package org.fr3workbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.fr3workbench.domain.HostKeyPin;

/** {@link HostKeyPins} in the assessment file. */
final class HostKeyPinStore implements HostKeyPins {

    private static final String COLUMNS = "host, port, key_type, fingerprint, actor, pinned_at";

    private final StoreContext context;

    HostKeyPinStore(StoreContext context) {
        this.context = context;
    }

    @Override
    public Optional<HostKeyPin> find(String host, int port) {
        return context.read(c -> query(c, "SELECT " + COLUMNS + " FROM host_key_pin WHERE host = ? AND port = ?", host, port)
                .stream().findFirst());
    }

    @Override
    public List<HostKeyPin> all() {
        return context.read(c -> query(c, "SELECT " + COLUMNS + " FROM host_key_pin ORDER BY host, port"));
    }

    @Override
    public HostKeyPin pin(String host, int port, String keyType, String fingerprint, String actor) {
        HostKeyPin checked = new HostKeyPin(host, port, keyType, fingerprint, "check", java.time.Instant.EPOCH);
        return context.change(actor, tx -> {
            try (PreparedStatement upsert = tx.prepare("INSERT OR REPLACE INTO host_key_pin (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?)")) {
                upsert.setString(1, checked.host());
                upsert.setInt(2, checked.port());
                upsert.setString(3, checked.keyType());
                upsert.setString(4, checked.fingerprint());
                upsert.setString(5, tx.actor());
                upsert.setString(6, tx.nowText());
                upsert.executeUpdate();
            }
            tx.journal(JournalAction.HOSTKEY_PIN, checked.host() + ":" + checked.port(), new Details()
                    .put("host", checked.host()).put("port", checked.port()).put("key_type", checked.keyType())
                    .put("fingerprint", checked.fingerprint()), null);
            return new HostKeyPin(checked.host(), checked.port(), checked.keyType(), checked.fingerprint(), tx.actor(),
                    tx.nowMillis());
        });
    }

    private static List<HostKeyPin> query(Connection c, String sql, Object... parameters) throws SQLException {
        return Rows.list(c, sql, rs -> new HostKeyPin(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                rs.getString(5), Times.parse(rs.getString(6))), parameters);
    }
}
