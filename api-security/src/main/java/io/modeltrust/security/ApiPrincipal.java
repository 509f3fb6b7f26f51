package io.modeltrust.security;

/** Who a presented key belongs to: the entry's name (safe to log and audit, unlike the key) and its role. */
public record ApiPrincipal(String name, Role role) {
}
