package io.winloss.portal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain HTTP to a portal in another process, as a CRM script (Basic auth, JSON) or a buyer's browser
 * (CSRF cookie and form field) would send it. Used by the tests that kill and restart the portal.
 */
public final class PortalClient {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern JSON_STRING = Pattern.compile("\"%s\"\\s*:\\s*\"([^\"]*)\"");

    private final URI base;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public PortalClient(URI base, String email, String password) {
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", authorization)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> getJson(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", authorization)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Creates a lost deal through the API and returns its id. */
    public String createDeal(String account) throws IOException, InterruptedException {
        return createDeal(account, "lost");
    }

    /** Creates a deal with this outcome, closed 2026-03-31, through the API and returns its id. */
    public String createDeal(String account, String outcome) throws IOException, InterruptedException {
        HttpResponse<String> created = postJson("/api/deals", "{\"account\":\"" + account + "\",\"outcome\":\"" + outcome
                + "\",\"closeDate\":\"2026-03-31\",\"amount\":25000}");
        expect(created, 201);
        return field(created.body(), "id");
    }

    /** Uploads a plain-text transcript as {@code POST /api/interviews} (multipart) and returns the interview's id. */
    public String uploadInterview(String dealId, String fileName, String transcript, String interviewer)
            throws IOException, InterruptedException {
        HttpResponse<String> accepted = upload(dealId, fileName, transcript, interviewer);
        expect(accepted, 202);
        return field(accepted.body(), "id");
    }

    /** Sends a plain-text transcript as {@code POST /api/interviews} (multipart) and returns the answer, whatever it is. */
    public HttpResponse<String> upload(String dealId, String fileName, String transcript, String interviewer)
            throws IOException, InterruptedException {
        String boundary = "----portal-client-" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        for (String[] field : new String[][] {{"dealId", dealId}, {"interviewer", interviewer}}) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(field[0])
                    .append("\"\r\n\r\n").append(field[1]).append("\r\n");
        }
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(fileName).append("\"\r\nContent-Type: text/plain\r\n\r\n").append(transcript).append("\r\n--")
                .append(boundary).append("--\r\n");
        return http.send(HttpRequest.newBuilder(base.resolve("/api/interviews"))
                .header("Authorization", authorization).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** PUTs a JSON body, as {@code PUT /api/competitors} takes it. */
    public HttpResponse<String> putJson(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", authorization)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Invites a buyer to the deal and returns the survey link's path, {@code /s/{token}}. */
    public String invite(String dealId, String email) throws IOException, InterruptedException {
        HttpResponse<String> created = postJson("/api/deals/" + dealId + "/invitations", "{\"email\":\"" + email + "\"}");
        expect(created, 201);
        return URI.create(field(created.body(), "url")).getPath();
    }

    /**
     * Answers the default survey as a buyer: GET the page for its CSRF cookie and field, POST the answers.
     * Returns the submission's response (303 to the thank-you page when acknowledged).
     */
    public HttpResponse<String> answer(String surveyPath, String whatWouldHaveChanged) throws IOException, InterruptedException {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(base.resolve(surveyPath)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        expect(page, 200);
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        Matcher csrf = CSRF_FIELD.matcher(page.body());
        if (!csrf.find()) {
            throw new AssertionError("no CSRF field on " + surveyPath);
        }
        String form = "_csrf=" + enc(csrf.group(1)) + "&primaryReason=price&attribution=anonymous&salesExperience=4"
                + "&whatWouldHaveChanged=" + enc(whatWouldHaveChanged);
        return http.send(HttpRequest.newBuilder(base.resolve(surveyPath)).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public static String field(String json, String name) {
        Matcher m = Pattern.compile(String.format(JSON_STRING.pattern(), name)).matcher(json);
        if (!m.find()) {
            throw new AssertionError("no \"" + name + "\" in " + json);
        }
        return m.group(1);
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError("expected " + status + " from " + response.uri() + " but got "
                    + response.statusCode() + ": " + response.body());
        }
    }
}
