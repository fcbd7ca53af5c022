package dev.sonority.model.song;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Songs by numeric id or by path (the public id). */
public interface SongRepository extends JpaRepository<Song, Long> {

    Optional<Song> findByPath(String path);

    /** For lookups that try the NFC and NFD spellings of a path at once. */
    List<Song> findByPathIn(Collection<String> paths);
}
