package dev.sonority.worker.acoustic;

import dev.sonority.audio.acoustic.AcousticStatistics;
import dev.sonority.contract.models.ModelName;
import dev.sonority.contract.vector.VectorCodec;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code acoustic_statistics} row of the acoustic model: read per song by the analyzer, replaced by re-vectorising. */
@Component
public class AcousticStatisticsStore {

    static final String MODEL = ModelName.ACOUSTIC_FEATURES.apiName();

    private final JdbcClient jdbc;

    AcousticStatisticsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The statistics for raw vectors of {@code modelVersion}, or empty when none were computed for that layout. */
    public Optional<AcousticStatistics> current(String modelVersion) {
        return jdbc.sql("SELECT mean, std, song_count FROM acoustic_statistics WHERE model = :m AND model_version = :v")
                .param("m", MODEL).param("v", modelVersion)
                .query((rs, n) -> AcousticStatistics.of(widen(VectorCodec.decode(rs.getBytes("mean"))),
                        widen(VectorCodec.decode(rs.getBytes("std"))), rs.getLong("song_count")))
                .optional();
    }

    /** Songs whose analysis was standardised with the stored statistics, or empty when there are none (any version). */
    Optional<Long> songCount(String modelVersion) {
        return jdbc.sql("SELECT song_count FROM acoustic_statistics WHERE model = :m AND model_version = :v")
                .param("m", MODEL).param("v", modelVersion).query(Long.class).optional();
    }

    void save(String modelVersion, AcousticStatistics stats) {
        jdbc.sql("""
                INSERT INTO acoustic_statistics (model, model_version, dim, mean, std, song_count, computed_at)
                VALUES (:m, :v, :dim, :mean, :std, :count, now())
                ON CONFLICT (model) DO UPDATE SET model_version = EXCLUDED.model_version, dim = EXCLUDED.dim,
                       mean = EXCLUDED.mean, std = EXCLUDED.std, song_count = EXCLUDED.song_count, computed_at = now()
                """).param("m", MODEL).param("v", modelVersion).param("dim", stats.dimensions())
                .param("mean", VectorCodec.encode(narrow(stats.means()))).param("std", VectorCodec.encode(narrow(stats.stds())))
                .param("count", stats.count()).update();
    }

    private static double[] widen(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private static float[] narrow(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
