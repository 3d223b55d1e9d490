package io.gaikan.fewshot;

/** {@code --method prototypes}: cosine similarity to each class's mean training vector. */
public final class PrototypesMethod extends FewShotMethod {

    @Override
    public String name() {
        return "prototypes";
    }

    @Override
    Choice choose(int fewest) {
        return new Choice(HeadKind.PROTOTYPES, "--method prototypes");
    }
}
