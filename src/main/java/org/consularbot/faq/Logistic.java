package org.consularbot.faq;

import java.util.Arrays;

/**
 * A logistic model fitted offline (numpy, by the scripts under {@code eval/}) and pasted in as weights: the answer
 * gate's and the follow-up chooser's. One place for the arithmetic and for refusing signals of another length.
 */
final class Logistic {

    private final double[] weights;
    private final double bias;

    Logistic(double[] weights, double bias) {
        this.weights = Arrays.copyOf(weights, weights.length);
        this.bias = bias;
    }

    /** The probability these signals give, in the order the weights were fitted on. */
    double probability(double[] features) {
        if (features.length != weights.length) {
            throw new IllegalArgumentException("expected " + weights.length + " signals, got " + features.length);
        }
        double z = bias;
        for (int i = 0; i < weights.length; i++) {
            z += weights[i] * features[i];
        }
        return 1 / (1 + Math.exp(-z));
    }
}
