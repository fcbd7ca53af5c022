package dev.sonority.api.map;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The map as an HTTP answer. The ETag names the model, the share and the moment the map was computed, so it
 * changes exactly when a MAP task replaces the map (tags edited since then show on the next map). The body is
 * gzip-compressed here rather than by the server's compression, so a 100,000-point map is compressed once per
 * request whatever the server's settings, and only for clients that accept gzip.
 */
@Component
class MapDocument {

    private final JsonMapper mapper;
    private final MapStore maps;

    MapDocument(JsonMapper mapper, MapStore maps) {
        this.mapper = mapper;
        this.maps = maps;
    }

    ResponseEntity<?> respond(String model, int percent, MapStore.Stored stored, @Nullable String ifNoneMatch,
            @Nullable String acceptEncoding) {
        String etag = "\"map-" + model + "-" + percent + "-" + micros(stored.computedAt()) + "\"";
        if (ifNoneMatch != null && (ifNoneMatch.trim().equals("*") || ifNoneMatch.contains(etag))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("method", stored.method());
        body.put("computed_at", stored.computedAt());
        body.put("percent", percent);
        body.put("points", maps.points(model, percent));
        byte[] json = mapper.writeValueAsBytes(body);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().eTag(etag).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (acceptsGzip(acceptEncoding)) {
            return answer.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(gzip(json));
        }
        return answer.body(json);
    }

    private static long micros(Instant at) {
        return at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
    }

    private static boolean acceptsGzip(@Nullable String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] parts = coding.trim().split(";");
            if (parts[0].trim().equals("gzip") || parts[0].trim().equals("*")) {
                return parts.length < 2 || !parts[1].replace(" ", "").equals("q=0");
            }
        }
        return false;
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
