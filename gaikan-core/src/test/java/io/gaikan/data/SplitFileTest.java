package io.gaikan.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** split.csv keeps image paths with commas, quotes, line breaks and Unicode (a comma used to break the file). */
class SplitFileTest {

    @Test
    void awkwardPathsRoundTrip(@TempDir Path tmp) {
        Path root = tmp.resolve("data");
        Split split = new Split(List.of(root.resolve("ok/part 1, left.png"), root.resolve("ok/say \"hi\".png")),
                List.of(root.resolve("ng/two\nlines.png")), List.of(root.resolve("傷/画像.png")),
                List.of(root.resolve("ng/copy,1.png")));
        Path file = tmp.resolve("split.csv");
        split.save(file, root);
        assertEquals(split, Split.load(file, root));
    }
}
