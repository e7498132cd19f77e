package org.icpengine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.icpengine.core.workspace.Workspace;
import org.icpengine.server.auth.ApiKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard end to end: the server over a demo workspace on an ephemeral loopback port, driven in Debian's
 * headless Chromium through its chromedriver (both installed by {@code .ci/run}; this test fails, never skips,
 * without them). Nothing is fetched from the network: the driver is given explicitly, so Selenium Manager is not used.
 */
class DashboardIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path dir;

    static IcpServer server;
    static String key;
    static ChromeDriver browser;
    static WebDriverWait wait;

    @BeforeAll
    static void startServerAndBrowser() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("the dashboard test needs Debian's chromium and chromedriver at %s and %s; "
                        + ".ci/run installs them (apt-get install chromium chromium-driver)", CHROMIUM, CHROMEDRIVER)
                .isTrue();
        Workspace ws = DemoWorkspace.create(dir.resolve("demo"), 600);
        key = ApiKeys.create(ApiKeys.file(ws), Clock.systemUTC());
        server = IcpServer.create(ws, ServerSettings.defaults().withPort(0)).start();

        System.setProperty("SE_AVOID_STATS", "true");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void theKeyOpensTheDashboardASegmentQueryChartsRowsAndAProspectIsScored() throws Exception {
        browser.get(server.url());
        assertThat(browser.getTitle()).isEqualTo("ICP Engine dashboard");

        browser.findElement(By.id("key")).sendKeys("icp_wrong-key");
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "refused"));
        assertThat(browser.findElement(By.id("app")).isDisplayed()).isFalse();

        browser.findElement(By.id("key")).clear();
        browser.findElement(By.id("key")).sendKeys(key);
        browser.findElement(By.id("login-submit")).click();
        WebElement rule = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("top-rule")));
        wait.until(d -> !rule.getText().isBlank());
        assertThat(rule.getText()).contains("ideal rate");
        wait.until(d -> !d.findElements(By.cssSelector("#verdicts tbody tr")).isEmpty());
        assertThat(js("return sessionStorage.getItem('icp.apiKey')")).isEqualTo(key);

        browser.findElement(By.cssSelector("#tabs button[data-view=segments]")).click();
        wait.until(d -> d.findElements(By.cssSelector("#dimensions input.dimension")).size() > 1);
        List<WebElement> dims = browser.findElements(By.cssSelector("#dimensions input.dimension"));
        for (WebElement d : dims) {
            if (!d.isSelected() && "employees_band".equals(d.getAttribute("value"))) {
                d.click();
            }
        }
        browser.findElement(By.id("where")).sendKeys("employees >= 10");
        browser.findElement(By.id("run-segments")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("segments-status"), "segments of"));
        assertThat(browser.findElements(By.cssSelector("#segments-table tbody tr"))).isNotEmpty();
        assertThat(browser.findElement(By.id("error")).getText()).isEmpty();
        wait.until(d -> !d.findElements(By.cssSelector("#segments-chart canvas, #segments-chart svg")).isEmpty());
        assertThat(js("var c = echarts.getInstanceByDom(document.getElementById('segments-chart'));"
                + " return c ? c.getOption().series[0].data.length : -1")).isInstanceOf(Number.class)
                .satisfies(n -> assertThat(((Number) n).intValue()).isPositive());

        // an API error that echoes markup reaches the page as text, not as elements
        browser.findElement(By.id("where")).clear();
        browser.findElement(By.id("where")).sendKeys("<img src=x id=injected>");
        browser.findElement(By.id("run-segments")).click();
        wait.until(d -> !d.findElement(By.id("error")).getText().isBlank());
        assertThat(browser.findElements(By.id("injected"))).isEmpty();
        browser.findElement(By.id("where")).clear();

        browser.findElement(By.cssSelector("#tabs button[data-view=prospects]")).click();
        WebElement button = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#prospects .score-button")));
        String exported = browser.findElement(By.cssSelector("#prospects tbody tr td:nth-child(5)")).getText();
        button.click();
        WebElement score = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#prospects .live-score")));
        // the live score of the prospect's metrics row is the score the sales export holds
        assertThat(score.getText().strip()).isEqualTo("fit: score " + exported);
        assertThat(browser.findElement(By.cssSelector("#prospects .live-tier")).getText()).matches(".*tier [A-Z]");

        browser.findElement(By.cssSelector("#tabs button[data-view=validation]")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#gains-chart canvas")).isEmpty());
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }
}
