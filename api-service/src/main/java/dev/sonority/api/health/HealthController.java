package dev.sonority.api.health;

import dev.sonority.api.web.LainbowApi;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /health}: 200 {@code {"status":"ok"}} (exactly Lainbow's body) when PostgreSQL and RabbitMQ
 * answer; otherwise 503 {@code {"status":"degraded","database":"down","broker":"up"}}. Kubernetes-style
 * probes are the actuator's {@code /actuator/health/liveness} and {@code /readiness}.
 */
@RestController
@LainbowApi
public class HealthController {

    private final DependencyProbe probe;

    public HealthController(DependencyProbe probe) {
        this.probe = probe;
    }

    @GetMapping("/health")
    public ResponseEntity<Map<String, String>> health() {
        boolean database = probe.databaseUp();
        boolean broker = probe.brokerUp();
        if (database && broker) {
            return ResponseEntity.ok(Map.of("status", "ok"));
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("status", "degraded");
        body.put("database", database ? "up" : "down");
        body.put("broker", broker ? "up" : "down");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }
}
