package dev.sonority.inference.models;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** GET /v1/models and /v1/models/{name}: the manifest's models, their install and load state, provider and memory. */
@RestController
@RequestMapping("/v1/models")
class ModelsController {

    private final ModelCatalog catalog;
    private final ModelRegistry registry;

    ModelsController(ModelCatalog catalog, ModelRegistry registry) {
        this.catalog = catalog;
        this.registry = registry;
    }

    @GetMapping
    ModelsResponse list(HttpServletRequest request) {
        // service-web's LoopbackCallerFilter marks callers on this machine with a principal
        boolean local = request.getUserPrincipal() != null;
        return new ModelsResponse(local ? catalog.modelsDir().toString() : null,
                local ? catalog.manifestLocation() : null, registry.models());
    }

    @GetMapping("/{name}")
    ResponseEntity<?> one(@PathVariable String name) {
        return catalog.entry(name).<ResponseEntity<?>>map(e -> ResponseEntity.ok(registry.model(name))).orElseGet(() -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "No model '" + name + "' in the manifest " + catalog.manifestLocation());
            problem.setTitle("Unknown model");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
        });
    }
}
