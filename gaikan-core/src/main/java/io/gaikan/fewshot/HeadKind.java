package io.gaikan.fewshot;

/** The few-shot heads. */
enum HeadKind {
    /** cosine similarity to each class's mean support vector, at a fixed scale */
    PROTOTYPES,
    /** multinomial logistic regression with an L2 penalty, solved to convergence */
    LOGISTIC
}
