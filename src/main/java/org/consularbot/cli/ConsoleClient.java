package org.consularbot.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One officer's browser on the web console, over plain HTTP: its cookies, the CSRF token of the page it last read,
 * sign-in, pages, forms, and the live feed (Server-Sent Events). What {@code bench --console} connects twenty of.
 */
final class ConsoleClient {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final HttpClient http;
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String page = "";

    /** @param base the site, e.g. {@code http://127.0.0.1:8080} */
    ConsoleClient(HttpClient http, String base) {
        this.http = http;
        this.base = base;
    }

    static HttpClient http() {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Signs in with the form's token, as the page's form does; true when the console let them in. */
    synchronized boolean signIn(String id, String password) throws IOException, InterruptedException {
        get("/console/login?lang=en");
        HttpResponse<String> answer = post("/console/login", Map.of("lang", "en", "id", id, "password", password));
        return answer.statusCode() == 303 && cookies.containsKey("console_session");
    }

    synchronized HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Posts a form with the CSRF token of the page last read (unless the form brings its own). */
    synchronized HttpResponse<String> post(String path, Map<String, String> form)
            throws IOException, InterruptedException {
        Map<String, String> fields = new LinkedHashMap<>();
        csrf().ifPresent(token -> fields.put("csrf", token));
        fields.putAll(form);
        String body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The page last read. */
    synchronized String page() {
        return page;
    }

    private Optional<String> csrf() {
        Matcher m = CSRF.matcher(page);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookieHeader());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        remember(response.headers().allValues("set-cookie"), cookies);
        page = response.body();
        return response;
    }

    /** Keeps the cookies a response sets, as a browser does: an empty value deletes one. */
    static void remember(List<String> setCookies, Map<String, String> cookies) {
        for (String set : setCookies) {
            String pair = set.split(";", 2)[0];
            String name = pair.substring(0, pair.indexOf('='));
            String value = pair.substring(pair.indexOf('=') + 1);
            if (value.isEmpty()) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    private String cookieHeader() {
        return cookies.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }

    /**
     * Opens the live feed (as the queue page does, or a ticket's page with {@code ticket} > 0) and hands each event's
     * name to {@code events} until the stream ends; blocks the calling thread.
     */
    void listen(long ticket, Consumer<String> events) throws IOException, InterruptedException {
        String header;
        synchronized (this) {
            header = cookieHeader();
        }
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(base + "/console/events" + (ticket > 0 ? "?ticket=" + ticket : "")))
                .header("Accept", "text/event-stream")
                .header("Cookie", header)
                .GET()
                .build();
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = response.body()) {
            lines.filter(line -> line.startsWith("event:"))
                    .map(line -> line.substring("event:".length()).strip())
                    .forEach(events);
        }
    }
}
