package org.claimdesk.testsupport;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Logs in to a Camunda webapp (Tasklist, Cockpit, Admin) the way the browser does: fetch the
 * app page for a session and CSRF cookie, then post the login form with the CSRF header.
 */
public final class CamundaWebapps {

  private CamundaWebapps() {
  }

  /** The HTTP status of logging in to {@code app} as {@code user}: 200 allowed, 403 no access. */
  public static int loginStatus(int port, String app, String user, String password)
      throws IOException, InterruptedException {
    return login(port, app, user, password).loginStatus();
  }

  /** A browser-like session of {@code user} logged in to {@code app} (look at its {@code loginStatus}). */
  public static Session login(int port, String app, String user, String password)
      throws IOException, InterruptedException {
    CookieManager cookies = new CookieManager();
    HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
    String base = "http://localhost:" + port + "/camunda";
    client.send(HttpRequest.newBuilder(URI.create(base + "/app/" + app + "/default/")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    Session session = new Session(client, cookies, base, 0);
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpRequest login = HttpRequest.newBuilder(
            URI.create(base + "/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", session.csrf())
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
    int status = client.send(login, HttpResponse.BodyHandlers.discarding()).statusCode();
    // The login starts a new session, which gets its own CSRF token on its first request.
    client.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/auth/user/default")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    return new Session(client, cookies, base, status);
  }

  /** A webapp session: its cookies, and the CSRF token the webapp expects on every change. */
  public record Session(HttpClient client, CookieManager cookies, String base, int loginStatus) {

    String csrf() {
      return cookies.getCookieStore().getCookies().stream()
          .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue)
          .reduce((first, last) -> last)
          .orElseThrow(() -> new IllegalStateException("The webapp issued no XSRF-TOKEN cookie"));
    }

    /** GETs JSON from {@code /camunda<path>} as the webapp's own pages do. */
    public HttpResponse<String> getJson(String path) throws IOException, InterruptedException {
      return client.send(HttpRequest.newBuilder(URI.create(base + path))
          .header("Accept", "application/json")
          .GET()
          .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs JSON to {@code /camunda<path>} as the webapp's own pages do. */
    public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
      return client.send(HttpRequest.newBuilder(URI.create(base + path))
          .header("Content-Type", "application/json")
          .header("Accept", "application/json")
          .header("X-XSRF-TOKEN", csrf())
          .POST(HttpRequest.BodyPublishers.ofString(json))
          .build(), HttpResponse.BodyHandlers.ofString());
    }
  }
}
