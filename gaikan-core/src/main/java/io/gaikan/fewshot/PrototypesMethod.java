package io.gaikan.fewshot;

/** {@code --method prototypes}: cosine similarity to each class's mean training vector. */
public final class PrototypesMethod extends FewShotMethod {

    @Override
    public String name() {
        return "prototypes";
    }

    @Override
    Choice choose(int fewest, boolean transductiveAsked) {
        return new Choice(HeadKind.PROTOTYPES, transductiveAsked, "--method prototypes");
    }
}
