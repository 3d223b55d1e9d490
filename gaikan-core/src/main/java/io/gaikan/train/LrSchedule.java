package io.gaikan.train;

/** Learning rate at a step of a phase: linear warmup, then cosine decay to zero, step decay, or constant. */
record LrSchedule(LrScheduleKind kind, int warmupSteps, int totalSteps, int stepsPerEpoch, int stepEpochs, float gamma) {

    float at(float baseLr, int step) {
        if (step < warmupSteps) {
            return baseLr * (step + 1) / warmupSteps;
        }
        return switch (kind) {
            case COSINE -> {
                double t = (double) (step - warmupSteps) / Math.max(1, totalSteps - warmupSteps);
                yield (float) (baseLr * 0.5 * (1 + Math.cos(Math.PI * Math.min(1, t))));
            }
            case STEP -> (float) (baseLr * Math.pow(gamma, (step / stepsPerEpoch) / Math.max(1, stepEpochs)));
            case CONSTANT -> baseLr;
        };
    }
}
