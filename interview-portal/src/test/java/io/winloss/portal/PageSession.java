package io.winloss.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * A browser-like session for page tests: it keeps every cookie the portal sets and posts forms back with the
 * CSRF token of the last page it saw (a hidden {@code _csrf} field or the {@code csrf-token} meta tag).
 */
public final class PageSession {

    private static final Pattern CSRF_FIELD = Pattern.compile(
            "name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
    private static final Pattern CSRF_META = Pattern.compile(
            "name=\"csrf-token\"\\s+content=\"([^\"]+)\"|content=\"([^\"]+)\"\\s+name=\"csrf-token\"");

    private final WebTestClient client;
    private final MultiValueMap<String, String> cookies = new LinkedMultiValueMap<>();
    private String csrf;

    public PageSession(WebTestClient client) {
        this.client = client;
    }

    /** Signs in through the login form, as a browser does, and asserts that the portal accepted the credentials. */
    public static PageSession signIn(WebTestClient client, String email, String password) {
        PageSession session = new PageSession(client);
        session.get("/login");
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", email);
        form.add("password", password);
        EntityExchangeResult<String> result = session.post("/login", form);
        assertThat(result.getStatus().is3xxRedirection())
                .as("login answered %s, csrf %s", result.getStatus(), session.csrf).isTrue();
        assertThat(result.getResponseHeaders().getLocation().getPath()).as("signed in lands on the home page").isEqualTo("/");
        return session;
    }

    public EntityExchangeResult<String> get(String uri) {
        return remember(client.get().uri(uri).cookies(c -> c.addAll(cookies))
                .exchange().expectBody(String.class).returnResult());
    }

    /** Posts the form as the browser would, with the last page's {@code _csrf} token added. */
    public EntityExchangeResult<String> post(String uri, MultiValueMap<String, String> form) {
        MultiValueMap<String, String> body = new LinkedMultiValueMap<>(form);
        body.set("_csrf", csrf);
        return remember(client.post().uri(uri).cookies(c -> c.addAll(cookies))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(body))
                .exchange().expectBody(String.class).returnResult());
    }

    /** Uploads one file as a plain multipart form does: the {@code _csrf} token is a part of the body. */
    public EntityExchangeResult<String> upload(String uri, String partName, String filename, MediaType contentType, byte[] bytes) {
        return upload(uri, partName, filename, contentType, bytes, java.util.Map.of());
    }

    /** Uploads one file with the form's other fields beside it. */
    public EntityExchangeResult<String> upload(String uri, String partName, String filename, MediaType contentType, byte[] bytes,
            java.util.Map<String, String> fields) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part(partName, bytes).filename(filename).contentType(contentType);
        fields.forEach(body::part);
        body.part("_csrf", csrf);
        return remember(client.post().uri(uri).cookies(c -> c.addAll(cookies))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build()))
                .exchange().expectBody(String.class).returnResult());
    }

    /** The value of a cookie this session holds, or {@code null}. */
    public String cookie(String name) {
        return cookies.getFirst(name);
    }

    private EntityExchangeResult<String> remember(EntityExchangeResult<String> result) {
        for (ResponseCookie cookie : result.getResponseCookies().toSingleValueMap().values()) {
            if (cookie.getValue().isEmpty()) {
                cookies.remove(cookie.getName());
            } else {
                cookies.set(cookie.getName(), cookie.getValue());
            }
        }
        String html = result.getResponseBody();
        if (html != null) {
            String token = find(CSRF_FIELD, html);
            if (token == null) {
                token = find(CSRF_META, html);
            }
            if (token != null) {
                csrf = token;
            }
        }
        return result;
    }

    private static String find(Pattern pattern, String html) {
        Matcher m = pattern.matcher(html);
        if (!m.find()) {
            return null;
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }
}
