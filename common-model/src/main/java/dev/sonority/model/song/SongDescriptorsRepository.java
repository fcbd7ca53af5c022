package dev.sonority.model.song;

import org.springframework.data.jpa.repository.JpaRepository;

/** Descriptor rows, one per analysed song. */
public interface SongDescriptorsRepository extends JpaRepository<SongDescriptors, Long> {
}
