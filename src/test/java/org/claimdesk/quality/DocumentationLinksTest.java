package org.claimdesk.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The README is the front door and the pages under {@code docs/} hold the rest (issue #21): every
 * link resolves inside the repository (a file that exists, a heading that exists), no link leaves
 * it except to the application itself on {@code localhost}, and the README stays short.
 */
class DocumentationLinksTest {

  static final Path ROOT = Path.of("").toAbsolutePath();
  static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)|<(https?://[^>]+)>");
  static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} +(.+?) *$");
  static final Pattern FENCE = Pattern.compile("(?ms)^```.*?^```");

  @Test
  @DisplayName("the README is a front door: at most 120 lines")
  void readmeIsShort() throws IOException {
    assertThat(Files.readAllLines(ROOT.resolve("README.md"))).hasSizeLessThanOrEqualTo(120);
  }

  @Test
  @DisplayName("every link of the README and docs/ resolves to a file and heading of the repository; none leaves it")
  void linksStayInside() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path page : pages()) {
      String text = FENCE.matcher(Files.readString(page)).replaceAll("");
      Matcher link = LINK.matcher(text);
      while (link.find()) {
        String target = link.group(1) != null ? link.group(1) : link.group(2);
        String problem = problemWith(page, target);
        if (problem != null) {
          broken.add(ROOT.relativize(page) + ": " + target + " (" + problem + ")");
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  private static String problemWith(Path page, String target) throws IOException {
    if (target.startsWith("http://") || target.startsWith("https://")) {
      String host = URI.create(target).getHost();
      return "localhost".equals(host) ? null : "leaves the repository";
    }
    if (target.startsWith("mailto:")) {
      return "leaves the repository";
    }
    int hash = target.indexOf('#');
    String file = hash < 0 ? target : target.substring(0, hash);
    Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
    if (!resolved.startsWith(ROOT)) {
      return "outside the repository";
    }
    if (!Files.exists(resolved)) {
      return "no such file";
    }
    if (hash >= 0 && resolved.toString().endsWith(".md")
        && !anchors(resolved).contains(target.substring(hash + 1))) {
      return "no such heading";
    }
    return null;
  }

  /** GitHub's anchors of a page's headings: lower case, punctuation dropped, spaces as hyphens. */
  static Set<String> anchors(Path page) throws IOException {
    Set<String> anchors = new HashSet<>();
    Matcher heading = HEADING.matcher(FENCE.matcher(Files.readString(page)).replaceAll(""));
    while (heading.find()) {
      anchors.add(heading.group(1).toLowerCase(Locale.ROOT)
          .replaceAll("[^\\p{L}\\p{N} _-]", "")
          .replace(' ', '-'));
    }
    return anchors;
  }

  private static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
      docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }
}
