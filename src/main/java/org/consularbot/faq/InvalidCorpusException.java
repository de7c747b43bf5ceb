package org.consularbot.faq;

import java.util.List;
import java.util.stream.Collectors;

/** The corpus cannot be served: each problem names its file and line. */
public final class InvalidCorpusException extends Exception {

    private final transient List<CorpusProblem> problems;

    public InvalidCorpusException(List<CorpusProblem> problems) {
        super(problems.size() + " problem(s) in the FAQ corpus:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<CorpusProblem> problems() {
        return problems;
    }
}
