package dev.sonority.inference.download;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/models/{name}/download} starts (or joins) a background download and answers 202 with its
 * status; {@code GET} the same path follows it until {@code state} is completed or failed. Non-commercial weights
 * need {@code ?accept_licence=true} (or MODELS_ACCEPT_LICENCE), else 422 naming the licence.
 */
@RestController
@RequestMapping("/v1/models/{name}/download")
class DownloadController {

    private final ModelDownloads downloads;

    DownloadController(ModelDownloads downloads) {
        this.downloads = downloads;
    }

    @PostMapping
    ResponseEntity<DownloadStatus> start(@PathVariable String name,
            @RequestParam(name = "accept_licence", defaultValue = "false") boolean acceptLicence) {
        DownloadStatus status = downloads.start(name, acceptLicence);
        return ResponseEntity.accepted().location(URI.create("/v1/models/" + name + "/download")).body(status);
    }

    @GetMapping
    ResponseEntity<?> status(@PathVariable String name) {
        return downloads.status(name).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> problem(
                HttpStatus.NOT_FOUND, "No download", "No download of '" + name + "' was started since the service"
                        + " started; POST /v1/models/" + name + "/download starts one."));
    }

    @ExceptionHandler(UnknownModelException.class)
    ResponseEntity<ProblemDetail> unknown(UnknownModelException e) {
        return problem(HttpStatus.NOT_FOUND, "Unknown model", e.getMessage());
    }

    @ExceptionHandler(NotDownloadableException.class)
    ResponseEntity<ProblemDetail> notDownloadable(NotDownloadableException e) {
        return problem(HttpStatus.CONFLICT, "Model not downloadable", e.getMessage());
    }

    /** 422 naming the licence: the request is understood but needs the licence accepted; nothing was fetched. */
    @ExceptionHandler(LicenceNotAcceptedException.class)
    ResponseEntity<ProblemDetail> licenceNotAccepted(LicenceNotAcceptedException e) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Licence not accepted",
                e.getMessage());
        response.getBody().setProperty("licence", e.licence());
        return response;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }
}
