package io.winloss.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Keeps /v3/api-docs true: every handler under /api is described, and so is how to authenticate. */
@PortalTest
class OpenApiTests {

    @Autowired
    WebTestClient client;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    private JsonNode apiDocs() {
        // the first request builds the whole description: seconds on a busy machine, past the client's default 5 s
        byte[] body = client.mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build().get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        return JsonMapper.builder().build().readTree(body);
    }

    @Test
    void everyApiHandlerIsDescribed() {
        JsonNode paths = apiDocs().get("paths");
        List<String> missing = new ArrayList<>();
        List<String> apiHandlers = new ArrayList<>();
        handlers.getHandlerMethods().forEach((mapping, method) -> mapping.getPatternsCondition().getPatterns().forEach(pattern -> {
            String path = pattern.getPatternString();
            if (!path.startsWith("/api/") && !path.equals("/api")) {
                return;
            }
            if (mapping.getMethodsCondition().getMethods().isEmpty()) {
                // a handler for every verb must at least have its path described
                apiHandlers.add("ANY " + path);
                if (paths.get(path) == null) {
                    missing.add("ANY " + path + " (" + method.getShortLogMessage() + ")");
                }
            }
            mapping.getMethodsCondition().getMethods().forEach(verb -> {
                apiHandlers.add(verb + " " + path);
                JsonNode operations = paths.get(path);
                if (operations == null || operations.get(verb.name().toLowerCase(Locale.ROOT)) == null) {
                    missing.add(verb + " " + path + " (" + method.getShortLogMessage() + ")");
                }
            });
        }));
        assertThat(apiHandlers).as("handlers under /api").contains("POST /api/users", "GET /api/users", "POST /api/workspaces");
        assertThat(missing).as("handlers missing from /v3/api-docs").isEmpty();
    }

    @Test
    void basicAndBearerAuthenticationAreDescribed() {
        JsonNode docs = apiDocs();
        List<String> schemes = new ArrayList<>();
        docs.get("components").get("securitySchemes").forEach(s -> schemes.add(s.get("type").asString() + ":" + s.get("scheme").asString()));
        assertThat(schemes).contains("http:basic", "http:bearer");
        assertThat(docs.get("security")).isNotNull();
    }

    @Test
    void signedInStaffIsNotDescribedAsARequestParameter() {
        assertThat(apiDocs().get("paths").toString()).doesNotContain("\"staff\"", "instanceOwner");
    }

    @Test
    void apiDescriptionPageLoadsWithoutSigningIn() {
        String location = "/api-docs.html";
        for (int hop = 0; hop < 5; hop++) {
            var result = client.get().uri(location).exchange().expectBody().returnResult();
            if (!result.getStatus().is3xxRedirection()) {
                assertThat(result.getStatus().value()).as("GET %s", location).isEqualTo(200);
                assertThat(new String(result.getResponseBody())).containsIgnoringCase("swagger");
                return;
            }
            location = result.getResponseHeaders().getLocation().toString();
            assertThat(location).as("the UI must not send a visitor to the login page").doesNotContain("/login");
        }
        throw new AssertionError("too many redirects from /api-docs.html");
    }
}
