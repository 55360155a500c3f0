package dev.baton.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from the machine's packages (Debian's {@code chromium} and {@code
 * chromium-driver}; {@code .ci/run} installs them). Both paths are given, so Selenium Manager never
 * runs and nothing is downloaded at test time; BATON_CHROMIUM / BATON_CHROMEDRIVER point elsewhere.
 * Browser test classes carry {@code @ExtendWith(Browser.Installed.class)}.
 */
final class Browser {

    static final String CHROMIUM = System.getenv().getOrDefault("BATON_CHROMIUM", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getenv().getOrDefault("BATON_CHROMEDRIVER", "/usr/bin/chromedriver");
    private static final String INSTALL =
            "install Debian's chromium and chromium-driver, or set BATON_CHROMIUM and BATON_CHROMEDRIVER";

    private Browser() {}

    /**
     * A headless Chromium whose profile lives in {@code userData} (a fresh folder the caller deletes
     * once the browser has quit: a suite otherwise leaves some 80 profiles of a few MB in the temp folder).
     */
    static WebDriver start(Path userData) {
        missing().ifPresent(problem -> {
            throw new IllegalStateException(problem + ": " + INSTALL);
        });
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-dev-shm-usage",
                "--window-size=1280,1024",
                "--user-data-dir=" + userData.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /**
     * Where BATON_SCREENS names a folder, saves the page at 1400 and at 390 px wide as NAME-1400.png and
     * NAME-390.png there (for a person to look at); otherwise does nothing. The window is 1280 px again afterwards.
     */
    static void screenshots(WebDriver browser, String name) {
        String folder = System.getenv("BATON_SCREENS");
        if (folder == null || folder.isBlank()) {
            return;
        }
        try {
            for (int width : new int[] {1400, 390}) {
                browser.manage().window().setSize(new Dimension(width, 1000));
                File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
                Files.copy(
                        shot.toPath(),
                        Path.of(folder, name + "-" + width + ".png"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            browser.manage().window().setSize(new Dimension(1280, 1024));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "no Chromium at /usr/bin/chromium" or the like, or empty where both programs are there. */
    private static Optional<String> missing() {
        return Stream.of(new String[] {"Chromium", CHROMIUM}, new String[] {"chromedriver", CHROMEDRIVER})
                .filter(program -> !new File(program[1]).canExecute())
                .map(program -> "no " + program[0] + " at " + program[1])
                .findFirst();
    }

    /**
     * Without Chromium (a newcomer's machine) browser tests are skipped, with one line saying how to
     * run them. Under CI=true (.ci/run, which installs Chromium) they fail instead: CI never skips them.
     */
    static final class Installed implements ExecutionCondition {

        private static final AtomicBoolean told = new AtomicBoolean();

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            Optional<String> missing = missing();
            if (missing.isEmpty()) {
                return ConditionEvaluationResult.enabled("Chromium and its driver are installed");
            }
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(
                        "CI=true requires the browser tests, but there is " + missing.get() + ": " + INSTALL);
            }
            String reason = "browser tests skipped: " + missing.get() + " (" + INSTALL + "; CI=true requires them)";
            if (!told.getAndSet(true)) {
                System.out.println(reason);
            }
            return ConditionEvaluationResult.disabled(reason);
        }
    }
}
