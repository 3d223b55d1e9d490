package io.gaikan.model.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.gaikan.model.ImageClassifier;
import io.gaikan.model.ModelOptions;
import io.gaikan.model.ModelRegistry;
import io.gaikan.model.ModelSpec;
import io.gaikan.testing.Shared;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The genuine ImageNet MobileNetV2 in ../shared/weights, resolved the way {@code --init imagenet} resolves it,
 * classifies the shared photos as timm does (resize 256 bilinear, centre crop 224, ImageNet mean/std).
 */
class ImageNetMobileNetV2Test {

    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] STD = {0.229f, 0.224f, 0.225f};

    @TempDir
    Path cache;

    @Test
    void imagenetWeightsGiveTheExpectedClasses() throws IOException {
        Path dir = Shared.require("weights/mobilenetv2_100.imagenet.safetensors").getParent();
        ModelSpec spec = ModelRegistry.defaults().get("mobilenetv2_100");
        PretrainedResolver resolver = new PretrainedResolver(dir, cache, false, System.err);

        Path timmFile = resolver.resolve(spec, null);
        assertEquals("mobilenetv2_100.imagenet.safetensors", timmFile.getFileName().toString());
        float[] kittenTimm;
        try (NDManager manager = NDManager.newBaseManager()) {
            ImageClassifier model = spec.build(ModelOptions.classes(1000));
            model.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 224, 224));
            LoadReport report = WeightLoader.load(model, timmFile);
            assertTrue(report.reinitialised().isEmpty(), report.summary());
            kittenTimm = probabilities(model, manager, dir.resolve("kitten.jpg"));
            float[] fox = probabilities(model, manager, dir.resolve("fox.png"));
            System.out.printf("kitten: top-1 %d p=%.3f; fox: top-1 %d p=%.3f%n",
                    argmax(kittenTimm), kittenTimm[argmax(kittenTimm)], argmax(fox), fox[argmax(fox)]);
            assertEquals(281, argmax(kittenTimm), "kitten.jpg is a tabby cat");
            assertEquals(279, argmax(fox), "fox.png is an Arctic fox");
            assertEquals(0.647, kittenTimm[281], 0.06);
            assertEquals(0.915, fox[279], 0.06);
        }

        // --weights with torchvision's names goes through the mobilenet_v2 alias to the same function
        Path torchvisionFile = resolver.resolve(spec, dir.resolve("mobilenet_v2.torchvision.imagenet.safetensors"));
        try (NDManager manager = NDManager.newBaseManager()) {
            ImageClassifier model = spec.build(ModelOptions.classes(1000));
            model.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 224, 224));
            LoadReport report = WeightLoader.load(model, torchvisionFile);
            assertEquals("torchvision mobilenet_v2 names", report.naming());
            assertTrue(report.reinitialised().isEmpty(), report.summary());
            assertArrayEquals(kittenTimm, probabilities(model, manager, dir.resolve("kitten.jpg")), 1e-6f);
        }
    }

    private static float[] probabilities(ImageClassifier model, NDManager manager, Path image) throws IOException {
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = scope.create(preprocess(image), new Shape(1, 3, 224, 224));
            NDArray logits = model.forward(new ParameterStore(scope, false), new ai.djl.ndarray.NDList(x), false).get(0);
            return logits.softmax(1).toFloatArray();
        }
    }

    /** Shorter side to 256 (bilinear), centre crop 224, RGB / 255, ImageNet mean/std, CHW. */
    private static float[] preprocess(Path file) throws IOException {
        BufferedImage src = ImageIO.read(file.toFile());
        double scale = 256.0 / Math.min(src.getWidth(), src.getHeight());
        int w = (int) Math.round(src.getWidth() * scale);
        int h = (int) Math.round(src.getHeight() * scale);
        BufferedImage resized = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = resized.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        int x0 = (w - 224) / 2;
        int y0 = (h - 224) / 2;
        float[] chw = new float[3 * 224 * 224];
        for (int y = 0; y < 224; y++) {
            for (int x = 0; x < 224; x++) {
                int rgb = resized.getRGB(x0 + x, y0 + y);
                for (int c = 0; c < 3; c++) {
                    float v = ((rgb >> (16 - 8 * c)) & 0xFF) / 255f;
                    chw[(c * 224 + y) * 224 + x] = (v - MEAN[c]) / STD[c];
                }
            }
        }
        return chw;
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
