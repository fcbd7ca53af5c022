package dev.sonority.model.embedding;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Stored vectors. Index loads stream them with JDBC; this repository serves single lookups and counts. */
public interface EmbeddingRepository extends JpaRepository<Embedding, EmbeddingId> {

    Optional<Embedding> findBySongIdAndModelAndKind(Long songId, String model, String kind);

    /** How many songs have a search vector for the model (the {@code songs_with_*} statistics). */
    @Query("select count(e) from Embedding e where e.model = :model and e.kind = 'search'")
    long countSongsWithSearchVector(String model);
}
