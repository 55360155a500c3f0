package dev.baton.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from the machine's packages (Debian's {@code chromium} and {@code
 * chromium-driver}; {@code .ci/run} installs them). Both paths are given, so Selenium Manager never
 * runs and nothing is downloaded at test time; BATON_CHROMIUM / BATON_CHROMEDRIVER point elsewhere.
 */
final class Browser {

  static final String CHROMIUM = System.getenv().getOrDefault("BATON_CHROMIUM", "/usr/bin/chromium");
  static final String CHROMEDRIVER = System.getenv().getOrDefault("BATON_CHROMEDRIVER", "/usr/bin/chromedriver");

  private Browser() {}

  static WebDriver start() {
    for (String path : new String[] {CHROMIUM, CHROMEDRIVER}) {
      if (!new File(path).canExecute()) {
        throw new IllegalStateException(path + " is missing: install chromium and chromium-driver (.ci/run does)");
      }
    }
    try {
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM);
      options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
          "--disable-dev-shm-usage", "--window-size=1280,1024",
          "--user-data-dir=" + Files.createTempDirectory("baton-chromium").toAbsolutePath());
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(new File(CHROMEDRIVER))
          .usingAnyFreePort()
          .build();
      return new ChromeDriver(service, options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
