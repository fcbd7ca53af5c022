package dev.sonority.api.instant;

import dev.sonority.api.playlists.PlaylistStore;
import dev.sonority.api.instant.llm.ModelGaveUp;
import dev.sonority.api.instant.llm.ModelPlanner;
import dev.sonority.api.instant.rules.RulePlanner;
import dev.sonority.api.instant.tools.Plan;
import dev.sonority.api.instant.tools.Search;
import dev.sonority.api.instant.tools.Tool;
import dev.sonority.api.search.SongSummary;
import dev.sonority.api.search.WalkOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes an instant playlist: the language model plans the searches when one is configured, else (and whenever
 * it gives up) the rules do; the songs they found are assembled ({@link PlaylistAssembler}), put in walk order
 * ({@link WalkOrder}, the same walk as {@code order=walk} of similar songs) and saved when asked.
 */
@Service
class InstantPlaylists {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The source instant playlists are saved with. */
    static final String SOURCE = "instant";

    private final ModelPlanner model;
    private final RulePlanner rules;
    private final WalkVectors walkVectors;
    private final PlaylistStore playlists;

    InstantPlaylists(ModelPlanner model, RulePlanner rules, WalkVectors walkVectors, PlaylistStore playlists) {
        this.model = model;
        this.rules = rules;
        this.walkVectors = walkVectors;
        this.playlists = playlists;
    }

    InstantAnswer make(InstantRequest request) {
        String prompt = request.text();
        int n = request.songs();
        long seed = prompt.hashCode();
        // more candidates than songs: duplicates and the per-artist cap drop some
        int want = Math.min(Tool.MAX_LIMIT, Math.max(50, 3 * n));
        Plan plan;
        String modelProblem = null;
        if (model.configured()) {
            try {
                plan = model.plan(prompt, n, seed);
            } catch (ModelGaveUp e) {
                modelProblem = e.getMessage();
                plan = rules.plan(prompt, want, seed);
            }
        } else {
            plan = rules.plan(prompt, want, seed);
        }
        List<SongSummary> picked = PlaylistAssembler.assemble(plan.searches(), n, request.perArtist(),
                plan.askedArtists());
        List<SongSummary> songs = walk(picked, walkVectors.of(picked));
        Long playlistId = request.saved() && !songs.isEmpty()
                ? playlists.create(title(plan, prompt), SOURCE, requestJson(request),
                        songs.stream().map(SongSummary::id).toList())
                : null;
        return new InstantAnswer(songs.stream().map(InstantPlaylists::song).toList(), title(plan, prompt),
                explanation(plan, modelProblem, songs.size(), request.saved()), plan.searches().stream()
                        .map(InstantPlaylists::step).toList(), plan.planner(), playlistId);
    }

    /**
     * The songs as a smooth walk ({@link WalkOrder}) that starts at the best match (the first picked with a vector);
     * songs without a vector in the walk's model follow in their picked order.
     */
    static List<SongSummary> walk(List<SongSummary> picked, Map<Long, float[]> vectors) {
        List<SongSummary> walkable = new ArrayList<>();
        List<SongSummary> rest = new ArrayList<>();
        picked.forEach(song -> (vectors.containsKey(song.id()) ? walkable : rest).add(song));
        List<SongSummary> walk = new ArrayList<>(picked.size());
        if (!walkable.isEmpty()) {
            SongSummary best = walkable.removeFirst();
            walk.add(best);
            float[][] others = walkable.stream().map(song -> vectors.get(song.id())).toArray(float[][]::new);
            for (int index : WalkOrder.order(vectors.get(best.id()), others)) {
                walk.add(walkable.get(index));
            }
        }
        walk.addAll(rest);
        return walk;
    }

    private static String title(Plan plan, String prompt) {
        return plan.title() != null ? plan.title() : RulePlanner.title(prompt);
    }

    private static String explanation(Plan plan, String modelProblem, int songs, boolean save) {
        StringBuilder text = new StringBuilder();
        if (modelProblem != null) {
            text.append("The language model was not used: ").append(modelProblem)
                    .append(". These songs were chosen by rules. ");
        }
        text.append(plan.explanation());
        if (songs == 0) {
            text.append(plan.searches().isEmpty() ? "" : " No song of the library matches the prompt.");
            if (save) {
                text.append(" Nothing was saved.");
            }
        }
        return text.toString().strip();
    }

    private static InstantAnswer.Song song(SongSummary song) {
        return new InstantAnswer.Song(song.filePath(), song.title(), song.artist(), song.album(), song.genre());
    }

    private static InstantAnswer.Step step(Search search) {
        return new InstantAnswer.Step(search.tool().name(), search.tool().arguments(), search.songs().size(),
                search.model(), search.error());
    }

    private static String requestJson(InstantRequest request) {
        Map<String, Object> saved = new LinkedHashMap<>();
        saved.put("prompt", request.text());
        saved.put("n", request.songs());
        saved.put("max_per_artist", request.perArtist());
        return JSON.writeValueAsString(saved);
    }
}
