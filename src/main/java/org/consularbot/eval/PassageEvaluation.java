package org.consularbot.eval;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.consularbot.faq.Language;
import org.consularbot.faq.PassageIndex;

/**
 * Retrieval figures for the fallback: for each labelled question (expected = the FAQ entry or bulletin id that
 * answers it), is a passage of it first (P@1), among the first three (P@3), and the reciprocal rank (MRR@5);
 * and, since an FAQ answer on the same subject is official material too, is the first passage on the expected
 * document's topic (topic P@1).
 */
public record PassageEvaluation(Map<String, double[]> byKind) {

    /** Per kind: n, P@1, P@3, MRR@5, topic P@1; "ALL" last. */
    public static PassageEvaluation run(PassageIndex index, List<EvalQuery> queries) {
        Map<String, List<double[]>> rows = new LinkedHashMap<>();
        for (EvalQuery query : queries) {
            Language language = query.kind().startsWith("en") ? Language.EN : Language.VI;
            List<PassageIndex.Hit> hits = index.search(query.question(), language, 5);
            int rank = 0;
            for (int i = 0; i < hits.size(); i++) {
                if (hits.get(i).passage().docId().equals(query.expected())) {
                    rank = i + 1;
                    break;
                }
            }
            String topic = index.topicOf(query.expected());
            boolean topicFirst = !hits.isEmpty()
                    && (rank == 1
                            || !topic.isEmpty()
                                    && topic.equals(hits.get(0).passage().topic()));
            double[] row = {
                rank == 1 ? 1 : 0, rank >= 1 && rank <= 3 ? 1 : 0, rank == 0 ? 0 : 1.0 / rank, topicFirst ? 1 : 0
            };
            rows.computeIfAbsent(query.kind(), k -> new ArrayList<>()).add(row);
            rows.computeIfAbsent("ALL", k -> new ArrayList<>()).add(row);
        }
        List<double[]> all = rows.remove("ALL");
        if (all != null) {
            rows.put("ALL", all);
        }
        Map<String, double[]> figures = new LinkedHashMap<>();
        rows.forEach((kind, list) -> figures.put(kind, new double[] {
            list.size(),
            list.stream().mapToDouble(r -> r[0]).average().orElse(0),
            list.stream().mapToDouble(r -> r[1]).average().orElse(0),
            list.stream().mapToDouble(r -> r[2]).average().orElse(0),
            list.stream().mapToDouble(r -> r[3]).average().orElse(0)
        }));
        return new PassageEvaluation(figures);
    }

    public double precisionAt1(String kind) {
        return byKind.getOrDefault(kind, new double[5])[1];
    }

    public double topicPrecisionAt1(String kind) {
        return byKind.getOrDefault(kind, new double[5])[4];
    }

    public void print(String title, PrintWriter out) {
        out.println(title);
        out.printf(Locale.ROOT, "  %-8s %5s %6s %6s %6s %9s%n", "kind", "n", "P@1", "P@3", "MRR@5", "topicP@1");
        byKind.forEach((kind, f) -> out.printf(
                Locale.ROOT, "  %-8s %5d %6.3f %6.3f %6.3f %9.3f%n", kind, (int) f[0], f[1], f[2], f[3], f[4]));
        out.flush();
    }
}
