package dev.sonority.web;

import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A service with the front door and two endpoints, as small as a Sonority service can be. */
@SpringBootApplication
class FrontDoorApplication {

    @RestController
    static class Items {
        @GetMapping("/items")
        Map<String, Object> list(@RequestParam(required = false) Integer limit,
                @RequestParam(required = false) String name) {
            return Map.of("limit", limit == null ? -1 : limit, "name", name == null ? "" : name);
        }

        @GetMapping("/items/{id}")
        Map<String, Object> one(@PathVariable String id) {
            return Map.of("id", id);
        }

        @PostMapping("/items")
        Map<String, Object> add(@RequestBody List<String> names) {
            return Map.of("added", names.size());
        }

        @PostMapping("/upload")
        Map<String, Object> upload(jakarta.servlet.http.HttpServletRequest request) throws java.io.IOException {
            return Map.of("bytes", request.getInputStream().readAllBytes().length);
        }
    }
}
