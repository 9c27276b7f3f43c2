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
    CookieManager cookies = new CookieManager();
    HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
    String base = "http://localhost:" + port + "/camunda";
    client.send(HttpRequest.newBuilder(URI.create(base + "/app/" + app + "/default/")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    String csrf = cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("The webapp issued no XSRF-TOKEN cookie"));
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpRequest login = HttpRequest.newBuilder(
            URI.create(base + "/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
    return client.send(login, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
