package io.modeltrust.security;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** API keys; env API_KEYS (comma-separated). */
@ConfigMapping(prefix = "api")
public interface ApiKeyConfig {

    /** Entries NAME:ROLE:SHA256HEX (ROLE read or write); none or empty: /api/** is open (a WARN says so at startup). */
    Optional<List<String>> keys();
}
