package org.consularbot.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SynonymsTest {

    private final List<CorpusProblem> problems = new ArrayList<>();

    private Synonyms parse(String text) {
        return Synonyms.parse(text, "synonyms.txt", problems);
    }

    private static List<String> written(Synonyms.Rule rule) {
        return rule.alternatives().stream()
                .map(p -> String.join(" ", p.written()))
                .toList();
    }

    @Test
    void abbreviationLineRewritesEveryShortFormToTheFullWords() {
        Synonyms synonyms = parse("hc, hchieu, H/C => Hộ Chiếu");
        assertThat(problems).isEmpty();
        for (List<String> key : List.of(List.of("hc"), List.of("hchieu"), List.of("h", "c"))) {
            Synonyms.Rule rule = synonyms.rules().get(key);
            assertThat(rule).as("rule for %s", key).isNotNull();
            assertThat(rule.replaces()).isTrue();
            assertThat(rule.alternatives())
                    .containsExactly(new Synonyms.Phrase(List.of("hộ", "chiếu"), List.of("ho", "chieu")));
        }
        assertThat(synonyms.longestKey()).isEqualTo(2);
    }

    @Test
    void keysAreFoldedSoOneLineServesWithAndWithoutDiacritics() {
        Synonyms synonyms = parse("đsq => đại sứ quán");
        assertThat(synonyms.rules()).containsOnlyKeys(List.of("dsq"));
        assertThat(written(synonyms.rules().get(List.of("dsq")))).containsExactly("đại sứ quán");
    }

    @Test
    void fillerLineHasNothingOnTheRight() {
        Synonyms synonyms = parse("ạ, nhé, cho em hỏi =>");
        assertThat(problems).isEmpty();
        assertThat(synonyms.rules()).containsOnlyKeys(List.of("a"), List.of("nhe"), List.of("cho", "em", "hoi"));
        synonyms.rules().values().forEach(rule -> {
            assertThat(rule.replaces()).isTrue();
            assertThat(rule.alternatives()).isEmpty();
        });
        assertThat(synonyms.longestKey()).isEqualTo(3);
    }

    @Test
    void equivalentLineLinksEveryWordToTheOthers() {
        Synonyms synonyms = parse("hộ chiếu, passport, pass port");
        assertThat(problems).isEmpty();
        Synonyms.Rule passport = synonyms.rules().get(List.of("passport"));
        assertThat(passport.replaces()).isFalse();
        assertThat(written(passport)).containsExactly("hộ chiếu", "pass port");
        assertThat(written(synonyms.rules().get(List.of("ho", "chieu")))).containsExactly("passport", "pass port");
    }

    @Test
    void equivalentsOfOneWordOnTwoLinesAreMerged() {
        Synonyms synonyms = parse("fee, lệ phí\nfee, cost\nfee, lệ phí");
        assertThat(problems).isEmpty();
        assertThat(written(synonyms.rules().get(List.of("fee")))).containsExactly("lệ phí", "cost");
    }

    @Test
    void commentsAndBlankLinesAreSkipped() {
        Synonyms synonyms = parse("# a comment => with an arrow\n\n   \n  # indented comment\nko => không\n");
        assertThat(problems).isEmpty();
        assertThat(synonyms.rules()).containsOnlyKeys(List.of("ko"));
    }

    @Test
    void emptyTextGivesNoRules() {
        Synonyms synonyms = parse("");
        assertThat(problems).isEmpty();
        assertThat(synonyms.rules()).isEmpty();
        assertThat(synonyms.longestKey()).isZero();
        assertThat(Synonyms.empty().rules()).isEmpty();
    }

    @Test
    void arrowWithNothingOnTheLeftIsAnErrorAtItsLine() {
        parse("# header\nko => không\n=> x\n");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo(new SourceLocation("synonyms.txt", 3));
            assertThat(p.message()).contains("abbreviation => full words");
        });
    }

    @Test
    void twoArrowsOnALineIsAnError() {
        parse("a => b => c");
        assertThat(problems)
                .singleElement()
                .satisfies(p -> assertThat(p.location()).isEqualTo(new SourceLocation("synonyms.txt", 1)));
    }

    @Test
    void synonymLineWithOneWordIsAnError() {
        parse("ko => không\n\npassport\n");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location().line()).isEqualTo(3);
            assertThat(p.message()).contains("two or more words");
        });
    }

    @Test
    void emptyWordBetweenCommasIsAnError() {
        parse("ko => không\nvisa, , thị thực\nhc, , => hộ chiếu\n");
        assertThat(problems).extracting(p -> p.location().line()).containsExactly(2, 3);
        assertThat(problems).allSatisfy(p -> assertThat(p.message()).contains("empty word"));
    }

    @Test
    void keyUsedAsAbbreviationThenAsSynonymIsAnErrorAtTheSecondLine() {
        Synonyms synonyms = parse("hc => hộ chiếu\n# comment\nhc, passport\n");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo(new SourceLocation("synonyms.txt", 3));
            assertThat(p.message()).contains("'hc'").contains("already used as an abbreviation");
        });
        assertThat(synonyms.rules().get(List.of("hc")).replaces()).isTrue(); // the first use stays
    }

    @Test
    void keyUsedAsSynonymThenAsAbbreviationIsAnError() {
        parse("passport, hộ chiếu\nPassport => hộ chiếu\n");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location().line()).isEqualTo(2);
            assertThat(p.message()).contains("already used as a synonym");
        });
    }

    @Test
    void lineNumbersCountWindowsLineEndings() {
        parse("# one\r\nko => không\r\n\r\n=> x\r\n");
        assertThat(problems)
                .singleElement()
                .satisfies(p -> assertThat(p.location().line()).isEqualTo(4));
    }

    @Test
    void goodLinesAreKeptWhenOthersAreWrong() {
        Synonyms synonyms = parse("=> x\nko => không\n");
        assertThat(problems).hasSize(1);
        assertThat(synonyms.rules()).containsKey(List.of("ko"));
    }

    @Test
    void theRealSynonymsFileParsesWithoutProblems() throws Exception {
        String text = Files.readString(TestCorpora.FAQ.resolve("synonyms.txt"));
        Synonyms synonyms = parse(text);
        assertThat(problems).isEmpty();
        assertThat(synonyms.rules()).containsKeys(List.of("hc"), List.of("dsq"), List.of("ko"), List.of("passport"));
    }
}
