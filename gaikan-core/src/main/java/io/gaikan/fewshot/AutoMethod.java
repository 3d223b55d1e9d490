package io.gaikan.fewshot;

/** {@code --method auto}: the head that measured best for the number of training images per class. */
public final class AutoMethod extends FewShotMethod {

    @Override
    public String name() {
        return "auto";
    }

    @Override
    Choice choose(int fewest) {
        return new Choice(HeadKind.LOGISTIC, "auto: logistic regression at " + fewest + " images in the smallest class");
    }
}
