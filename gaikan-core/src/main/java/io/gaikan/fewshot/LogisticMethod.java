package io.gaikan.fewshot;

/** {@code --method logistic}: L2-regularised logistic regression on the pooled features. */
public final class LogisticMethod extends FewShotMethod {

    @Override
    public String name() {
        return "logistic";
    }

    @Override
    Choice choose(int fewest, boolean transductiveAsked) {
        return new Choice(HeadKind.LOGISTIC, transductiveAsked, "--method logistic");
    }
}
