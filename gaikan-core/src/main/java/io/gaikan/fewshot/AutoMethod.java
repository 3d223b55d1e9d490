package io.gaikan.fewshot;

/**
 * {@code --method auto}: the head that measured best for the number of training images per class, and with
 * {@code --transductive} refinement only where it measured better (README, "Few images per class").
 */
public final class AutoMethod extends FewShotMethod {

    /**
     * Transductive refinement pays below this many images in the smallest class: on x-sdd (5 draws) it added 6 and 6
     * points at 1 and 2 images per class and cost 2 and 4 at 5 and 10, where the labelled images already place the
     * classes better than the clusters of the unlabelled ones do.
     */
    static final int TRANSDUCTIVE_BELOW = 5;

    @Override
    public String name() {
        return "auto";
    }

    @Override
    Choice choose(int fewest, boolean transductiveAsked) {
        boolean refine = transductiveAsked && fewest < TRANSDUCTIVE_BELOW;
        String why = "auto: logistic regression at " + fewest + " image(s) in the smallest class"
                + (!transductiveAsked ? "" : refine ? ", refined transductively (below " + TRANSDUCTIVE_BELOW + ")"
                : ", not refined transductively (it helps only below " + TRANSDUCTIVE_BELOW + ")");
        return new Choice(HeadKind.LOGISTIC, refine, why);
    }
}
