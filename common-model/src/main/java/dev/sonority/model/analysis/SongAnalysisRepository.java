package dev.sonority.model.analysis;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Analysis states; bulk transitions are done with JDBC by the worker. */
public interface SongAnalysisRepository extends JpaRepository<SongAnalysis, SongAnalysisId> {

    List<SongAnalysis> findBySongId(Long songId);
}
