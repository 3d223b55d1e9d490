package io.gaikan.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** train with auxiliary tasks from a CSV manifest, then eval and predict report every task. */
class MultiTaskCommandsTest {

    @TempDir
    Path tmp;

    /** path,label,light: bright/dark images of two classes (ok = flat, ng = a dark bar); every 4th light cell empty. */
    private Path manifest(int perClass) throws IOException {
        Random rnd = new Random(3);
        List<String> lines = new ArrayList<>(List.of("path,label,light"));
        Files.createDirectories(tmp.resolve("img"));
        int n = 0;
        for (String cls : new String[]{"ng", "ok"}) {
            for (int i = 0; i < perClass; i++, n++) {
                boolean bright = rnd.nextBoolean();
                BufferedImage img = new BufferedImage(24, 24, BufferedImage.TYPE_BYTE_GRAY);
                for (int y = 0; y < 24; y++) {
                    for (int x = 0; x < 24; x++) {
                        int v = (bright ? 170 : 80) + (int) (rnd.nextGaussian() * 6) - (cls.equals("ng") && y / 4 == 3 ? 60 : 0);
                        img.getRaster().setSample(x, y, 0, Math.max(0, Math.min(255, v)));
                    }
                }
                String file = "img/" + cls + i + ".png";
                ImageIO.write(img, "png", tmp.resolve(file).toFile());
                lines.add(file + "," + cls + "," + (n % 4 == 3 ? "" : bright ? "bright" : "dark"));
            }
        }
        Path csv = tmp.resolve("labels.csv");
        Files.write(csv, lines);
        return csv;
    }

    /** Runs a command and returns its standard output; fails on a non-zero exit with the error output. */
    private static String run(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            CommandLine cmd = new CommandLine(new Main());
            cmd.setErr(new PrintWriter(err));
            code = cmd.execute(args);
        } finally {
            System.setOut(saved);
        }
        assertEquals(0, code, String.join(" ", args) + " failed: " + err);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void trainEvalAndPredictCoverEveryTask() throws IOException {
        Path csv = manifest(12);
        Path runDir = tmp.resolve("run");
        String train = run("train", "--data", csv.toString(), "--normal-classes", "ok", "--model", "resnet18",
                "--size", "24", "--epochs", "1", "--batch-size", "8", "--augment", "none", "--threads", "2", "--quiet",
                "--task", "main=label", "--task", "defect=derived:groups*0.5", "--task", "light=column:light",
                "--out", runDir.toString());
        assertTrue(train.contains("test main"), train);
        assertTrue(train.contains("test defect"), train);
        assertTrue(train.contains("test light"), train);
        String metrics = Files.readString(runDir.resolve("metrics.json"));
        for (String task : List.of("\"main\"", "\"defect\"", "\"light\"")) {
            assertTrue(metrics.contains(task), "metrics.json has " + task);
        }

        String eval = run("eval", "--run", runDir.toString());
        assertTrue(eval.contains("test light"), eval);
        List<String> curve = Files.readAllLines(runDir.resolve("operating-curve.csv"));
        assertEquals("threshold,miss_rate,over_detection_rate", curve.get(0));
        assertEquals("0.000000,0.000000,1.000000", curve.get(1), "threshold 0 judges everything defective");
        assertTrue(curve.get(curve.size() - 1).endsWith(",1.000000,0.000000"), "above every score nothing is");
        assertTrue(Files.size(runDir.resolve("operating-curve.png")) > 0);

        String strictEval = run("eval", "--run", runDir.toString(), "--max-miss-rate", "0");
        assertTrue(strictEval.contains("miss rate 0.00% (limit 0.00%)"), strictEval);
        assertTrue(strictEval.contains("at defect threshold"), strictEval);

        String predict = run("predict", "--run", runDir.toString(), tmp.resolve("img").toString());
        List<String> lines = predict.lines().toList();
        assertEquals("path,class,probability,verdict,defect_score,defect,defect_probability,light,light_probability",
                lines.get(0));
        assertEquals(25, lines.size(), "header + 24 images");
        String[] row = lines.get(1).split(",");
        assertEquals(9, row.length, lines.get(1));
        assertTrue(List.of("ng", "ok").contains(row[1]));
        assertEquals(row[1].equals("ng") ? "DEFECT" : "normal", row[3], "verdict by the most probable class");
        double score = Double.parseDouble(row[4]);
        assertEquals(row[1].equals("ng"), score >= 0.5, "defect score " + score + " of a 2-class run");
        assertTrue(List.of("defect", "normal").contains(row[5]));
        assertTrue(List.of("bright", "dark").contains(row[7]));

        // with a threshold: every image whose defect score reaches it is a defect, whatever its most probable class
        String strict = run("predict", "--run", runDir.toString(), "--defect-threshold", "0", tmp.resolve("img").toString());
        assertTrue(strict.lines().skip(1).allMatch(l -> l.split(",")[3].equals("DEFECT")), strict);
    }
}
