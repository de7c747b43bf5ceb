package org.consularbot.eval;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.consularbot.faq.FaqMatcher;

/** Runs a matcher over labelled messages and reports the figures, overall and per kind. */
public final class Evaluation {

    private final List<QueryOutcome> outcomes;

    private Evaluation(List<QueryOutcome> outcomes) {
        this.outcomes = List.copyOf(outcomes);
    }

    /** Matches every query in order; progress goes to {@code progress} every 100 messages. */
    public static Evaluation run(FaqMatcher matcher, List<EvalQuery> queries, PrintWriter progress) {
        List<QueryOutcome> outcomes = new ArrayList<>(queries.size());
        for (EvalQuery query : queries) {
            outcomes.add(new QueryOutcome(query, matcher.match(query.question())));
            if (progress != null && outcomes.size() % 100 == 0) {
                progress.printf(Locale.ROOT, "  %s: %d/%d messages%n", matcher.name(), outcomes.size(), queries.size());
                progress.flush();
            }
        }
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
        outcomes.forEach(o -> groups.computeIfAbsent(o.query().kind(), k -> new ArrayList<>()).add(o));
        Map<String, Figures> figures = new LinkedHashMap<>();
        groups.forEach((kind, list) -> figures.put(kind, Figures.of(list)));
        return figures;
    }

    /** A table a person reads: one row per kind, then the total. */
    public void print(String title, PrintWriter out) {
        out.println(title);
        out.printf(Locale.ROOT, "  %-10s %5s %6s %7s %7s %7s %7s %7s %6s %6s%n",
                "kind", "n", "top1", "ans.prec", "ans.rate", "reject", "emerg", "f.emerg", "mrr", "no.llm");
        byKind().forEach((kind, f) -> row(out, kind, f));
        row(out, "ALL", overall());
        out.flush();
    }

    private static void row(PrintWriter out, String kind, Figures f) {
        out.printf(Locale.ROOT, "  %-10s %5d %6s %7s %7s %7s %7s %7s %6s %6s%n", kind, f.count(), fmt(f.top1()),
                fmt(f.answerPrecision()), fmt(f.answerRate()), fmt(f.rejection()), fmt(f.emergencyRecall()),
                fmt(f.falseEmergency()), fmt(f.mrr()), fmt(f.faqHandled()));
    }

    static String fmt(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }
}
