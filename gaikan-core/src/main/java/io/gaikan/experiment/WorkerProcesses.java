package io.gaikan.experiment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Runs the grid in several operating-system processes (each its own JVM and PyTorch), for machines with more cores
 * than one training run uses well. Each worker is given its share of the threads through {@code OMP_NUM_THREADS};
 * they share the experiment's {@link RunStore}. Output is inherited, so their progress lines interleave.
 */
public final class WorkerProcesses {

    private WorkerProcesses() {
    }

    /**
     * Starts {@code count} workers, {@code command.apply(i)} being worker i's command line, and waits for all.
     *
     * @throws IllegalStateException naming the workers that failed
     */
    public static void run(int count, IntFunction<List<String>> command, int threadsEach)
            throws IOException, InterruptedException {
        List<Process> processes = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ProcessBuilder pb = new ProcessBuilder(command.apply(i)).inheritIO();
                pb.environment().put("OMP_NUM_THREADS", Integer.toString(threadsEach));
                processes.add(pb.start());
            }
            List<String> failed = new ArrayList<>();
            for (int i = 0; i < processes.size(); i++) {
                int code = processes.get(i).waitFor();
                if (code != 0) {
                    failed.add("worker " + (i + 1) + " (exit " + code + ")");
                }
            }
            if (!failed.isEmpty()) {
                throw new IllegalStateException(String.join(", ", failed) + " failed; run the same command again to resume");
            }
        } finally {
            // An interrupted coordinator must not leave orphaned trainers behind.
            processes.stream().filter(Process::isAlive).forEach(Process::destroy);
        }
    }
}
