package dev.sonority.api.access;

/** Whether requests need an API key ({@code AUTH_MODE}). */
public enum AuthMode {
    /** Every request is allowed, as before access control existed: one machine, bound to loopback. */
    OFF,
    /** Each endpoint needs a key of its role, unless AUTH_OPEN_READS / AUTH_SOLA_MPD_WRITES open it. */
    KEYS
}
