package org.consularbot.eval;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.consularbot.faq.FaqMatcher;

/** Runs a matcher over labelled messages and reports the figures, overall, per kind and per emergency situation. */
public final class Evaluation {

    private final List<QueryOutcome> outcomes;

    private Evaluation(List<QueryOutcome> outcomes) {
        this.outcomes = List.copyOf(outcomes);
    }

    /**
     * Matches every query in order, a follow-up in the context of its previous message; progress goes to
     * {@code progress} every 100 messages.
     */
    public static Evaluation run(FaqMatcher matcher, List<EvalQuery> queries, PrintWriter progress) {
        List<QueryOutcome> outcomes = new ArrayList<>(queries.size());
        for (EvalQuery query : queries) {
            outcomes.add(new QueryOutcome(
                    query,
                    query.previous() == null
                            ? matcher.match(query.question())
                            : matcher.match(query.question(), query.previous())));
            if (progress != null && outcomes.size() % 100 == 0) {
                progress.printf(Locale.ROOT, "  %s: %d/%d messages%n", matcher.name(), outcomes.size(), queries.size());
                progress.flush();
            }
        }
        return new Evaluation(outcomes);
    }

    /** Figures of outcomes matched elsewhere ({@link CrossValidation}). */
    static Evaluation of(List<QueryOutcome> outcomes) {
        return new Evaluation(outcomes);
    }

    public List<QueryOutcome> outcomes() {
        return outcomes;
    }

    public Figures overall() {
        return Figures.of(outcomes);
    }

    /** Figures per kind, kinds in the order they first appear. */
    public Map<String, Figures> byKind() {
        Map<String, List<QueryOutcome>> groups = new LinkedHashMap<>();
        outcomes.forEach(o ->
                groups.computeIfAbsent(o.query().kind(), k -> new ArrayList<>()).add(o));
        Map<String, Figures> figures = new LinkedHashMap<>();
        groups.forEach((kind, list) -> figures.put(kind, Figures.of(list)));
        return figures;
    }

    /** Figures of the urgent messages per labelled situation, by name. */
    public Map<String, Figures> bySituation() {
        Map<String, List<QueryOutcome>> groups = new TreeMap<>();
        outcomes.stream()
                .filter(o -> o.query().urgent() && o.query().situation() != null)
                .forEach(o -> groups.computeIfAbsent(o.query().situation(), k -> new ArrayList<>())
                        .add(o));
        Map<String, Figures> figures = new LinkedHashMap<>();
        groups.forEach((situation, list) -> figures.put(situation, Figures.of(list)));
        return figures;
    }

    /** Tables a person reads: one row per kind, then the total; then urgent messages per situation. */
    public void print(String title, PrintWriter out) {
        out.println(title);
        out.printf(
                Locale.ROOT,
                "  %-10s %5s %6s %8s %8s %7s %7s %7s %7s %7s %7s %6s %6s%n",
                "kind",
                "n",
                "shown",
                "ans.prec",
                "ans.rate",
                "no.faq",
                "chit",
                "decl",
                "urgent",
                "f.emerg",
                "sit.ok",
                "mrr",
                "no.llm");
        byKind().forEach((kind, f) -> row(out, kind, f));
        row(out, "ALL", overall());
        Map<String, Figures> situations = bySituation();
        if (!situations.isEmpty()) {
            out.println(
                    "  urgent messages per situation: recall (emergency tier), warned (emergency tier or hotline with the"
                            + " danger button), situation named right among detected");
            situations.forEach((situation, f) -> out.printf(
                    Locale.ROOT,
                    "    %-18s %4d  recall %s  warned %s  named %s%n",
                    situation,
                    f.count(),
                    fmt(f.emergencyRecall()),
                    fmt(f.urgentWarned()),
                    fmt(f.situationRight())));
            out.printf(
                    Locale.ROOT,
                    "    %-18s %4d  recall %s  warned %s%n",
                    "all urgent",
                    outcomes.stream().filter(o -> o.query().urgent()).count(),
                    fmt(overall().emergencyRecall()),
                    fmt(overall().urgentWarned()));
        }
        out.flush();
    }

    private static void row(PrintWriter out, String kind, Figures f) {
        out.printf(
                Locale.ROOT,
                "  %-10s %5d %6s %8s %8s %7s %7s %7s %7s %7s %7s %6s %6s%n",
                kind,
                f.count(),
                fmt(f.top1()),
                fmt(f.answerPrecision()),
                fmt(f.answerRate()),
                fmt(f.rejection()),
                fmt(f.chitchat()),
                fmt(f.declined()),
                fmt(f.emergencyRecall()),
                fmt(f.falseEmergency()),
                fmt(f.situationRight()),
                fmt(f.mrr()),
                fmt(f.faqHandled()));
    }

    static String fmt(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }
}
