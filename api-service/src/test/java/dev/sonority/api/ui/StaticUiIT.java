package dev.sonority.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.api.support.ApiIntegrationTest;
import dev.sonority.api.support.Http;
import org.junit.jupiter.api.Test;

/**
 * The UI's static files pass the front door (Host, Origin, strict query, slash and error-path filters) while the
 * API's answers stay as they were: JSON problems for unknown paths, never an HTML page.
 */
class StaticUiIT extends ApiIntegrationTest {

    @Test
    void theRootServesThePageAndItsModules() {
        Http.Response page = http().get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<script type=\"module\" src=\"js/app.js\"></script>");
        for (String file : new String[] {"/js/app.js", "/js/api.js", "/js/pages/dashboard.js", "/app.css"}) {
            Http.Response response = http().get(file);
            assertThat(response.status()).as(file).isEqualTo(200);
            assertThat(response.contentType()).as(file).startsWith(file.endsWith(".css") ? "text/css" : "text/javascript");
        }
    }

    @Test
    void unknownPathsStillAnswerJson() {
        for (String path : new String[] {"/js/missing.js", "/api/v1/nothing", "/nothing"}) {
            Http.Response response = http().get(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            // the JSON error body unknown paths had before the UI (the static handler was already the fallback)
            assertThat(response.contentType()).as(path).contains("json");
            assertThat(response.json().get("detail").asString()).as(path).isNotBlank();
        }
    }

    @Test
    void aWriteToAStaticFileIsRefusedAsAnyUnknownRoute() {
        Http.Response response = http().post("/");
        assertThat(response.status()).isEqualTo(405);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
