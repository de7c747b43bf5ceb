#!/usr/bin/env python3
"""Refits the answer gate (src/main/java/org/consularbot/faq/AnswerGate.java) on cross-validated readings.

    java -jar target/consular-bot.jar eval --cross-validate --corpus faq --out /tmp/cv.jsonl
    python3 eval/fit-answer-gate.py /tmp/cv.jsonl

Every line of the cross-validation carries, when the matcher weighed answering outright, the signals it read
("gate", in AnswerGate.features order) for a message the reading had not learned from. A message counts as
answerable when it is in scope and the top entry's topic is one it expects. The script fits a logistic regression
(numpy only), estimates by 5 folds of its own what each threshold would answer and how precisely, and prints the
weights to paste into AnswerGate. It never reads the blind sets: do not feed it one.
"""
import json
import sys

import numpy as np

NONE = {"chitchat", "decline", "none", "NONE"}


def read(path):
    features, labels, in_scope = [], [], []
    for line in open(path, encoding="utf-8"):
        row = json.loads(line)
        if "gate" not in row or not row.get("ranked"):
            continue
        expected = row["expected"]
        scoped = expected not in NONE
        features.append(row["gate"])
        labels.append(1.0 if scoped and row["ranked"][0]["topic"] in expected.split("|") else 0.0)
        in_scope.append(scoped)
    return np.array(features), np.array(labels), np.array(in_scope)


def fit(x, y, l2=1e-3, steps=3000, rate=0.5):
    mean, sd = x.mean(0), x.std(0) + 1e-9
    z = np.c_[(x - mean) / sd, np.ones(len(x))]
    w = np.zeros(z.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-z @ w))
        w -= rate * (z.T @ (p - y) / len(y) + l2 * w)
    raw = w[:-1] / sd
    return raw, w[-1] - np.sum(w[:-1] * mean / sd)


def main(path):
    x, y, in_scope = read(path)
    folds = np.arange(len(y)) % 5
    held = np.zeros(len(y))
    for k in range(5):
        weights, bias = fit(x[folds != k], y[folds != k])
        held[folds == k] = 1 / (1 + np.exp(-(x[folds == k] @ weights + bias)))
    print(f"{len(y)} messages weighed, {int(in_scope.sum())} in scope")
    for threshold in (0.85, 0.90, 0.92, 0.93, 0.94, 0.95):
        answered = held >= threshold
        precision = y[answered].mean() if answered.any() else float("nan")
        rate = (answered & (y == 1)).sum() / in_scope.sum()
        print(f"  from {threshold:.2f}: precision {precision:.3f}, answered {rate:.3f} of in-scope messages weighed")
    weights, bias = fit(x, y)
    print("WEIGHTS = {" + ", ".join(f"{v:.4f}" for v in weights) + "};")
    print(f"BIAS = {bias:.4f};")


if __name__ == "__main__":
    main(sys.argv[1])
