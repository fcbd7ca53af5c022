package dev.sonority.clustering;

import java.util.Locale;

/** The clustering algorithms a search can use, by their API names. */
public enum Method {
    KMEANS, GMM, DBSCAN, SPECTRAL;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The method named {@code name} in the API, case-insensitive. */
    public static Method of(String name) {
        for (Method m : values()) {
            if (m.apiName().equalsIgnoreCase(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("method must be one of kmeans, gmm, dbscan, spectral; was " + name);
    }
}
