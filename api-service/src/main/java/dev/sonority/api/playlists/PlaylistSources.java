package dev.sonority.api.playlists;

import dev.sonority.api.playlistsource.PlaylistSource;
import dev.sonority.api.web.ValidationException;
import dev.sonority.api.web.Violation;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** Every {@link PlaylistSource} bean, by name. */
@Component
class PlaylistSources {

    private final Map<String, PlaylistSource> byName = new TreeMap<>();

    PlaylistSources(List<PlaylistSource> sources) {
        for (PlaylistSource source : sources) {
            PlaylistSource other = byName.putIfAbsent(source.name(), source);
            if (other != null) {
                throw new IllegalStateException("Two playlist sources are named '" + source.name() + "': "
                        + other.getClass().getName() + " and " + source.getClass().getName());
            }
        }
    }

    /** The source called {@code name}; 422 naming the known ones when there is none. */
    PlaylistSource get(String name) {
        PlaylistSource source = byName.get(name);
        if (source == null) {
            throw new ValidationException(Violation.of("Unknown playlist source '" + name + "'; known sources: "
                    + String.join(", ", byName.keySet()), "enum", "body", "from", name));
        }
        return source;
    }

    List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
