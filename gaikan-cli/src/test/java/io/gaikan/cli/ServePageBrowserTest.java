package io.gaikan.cli;

import io.gaikan.data.ImageFolder;
import io.gaikan.eval.Classification;
import io.gaikan.model.ModelRegistry;
import io.gaikan.serve.ServeSettings;
import io.gaikan.serve.Server;
import io.gaikan.train.TrainedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The page at / in a real browser (Debian's chromium and chromium-driver, headless): it loads offline from the jar,
 * an image picked in the file input gets the server's verdict and a heat map, and moving the threshold changes the
 * verdict. Skipped with the reason when the browser or its driver is not installed (.ci/run installs them).
 */
class ServePageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @Test
    void pageClassifiesAnUploadedImage(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "skipped: needs " + CHROMIUM + " and " + DRIVER + " (apt-get install chromium chromium-driver)");
        Path run = ServeFixture.trainedRun(dir);
        Path image = ImageFolder.images(dir.resolve("data").resolve("ng")).get(0);
        Classification expected;
        try (TrainedModel model = TrainedModel.load(run, ModelRegistry.defaults())) {
            expected = model.classify(List.of(image), 1).get(0);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1280,1000", "--user-data-dir=" + dir.resolve("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        try (Server server = Server.start(ServeSettings.builder(run).port(0).build(), ModelRegistry.defaults())) {
            ChromeDriver browser = new ChromeDriver(service, options);
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
                browser.get("http://127.0.0.1:" + server.port() + "/");
                wait.until(b -> b.findElement(By.id("model-name")).getText().equals("run"));
                browser.findElement(By.id("files")).sendKeys(image.toString());
                WebElement card = wait.until(b -> b.findElement(By.cssSelector(".card[data-verdict]")));
                String verdict = card.findElement(By.className("verdict")).getText();
                assertEquals(expected.defectScore() >= 0.5 ? "NG" : "OK", verdict, "the page's verdict at threshold 0.5");
                assertTrue(card.findElement(By.cssSelector("img.heatmap")).getAttribute("src").startsWith("data:image/png;base64,"));
                assertTrue(card.getText().contains(expected.label()), card.getText());
                String score = card.findElement(By.className("score")).getText();
                assertEquals(expected.defectScore(), Double.parseDouble(score), 1e-4);

                // the threshold slider re-judges the image without asking the server again
                double moved = expected.defectScore() >= 0.5 ? 1.0 : 0.0;
                ((JavascriptExecutor) browser).executeScript("const s = document.getElementById('threshold');"
                        + "s.value = arguments[0]; s.dispatchEvent(new Event('input'));", moved);
                String after = card.findElement(By.className("verdict")).getText();
                assertEquals(moved == 1.0 && expected.defectScore() < 1.0 ? "OK" : "NG", after);
                assertEquals(1, browser.findElements(By.cssSelector("#results tbody tr")).size());

                File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
                Path kept = Path.of("target", "serve-page.png");
                Files.createDirectories(kept.getParent());
                Files.copy(shot.toPath(), kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                assertTrue(Files.size(kept) > 10_000, "screenshot " + kept);
            } finally {
                browser.quit();
            }
        }
    }
}
