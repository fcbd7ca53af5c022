package dev.sonority.clustering.map;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the map is projected: UMAP (the default) or the first two principal components. */
public enum MapMethod {
    UMAP,
    PCA;

    /** Lower-case name used in the API and stored with a map ({@code umap}, {@code pca}). */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MapMethod> ofApiName(String name) {
        return Arrays.stream(values()).filter(m -> m.apiName().equals(name)).findFirst();
    }
}
