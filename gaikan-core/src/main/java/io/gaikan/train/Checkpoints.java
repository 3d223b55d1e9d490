package io.gaikan.train;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gaikan.files.AtomicFile;
import io.gaikan.model.ImageClassifier;
import io.gaikan.text.JsonNumbers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A run's checkpoints: {@code checkpoints/epoch-NNN.{model,optim}.safetensors} plus {@code epoch-NNN.state.json},
 * written last, so a checkpoint counts only once complete and a kill at any moment leaves the previous one usable;
 * {@code best.safetensors} for early stopping; and a copy of run.json naming whose checkpoints they are.
 */
final class Checkpoints {

    private static final ObjectMapper STATE_JSON = JsonNumbers.mapper().build();

    private final RunLayout run;
    private final Path checkpoints;

    Checkpoints(RunLayout run) {
        this.run = run;
        this.checkpoints = run.checkpoints();
    }

    RunLayout run() {
        return run;
    }

    Path best() {
        return checkpoints.resolve("best.safetensors");
    }

    void save(ImageClassifier model, Optimizer optimizer, TrainState state) throws IOException {
        Files.createDirectories(checkpoints);
        Path owner = checkpoints.resolve(RunLayout.RUN_INFO);
        if (!Files.exists(owner)) { // which run these checkpoints belong to, checked on --resume
            Files.copy(run.runInfo(), owner);
        }
        String prefix = String.format("epoch-%03d", state.epochsDone());
        ModelState.saveModel(model, checkpoints.resolve(prefix + ".model.safetensors"));
        ModelState.saveTensors(optimizer.state(), checkpoints.resolve(prefix + ".optim.safetensors"));
        AtomicFile.write(checkpoints.resolve(prefix + ".state.json"), tmp -> STATE_JSON.writeValue(tmp.toFile(), state));
        run.writeCurves(state.history());
        for (String old : completed()) {
            if (!old.equals(prefix)) {
                for (String suffix : List.of(".state.json", ".model.safetensors", ".optim.safetensors")) {
                    Files.deleteIfExists(checkpoints.resolve(old + suffix));
                }
            }
        }
    }

    /** Restores model and optimiser from the newest complete checkpoint; a fresh state if there is none. */
    TrainState load(ImageClassifier model, Optimizer optimizer, NDManager manager) throws IOException {
        List<String> done = completed();
        if (done.isEmpty()) {
            return TrainState.fresh();
        }
        Path owner = checkpoints.resolve(RunLayout.RUN_INFO);
        if (Files.exists(owner) && !RunInfo.read(checkpoints).config().identity().equals(run.readInfo().config().identity())) {
            throw new IllegalArgumentException("the checkpoints in " + checkpoints + " belong to a run with other settings "
                    + "than " + run.runInfo() + ": resuming would keep the old model under the new settings; "
                    + "start again with --overwrite");
        }
        String prefix = done.get(done.size() - 1);
        ModelState.restoreModel(model, checkpoints.resolve(prefix + ".model.safetensors"));
        try (NDManager tmp = manager.newSubManager()) {
            optimizer.load(ModelState.readTensors(checkpoints.resolve(prefix + ".optim.safetensors"), tmp), manager);
        }
        return STATE_JSON.readValue(checkpoints.resolve(prefix + ".state.json").toFile(), TrainState.class);
    }

    private List<String> completed() throws IOException {
        if (!Files.isDirectory(checkpoints)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(checkpoints)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("epoch-\\d+\\.state\\.json"))
                    .map(n -> n.substring(0, n.indexOf('.')))
                    .sorted()
                    .toList();
        }
    }
}
