package org.claimdesk.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by its own chromedriver ({@code apt-get install chromium
 * chromium-driver}; {@code .ci/run} installs them). Without them a developer's run skips the
 * browser tests with a message; with {@code CI=true} they must run.
 */
public final class Browser implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  /** How long a page may take: the webapps' scripts are large, and CI machines are shared. */
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  /** The webapps' list of engines: a JSON page that makes no requests, answered with a CSRF token. */
  private static final String QUIET_PAGE = "/camunda/api/engine/engine";

  private final WebDriver driver;
  private final String baseUrl;
  private final Path downloads;

  private Browser(WebDriver driver, String baseUrl, Path downloads) {
    this.driver = driver;
    this.baseUrl = baseUrl;
    this.downloads = downloads;
  }

  public static Browser open(int port) throws IOException {
    return open(port, "en-GB");
  }

  /** A browser whose language is {@code language} ({@code fr-FR}): what pages read as the visitor's language. */
  public static Browser open(int port, String language) throws IOException {
    return open(port, language, true);
  }

  /**
   * A browser whose language is {@code language} and that runs no page script (Chromium's
   * content setting, as a visitor who turned JavaScript off): what the server renders is all the
   * page is.
   */
  public static Browser openWithoutScript(int port, String language) throws IOException {
    return open(port, language, false);
  }

  private static Browser open(int port, String language, boolean script) throws IOException {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException("CI=true but chromium/chromedriver are not installed (see .ci/run)");
    }
    Assumptions.assumeTrue(installed, "Browser test skipped: install chromium and chromium-driver to run it");
    Path profile = Files.createTempDirectory("claimdesk-chromium");
    Path downloads = Files.createTempDirectory("claimdesk-downloads");
    ChromeOptions options = new ChromeOptions()
        .setBinary(CHROMIUM.toFile())
        .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--window-size=1600,1000", "--user-data-dir=" + profile, "--lang=" + language);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language,
        "download.default_directory", downloads.toString(), "download.prompt_for_download", false,
        "profile.managed_default_content_settings.javascript", script ? 1 : 2));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    return new Browser(new ChromeDriver(service, options), "http://localhost:" + port, downloads);
  }

  /**
   * Logs in to a Camunda webapp, ending any earlier session first, the way its login form does:
   * the webapps' CSRF token, then the login post to their login endpoint. It does so from a page
   * that makes no requests of its own (the webapps' list of engines, JSON), because a request
   * still running from a webapp page when the login renews the session would come back with a
   * fresh, anonymous session cookie in its place; and it does not type into the form, because on
   * a busy machine the webapp may draw the form again while keys arrive (a half-typed password is
   * a failed login, and Camunda's login throttling then refuses the right one for a while). Then
   * the browser is left on a blank page: {@link #go} to the page wanted, which loads afresh with
   * the new session.
   */
  public void loginTo(String app, String user, String password) {
    driver.get("about:blank");
    driver.manage().deleteAllCookies();
    driver.get(baseUrl + QUIET_PAGE);
    Object answer = ((JavascriptExecutor) driver).executeAsyncScript("""
        const [app, user, password, done] = arguments;
        const me = '/camunda/api/admin/auth/user/default';
        fetch('%s', {credentials: 'same-origin'})
          .then(r => fetch(me + '/login/' + app, {
            method: 'POST', credentials: 'same-origin',
            headers: {'Content-Type': 'application/x-www-form-urlencoded',
                      'X-XSRF-TOKEN': r.headers.get('X-XSRF-TOKEN')
                          || (document.cookie.match(/XSRF-TOKEN=([^;]+)/) || [])[1]},
            body: new URLSearchParams({username: user, password: password}).toString()}))
          .then(login => login.ok ? fetch(me, {credentials: 'same-origin'}).then(r => r.status)
                                  : 'login ' + login.status)
          .then(status => done(String(status)))
          .catch(e => done(String(e)));""".formatted(QUIET_PAGE), app, user, password);
    if (!"200".equals(String.valueOf(answer))) {
      throw new IllegalStateException("Login of " + user + " to " + app + ": " + answer + "; screenshot "
          + screenshotQuietly("login-failed-" + app));
    }
    driver.get("about:blank");
  }

  public void go(String pathAndFragment) {
    driver.get(baseUrl + pathAndFragment);
  }

  public WebElement waitFor(By locator) {
    return new WebDriverWait(driver, PATIENCE)
        .until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  public void waitForText(By locator, String text) {
    new WebDriverWait(driver, PATIENCE)
        .until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
  }

  public WebDriver driver() {
    return driver;
  }

  /** Where the browser saves downloaded files (a fresh directory per browser). */
  public Path downloads() {
    return downloads;
  }

  /** Saves a PNG under target/screenshots and returns its path. */
  public Path screenshot(String name) throws IOException {
    Path directory = Files.createDirectories(Path.of("target", "screenshots"));
    Path file = directory.resolve(name + ".png");
    Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    return file;
  }

  /** The whole page, not only the window: the window grows to the page's height for the shot. */
  public Path screenshotWholePage(String name) throws IOException {
    Dimension window = driver.manage().window().getSize();
    long height = (Long) ((JavascriptExecutor) driver)
        .executeScript("return Math.ceil(document.documentElement.scrollHeight);");
    int chrome = window.getHeight() - ((Long) ((JavascriptExecutor) driver)
        .executeScript("return window.innerHeight;")).intValue();
    driver.manage().window().setSize(new Dimension(window.getWidth(), (int) height + chrome));
    try {
      return screenshot(name);
    } finally {
      driver.manage().window().setSize(window);
    }
  }

  private Path screenshotQuietly(String name) {
    try {
      return screenshot(name);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
