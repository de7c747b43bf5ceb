#!/usr/bin/env python3
"""Refits the follow-up chooser (src/main/java/org/consularbot/faq/FollowUpChooser.java) on tuning sets' follow-ups.

    for s in tune5 tune6 tune7 tune9 tune13-followups; do
      java -jar target/consular-bot.jar eval --queries eval/$s.tsv --out /tmp/fu-$s.jsonl
    done
    python3 eval/fit-follow-up.py /tmp/fu-tune5.jsonl /tmp/fu-tune6.jsonl /tmp/fu-tune7.jsonl /tmp/fu-tune9.jsonl \
        /tmp/fu-tune13-followups.jsonl

Every follow-up the matcher read with the message before it carries the topics it weighed ("followUp", each with
its signals in FollowUpChooser.features order). A topic is right when the row expects it. The script fits one
logistic regression over all topics weighed (numpy only), estimates by leaving each file out in turn how often the
most likely topic is right (beside the topic both messages together rank first), and prints the weights to paste
into FollowUpChooser. The signals do not depend on the weights, so any build's output refits. It never reads the
blind sets: do not feed it one.
"""
import json
import sys

import numpy as np


def read(path):
    """(signals, right, row) for every topic weighed, the row numbering the follow-ups of this file."""
    features, labels, rows = [], [], []
    row = 0
    for line in open(path, encoding="utf-8"):
        record = json.loads(line)
        if not record.get("followUp"):
            continue
        expected = set(record["expected"].split("|"))
        for option in record["followUp"]:
            features.append(option["signals"])
            labels.append(1.0 if option["topic"] in expected else 0.0)
            rows.append(row)
        row += 1
    return np.array(features), np.array(labels), np.array(rows)


def fit(x, y, l2=1.0, steps=4000, rate=0.1):
    mean, sd = x.mean(0), x.std(0) + 1e-9
    z = (x - mean) / sd
    w, b = np.zeros(z.shape[1]), 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(z @ w + b)))
        w -= rate * (z.T @ (p - y) + l2 * w) / len(y)
        b -= rate * (p - y).mean()
    return w / sd, b - np.sum(w * mean / sd)


def right_first(x, y, rows, weights, bias):
    """How many follow-ups have a right topic as the most likely one."""
    scores = x @ weights + bias
    return sum(y[rows == r][np.argmax(scores[rows == r])] for r in np.unique(rows))


# The signal saying a topic ranks first when both messages are read together (FollowUpChooser.features).
TOGETHER_FIRST = 10


def main(paths):
    sets = [read(p) for p in paths]
    for l2 in (1.0, 10.0, 50.0):
        total, chosen, together = 0, 0, 0
        for k, (x, y, rows) in enumerate(sets):
            others = [s for j, s in enumerate(sets) if j != k] or sets
            weights, bias = fit(np.vstack([s[0] for s in others]), np.concatenate([s[1] for s in others]), l2)
            chosen += right_first(x, y, rows, weights, bias)
            together += sum(y[(rows == r) & (x[:, TOGETHER_FIRST] == 1)].max(initial=0) for r in np.unique(rows))
            total += len(np.unique(rows))
        print(f"l2 {l2}: each file left out in turn, right first {chosen / total:.3f} "
              f"(both messages' first topic {together / total:.3f}) of {total} follow-ups")
    x = np.vstack([s[0] for s in sets])
    y = np.concatenate([s[1] for s in sets])
    weights, bias = fit(x, y)
    print("WEIGHTS = {" + ", ".join(f"{v:.4f}" for v in weights) + "};")
    print(f"BIAS = {bias:.4f};")


if __name__ == "__main__":
    main(sys.argv[1:])
