package io.modeltrust.security;

import java.util.Optional;

/** Decides one request: the role its method and path need ({@link AccessRule}) against the key it presents. */
public final class ApiGate {

    /** The outcome for one request. */
    public sealed interface Decision permits Allowed, Unauthenticated, Forbidden {
    }

    /** Let through; the principal when a key was needed and matched, empty when none was needed. */
    public record Allowed(Optional<ApiPrincipal> principal) implements Decision {
    }

    /** 401: no key, or one that matches no entry. {@code presented} says which (for the detail, never the key). */
    public record Unauthenticated(boolean presented, Role needed) implements Decision {
    }

    /** 403: a known key whose role does not grant what the request needs. */
    public record Forbidden(ApiPrincipal principal, Role needed) implements Decision {
    }

    private final ApiKeyRing ring;

    public ApiGate(ApiKeyRing ring) {
        this.ring = ring;
    }

    public ApiKeyRing ring() {
        return ring;
    }

    public Decision decide(String method, String path, String presentedKey) {
        if (!ring.enabled()) {
            return new Allowed(Optional.empty());
        }
        Optional<Role> needed = AccessRule.required(method, path);
        if (needed.isEmpty()) {
            return new Allowed(Optional.empty());
        }
        Optional<ApiPrincipal> principal = ring.authenticate(presentedKey);
        if (principal.isEmpty()) {
            return new Unauthenticated(presentedKey != null && !presentedKey.isEmpty(), needed.get());
        }
        if (!principal.get().role().grants(needed.get())) {
            return new Forbidden(principal.get(), needed.get());
        }
        return new Allowed(principal);
    }
}
