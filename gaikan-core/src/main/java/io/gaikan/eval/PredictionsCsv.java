package io.gaikan.eval;

import io.gaikan.text.Csv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code predictions.csv}, one format for a run's test images and for {@code gaikan predict}: per image its path, then
 * for the main task its true class (when known), class and probability, the verdict and defect score (when the run
 * knows its normal classes), the same for every further task ({@code <task>_true}, {@code <task>},
 * {@code <task>_probability}), and an {@code error} column when some images could not be read (those rows keep only
 * their path and the reason).
 */
public final class PredictionsCsv {

    private PredictionsCsv() {
    }

    /**
     * @param truth  per image, per task, the true class ("" unlabelled); null when not known (new images)
     * @param errors unreadable images and why
     * @param path   how a path is written (relative to the data, or as given)
     */
    public static List<List<String>> records(List<Classification> results, List<List<String>> truth,
                                             Map<Path, String> errors, Function<Path, String> path) {
        List<List<String>> records = new ArrayList<>();
        if (results.isEmpty() && errors.isEmpty()) {
            return records;
        }
        boolean verdicts = !results.isEmpty() && results.get(0).defect().isPresent();
        List<String> header = new ArrayList<>(List.of("path"));
        List<String> tasks = results.isEmpty() ? List.of("main")
                : results.get(0).tasks().stream().map(Classification.TaskLabel::task).toList();
        for (int t = 0; t < tasks.size(); t++) {
            String prefix = t == 0 ? "" : tasks.get(t) + "_";
            if (truth != null) {
                header.add(prefix + "true");
            }
            header.add(t == 0 ? "class" : tasks.get(t));
            header.add(prefix + "probability");
            if (t == 0 && verdicts) {
                header.addAll(List.of("verdict", "defect_score"));
            }
        }
        if (!errors.isEmpty()) {
            header.add("error");
        }
        records.add(header);
        for (int i = 0; i < results.size(); i++) {
            Classification c = results.get(i);
            List<String> row = new ArrayList<>(List.of(path.apply(c.image())));
            for (int t = 0; t < c.tasks().size(); t++) {
                if (truth != null) {
                    row.add(truth.get(i).get(t));
                }
                row.add(c.tasks().get(t).label());
                row.add(String.format(Locale.ROOT, "%.4f", c.tasks().get(t).probability()));
                if (t == 0) {
                    c.defect().ifPresent(d -> {
                        row.add(d ? "DEFECT" : "normal");
                        row.add(String.format(Locale.ROOT, "%.4f", c.defectScore()));
                    });
                }
            }
            if (!errors.isEmpty()) {
                row.add("");
            }
            records.add(row);
        }
        errors.forEach((image, reason) -> {
            List<String> row = new ArrayList<>(List.of(path.apply(image)));
            while (row.size() < header.size() - 1) {
                row.add("");
            }
            row.add(reason);
            records.add(row);
        });
        return records;
    }

    public static void write(Path file, List<List<String>> records) throws IOException {
        Csv.write(file, records.isEmpty() ? List.of("path") : records.get(0),
                records.isEmpty() ? List.of() : records.subList(1, records.size()));
    }
}
