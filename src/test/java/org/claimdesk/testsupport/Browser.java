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
  private static final By LOGIN_NAME = By.cssSelector("input[ng-model='username']");
  /** How long a page may take: the webapps' scripts are large, and CI machines are shared. */
  private static final Duration PATIENCE = Duration.ofSeconds(60);

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
        "download.default_directory", downloads.toString(), "download.prompt_for_download", false));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    return new Browser(new ChromeDriver(service, options), "http://localhost:" + port, downloads);
  }

  /**
   * Logs in to a Camunda webapp, ending any earlier session first: opens the app, waits for its
   * login form (the app has then loaded its scripts), and posts the login as the form does
   * (session cookie, CSRF header, the webapp's login endpoint). Then the browser is left on a
   * blank page: {@link #go} to the page wanted, which loads afresh with the new session. Keys are
   * not typed into the form: on a busy machine the webapps may draw it again while keys arrive, a
   * half-typed password counts as a failed login, and Camunda's login throttling then refuses the
   * right one for a while.
   */
  public void loginTo(String app, String user, String password) {
    driver.get(baseUrl + "/camunda/app/" + app + "/default/");
    driver.manage().deleteAllCookies();
    driver.navigate().refresh();
    try {
      waitFor(LOGIN_NAME);
    } catch (TimeoutException e) {
      throw new IllegalStateException("No login form on " + driver.getCurrentUrl() + " (title '" + driver.getTitle()
          + "'); screenshot " + screenshotQuietly("login-timeout-" + app), e);
    }
    Object status = ((JavascriptExecutor) driver).executeAsyncScript("""
        const [app, user, password, done] = arguments;
        const xsrf = (document.cookie.match(/XSRF-TOKEN=([^;]+)/) || [])[1];
        fetch('/camunda/api/admin/auth/user/default/login/' + app, {
          method: 'POST', credentials: 'same-origin',
          headers: {'Content-Type': 'application/x-www-form-urlencoded', 'X-XSRF-TOKEN': xsrf},
          body: new URLSearchParams({username: user, password: password}).toString()
        }).then(r => done(String(r.status))).catch(e => done(String(e)));""", app, user, password);
    if (!"200".equals(String.valueOf(status))) {
      throw new IllegalStateException("Login of " + user + " to " + app + " answered " + status);
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
