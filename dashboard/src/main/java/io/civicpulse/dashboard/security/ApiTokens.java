package io.civicpulse.dashboard.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tokens for the read-only KPI API ({@code Authorization: Bearer <token>}), created by an administrator for an
 * account and acting with that account's roles and departments. A token is 256 random bits, shown once when it is
 * created; only its SHA-256 hash is stored. A fast hash is enough here, unlike for passwords: nobody can guess
 * 256 random bits, so there is no dictionary to slow down, and each API call checks a token.
 */
@Service
public class ApiTokens {

    /** A token as listed: never its secret. */
    public record Token(long id, String username, String name, Instant createdAt, String createdBy,
            Instant lastUsedAt, Instant revokedAt) {

        public boolean revoked() {
            return revokedAt != null;
        }
    }

    /** A new token and its secret, which only this answer ever holds. */
    public record Created(Token token, String secret) {
    }

    static final String PREFIX = "cpk_";
    private static final int MAX_NAME = 100;

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    public ApiTokens(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Transactional
    public Created create(String username, String name) {
        UserAccounts.requireAdmin();
        String label = name == null ? "" : name.trim();
        if (label.isEmpty() || label.length() > MAX_NAME) {
            throw new InvalidAccountException("users.error.tokenName",
                    "A token needs a name of 1 to " + MAX_NAME + " characters, such as what uses it", MAX_NAME);
        }
        long users = jdbc.sql("SELECT COUNT(*) FROM users WHERE username = ?").param(username).query(Long.class)
                .single();
        if (users == 0) {
            throw new InvalidAccountException("users.error.unknown", "There is no account " + username, username);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String creator = Viewer.current().username();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO api_token (username, name, token_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?)")
                .params(username, label, hash(secret), now, creator).update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        return new Created(new Token(id, username, label, now.toInstant(), creator, null, null), secret);
    }

    /** The account's tokens, newest first, revoked ones included. */
    public List<Token> list(String username) {
        UserAccounts.requireAdmin();
        return jdbc.sql("SELECT id, username, name, created_at, created_by, last_used_at, revoked_at FROM api_token"
                        + " WHERE username = ? ORDER BY id")
                .param(username)
                .query((rs, i) -> new Token(rs.getLong(1), rs.getString(2), rs.getString(3),
                        instant(rs.getObject(4, OffsetDateTime.class)), rs.getString(5),
                        instant(rs.getObject(6, OffsetDateTime.class)), instant(rs.getObject(7, OffsetDateTime.class))))
                .list();
    }

    public void revoke(long id) {
        UserAccounts.requireAdmin();
        jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(OffsetDateTime.now(ZoneOffset.UTC), id).update();
    }

    /**
     * The account a token belongs to, when the token exists and is not revoked (whether the account is enabled is
     * for the caller to check when it loads the account). Records when it was last used.
     */
    public Optional<String> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String tokenHash = hash(secret);
        Optional<String> username = jdbc.sql("SELECT username FROM api_token WHERE token_hash = ?"
                        + " AND revoked_at IS NULL")
                .param(tokenHash).query(String.class).optional();
        username.ifPresent(u -> jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE token_hash = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC), tokenHash).update());
        return username;
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
