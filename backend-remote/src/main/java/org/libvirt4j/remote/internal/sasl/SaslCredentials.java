package org.libvirt4j.remote.internal.sasl;

/**
 * What the application answered: the names and password a password-based mechanism needs.
 *
 * @param authzid the authorization name ({@code VIR_CRED_USERNAME}), or {@code null}
 * @param authcid the authentication name ({@code VIR_CRED_AUTHNAME})
 * @param password the password ({@code VIR_CRED_PASSPHRASE})
 */
public record SaslCredentials(String authzid, String authcid, String password) {
}
