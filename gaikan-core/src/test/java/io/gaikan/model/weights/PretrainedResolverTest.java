package io.gaikan.model.weights;

import io.gaikan.model.ModelRegistry;
import io.gaikan.model.ModelSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PretrainedResolverTest {

    @TempDir
    Path root;

    private final ModelSpec resnet18 = ModelRegistry.defaults().get("resnet18");

    private PretrainedResolver resolver(boolean allowDownload) throws IOException {
        return new PretrainedResolver(Files.createDirectories(root.resolve("weights")),
                Files.createDirectories(root.resolve("cache")), allowDownload, new PrintStream(new ByteArrayOutputStream()));
    }

    private Path touch(String relative) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, "x");
    }

    @Test
    void resolvesInTheDocumentedOrder() throws IOException {
        PretrainedResolver resolver = resolver(false);
        Path cached = touch("cache/resnet18.safetensors");
        assertEquals(cached, resolver.resolve(resnet18, null));
        Path tagged = touch("weights/resnet18.a1_in1k.safetensors");
        touch("weights/resnet18d.safetensors");
        assertEquals(tagged, resolver.resolve(resnet18, null), "GAIKAN_WEIGHTS before the cache");
        Path exact = touch("weights/resnet18.safetensors");
        assertEquals(exact, resolver.resolve(resnet18, null), "<model>.safetensors before <model>.<tag>.safetensors");
        Path explicit = touch("elsewhere/my.safetensors");
        assertEquals(explicit, resolver.resolve(resnet18, explicit), "--weights wins");
        assertEquals(Optional.of(exact), resolver.findLocal("resnet18"));
        assertEquals(Optional.empty(), resolver.findLocal("resnet34"));
    }

    @Test
    void offlineWithNothingFoundSaysWhereToPutTheFile() throws IOException {
        PretrainedResolver resolver = resolver(false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> resolver.resolve(resnet18, null));
        String m = e.getMessage();
        assertTrue(m.contains("https://huggingface.co/timm/resnet18.a1_in1k/resolve/main/model.safetensors"), m);
        assertTrue(m.contains(root.resolve("weights/resnet18.safetensors").toString()), m);
        assertTrue(m.contains(root.resolve("cache/resnet18.safetensors").toString()), m);
        assertTrue(m.contains("--weights"), m);

        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> resolver.resolve(ModelRegistry.defaults().get("efficientnet_b7"), null));
        assertTrue(none.getMessage().contains("timm publishes none"), none.getMessage());
        // allowing downloads changes nothing for a model without hub weights: still no network access
        assertThrows(IllegalArgumentException.class,
                () -> resolver(true).resolve(ModelRegistry.defaults().get("efficientnet_b7"), null));
    }

    @Test
    void aMissingExplicitFileIsNamed() throws IOException {
        Path missing = root.resolve("nope.safetensors");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> resolver(false).resolve(resnet18, missing));
        assertEquals("--weights " + missing + ": no such file", e.getMessage());
    }
}
