package io.modeltrust.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The configured API keys, held only as SHA-256 hashes: entries {@code NAME:ROLE:SHA256HEX}
 * (ROLE = read | write). The service never sees a key at rest, only the hash of what a client presents.
 * Error messages name an entry by position and name, never by its hash or anything that could be a key.
 */
public final class ApiKeyRing {

    /** Names end up in logs and audit trails: keep them plain. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern HASH = Pattern.compile("[0-9a-fA-F]{64}");
    static final String FORMAT = "NAME:ROLE:SHA256HEX (ROLE read or write)";

    private record Entry(ApiPrincipal principal, byte[] hash) {
    }

    private final List<Entry> entries;

    private ApiKeyRing(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** No keys: authentication is off. */
    public static ApiKeyRing empty() {
        return new ApiKeyRing(List.of());
    }

    /**
     * Parses the configured entries; blank ones (a trailing comma) are skipped.
     *
     * @throws IllegalArgumentException naming the first bad entry by position (and name when it has one)
     */
    public static ApiKeyRing parse(List<String> configured) {
        List<Entry> entries = new ArrayList<>();
        int position = 0;
        for (String raw : configured) {
            position++;
            String entry = raw == null ? "" : raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            String[] fields = entry.split(":", -1);
            // Nothing of a malformed entry is echoed: it may be a key pasted where its hash belongs.
            if (fields.length != 3) {
                throw invalid(position, null, "is not " + FORMAT + "; it has " + fields.length + " field(s) separated by ':'");
            }
            String name = fields[0].trim();
            if (!NAME.matcher(name).matches()) {
                throw invalid(position, null, "has a name that is not 1-64 letters, digits, '.', '_' or '-'");
            }
            Role role = Role.parse(fields[1].trim());
            if (role == null) {
                throw invalid(position, name, "has a role other than read or write");
            }
            String hash = fields[2].trim();
            if (!HASH.matcher(hash).matches()) {
                throw invalid(position, name, "does not end in the key's SHA-256 as 64 hex digits (never the key itself; "
                        + "deploy/local/api-key.sh prints a key and its entry)");
            }
            Entry parsed = new Entry(new ApiPrincipal(name, role), HexFormat.of().parseHex(hash.toLowerCase()));
            for (int i = 0; i < entries.size(); i++) {
                Entry other = entries.get(i);
                if (other.principal().name().equals(name)) {
                    throw invalid(position, name, "repeats the name of an earlier entry");
                }
                if (MessageDigest.isEqual(other.hash(), parsed.hash())) {
                    throw invalid(position, name, "has the same hash as entry '" + other.principal().name()
                            + "': one key would be two principals");
                }
            }
            entries.add(parsed);
        }
        return new ApiKeyRing(entries);
    }

    private static IllegalArgumentException invalid(int position, String name, String problem) {
        return new IllegalArgumentException("api.keys (API_KEYS) entry " + position + (name == null ? "" : " '" + name + "'")
                + " " + problem);
    }

    /** Whether any key is configured; without one the APIs are open. */
    public boolean enabled() {
        return !entries.isEmpty();
    }

    /** The principals (names and roles, no hashes), in configuration order. */
    public List<ApiPrincipal> principals() {
        return entries.stream().map(Entry::principal).toList();
    }

    /**
     * The principal a presented key belongs to. Its SHA-256 is compared with every configured hash in
     * constant time and without stopping at a match, so the answer's timing says nothing about which
     * entry (or how much of a hash) matched.
     */
    public Optional<ApiPrincipal> authenticate(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty()) {
            return Optional.empty();
        }
        byte[] digest = sha256(presentedKey);
        ApiPrincipal match = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(digest, entry.hash())) {
                match = entry.principal();
            }
        }
        return Optional.ofNullable(match);
    }

    /** The SHA-256 of a key's UTF-8 bytes, as the lower-case hex an entry holds. */
    public static String sha256Hex(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public String toString() { // what a log line may show: names and roles
        return principals().stream().map(p -> p.name() + " (" + p.role().label() + ")").toList().toString();
    }
}
