package io.modeltrust.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** The principal of the current request's key, for audit trails; empty when keys are off or none was needed. */
@RequestScoped
public class ApiCaller {

    private ApiPrincipal principal;

    public Optional<ApiPrincipal> principal() {
        return Optional.ofNullable(principal);
    }

    /** The key's name, else the fallback. */
    public String nameOr(String fallback) {
        return principal == null ? fallback : principal.name();
    }

    void set(ApiPrincipal principal) {
        this.principal = principal;
    }
}
