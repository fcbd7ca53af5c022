package dev.sonority.api.songs;

import dev.sonority.api.search.LainbowSimilar;
import dev.sonority.api.web.ApiException;
import dev.sonority.api.web.ErrorStyle;
import dev.sonority.api.web.Paging;
import dev.sonority.api.web.ValidationException;
import dev.sonority.api.web.Violation;
import dev.sonority.contract.models.ModelName;
import dev.sonority.model.analysis.AnalysisStatus;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sonority's songs endpoints (RFC 9457 errors). The single-song path is captured whole, so it may come as
 * one segment with {@code %2F} or as several segments; {@link SongPath} checks it.
 */
@RestController
public class SongsController {

    /** {@code {"songs": [...], "total": 100000, "limit": 50, "offset": 0}} */
    public record SongList(List<SongView> songs, long total, int limit, long offset) {
    }

    private final SongQueries queries;
    private final SongAnalysisQueries analyses;
    private final LainbowSimilar similar;

    public SongsController(SongQueries queries, SongAnalysisQueries analyses, LainbowSimilar similar) {
        this.queries = queries;
        this.analyses = analyses;
        this.similar = similar;
    }

    @GetMapping("/api/v1/songs")
    public SongList list(@RequestParam(required = false) String status,
            @RequestParam(required = false) String model,
            @RequestParam(required = false, defaultValue = "false") boolean failed,
            @RequestParam(name = "scan_error", required = false) Boolean scanError,
            @RequestParam(name = "include_missing", required = false, defaultValue = "false") boolean includeMissing,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) Long offset) {
        Paging paging = Paging.of(limit, offset, 50);
        if (model != null && ModelName.fromApiName(model).isEmpty()) {
            throw new ValidationException(Violation.of("Unknown model '" + model + "'; valid models: "
                    + String.join(", ", ModelName.apiNames()), "enum", "query", "model"));
        }
        boolean unanalysed = "NONE".equalsIgnoreCase(status);
        if (unanalysed && model == null) {
            throw new ValidationException(Violation.of("status=NONE needs a model", "missing", "query", "model"));
        }
        SongFilter filter = new SongFilter(unanalysed ? null : analysisStatus(status), unanalysed, model, failed,
                scanError, includeMissing);
        SongQueries.Slice slice = queries.list(filter, paging);
        return new SongList(slice.songs(), slice.total(), paging.limit(), paging.offset());
    }

    /**
     * One song ({@code /api/v1/songs/{path}}, Sonority's), its analysis ({@code .../analysis}, Lainbow's
     * {@code SongAnalysis}, so its errors are written in Lainbow's style), or songs like it
     * ({@code .../similar}, Lainbow's, answered by the search package).
     */
    @GetMapping("/api/v1/songs/{*file_path}")
    public Object song(@PathVariable("file_path") String filePath, HttpServletRequest request) {
        SongRoute route = SongRoute.of(filePath);
        return switch (route.target()) {
            case SONG -> route.path().flatMap(path -> queries.find(path.candidates()))
                    .orElseThrow(() -> ApiException.notFound("Song not found"));
            case ANALYSIS -> {
                ErrorStyle.declare(request, ErrorStyle.LAINBOW);
                yield route.path().flatMap(path -> analyses.find(path.candidates()))
                        .orElseThrow(() -> ApiException.notFound("Song not found"));
            }
            case SIMILAR -> similar.similar(route.path().map(SongPath::candidates).orElse(List.of()), request);
        };
    }

    private static AnalysisStatus analysisStatus(String status) {
        if (status == null) {
            return null;
        }
        try {
            return AnalysisStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(Violation.of("Input should be one of PENDING, RUNNING, COMPLETED, FAILED,"
                    + " NONE, got '" + status + "'", "enum", "query", "status"));
        }
    }
}
