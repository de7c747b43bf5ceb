package org.consularbot.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A supervisor's "add as a phrasing of entry X" on real files: one line added to the entry's file and nothing else;
 * refusals (unknown entry, duplicate, a corpus that would not validate) leave every file as it was and no temporary
 * file behind.
 */
class PhrasingEditorTest {

    private static final String ENTRY = "civil.birth.eligibility";

    @TempDir
    Path tmp;

    private Path corpus() {
        return TestCorpora.copyOfReal(tmp.resolve("faq"));
    }

    private static List<String> snapshot(Path faq) throws Exception {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(faq)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.add(faq.relativize(file) + "\n" + Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Test
    void addsOneLineToTheEntrysOwnFileAndTheCorpusLoadsWithIt() throws Exception {
        Path faq = corpus();
        String file = TestCorpora.entryFile(faq, ENTRY);
        List<String> before = Files.readAllLines(faq.resolve(file));
        PhrasingEditor editor = new PhrasingEditor(faq, TestCorpora.loader(TestCorpora.CLOCK));

        PhrasingEditor.Outcome outcome =
                editor.add(ENTRY, Language.VI, "  be nha em sinh o Canada   lam khai sinh VN duoc ko ");

        assertThat(outcome)
                .isEqualTo(new PhrasingEditor.Added(
                        ENTRY, Language.VI, "be nha em sinh o Canada lam khai sinh VN duoc ko", file));
        List<String> after = Files.readAllLines(faq.resolve(file));
        assertThat(after).hasSize(before.size() + 1);
        List<String> added = new ArrayList<>(after);
        before.forEach(added::remove);
        assertThat(added).containsExactly("        - be nha em sinh o Canada lam khai sinh VN duoc ko");
        assertThat(TestCorpora.entry(faq, ENTRY).questions(Language.VI))
                .contains("be nha em sinh o Canada lam khai sinh VN duoc ko");
        try (Stream<Path> left = Files.list(faq.resolve("entries"))) {
            assertThat(left.map(p -> p.getFileName().toString())).allMatch(name -> name.endsWith(".yaml"));
        }
    }

    @Test
    void anEnglishPhrasingThatYamlWouldMisreadIsQuotedAndReadBackAsWritten() throws Exception {
        Path faq = corpus();
        PhrasingEditor editor = new PhrasingEditor(faq, TestCorpora.loader(TestCorpora.CLOCK));

        assertThat(editor.add(ENTRY, Language.EN, "yes: my baby #2, born here?"))
                .isInstanceOf(PhrasingEditor.Added.class);
        assertThat(TestCorpora.entry(faq, ENTRY).questions(Language.EN)).contains("yes: my baby #2, born here?");
    }

    @Test
    void refusalsLeaveTheFolderAsItWas() throws Exception {
        Path faq = corpus();
        List<String> before = snapshot(faq);
        PhrasingEditor editor = new PhrasingEditor(faq, TestCorpora.loader(TestCorpora.CLOCK));
        String existing = TestCorpora.real()
                .entry(ENTRY)
                .orElseThrow()
                .questions(Language.VI)
                .get(0);

        assertThat(editor.add("no.such.entry", Language.VI, "ho chieu"))
                .isInstanceOfSatisfying(
                        PhrasingEditor.Refused.class,
                        r -> assertThat(r.reason()).contains("no FAQ entry has the id 'no.such.entry'"));
        assertThat(editor.add(ENTRY, Language.VI, Folding.fold(existing).toUpperCase()))
                .isInstanceOfSatisfying(
                        PhrasingEditor.Refused.class,
                        r -> assertThat(r.reason()).contains("already a phrasing of " + ENTRY));
        assertThat(editor.add(ENTRY, Language.VI, "   "))
                .isInstanceOfSatisfying(
                        PhrasingEditor.Refused.class,
                        r -> assertThat(r.reason()).contains("empty"));
        assertThat(editor.add(ENTRY, Language.VI, "x".repeat(PhrasingEditor.MAX_LENGTH + 1)))
                .isInstanceOf(PhrasingEditor.Refused.class);
        assertThat(snapshot(faq)).isEqualTo(before);
    }

    @Test
    void aCorpusThatWouldNotValidateIsRefusedWithItsProblemsAndNothingWritten() throws Exception {
        Path faq = corpus();
        // A staff's edit in progress: a topic file that does not parse. The addition must not build on it.
        Files.writeString(faq.resolve("entries/zz-broken.yaml"), "entries:\n  - id: [\n", StandardCharsets.UTF_8);
        List<String> before = snapshot(faq);
        PhrasingEditor editor = new PhrasingEditor(faq, TestCorpora.loader(TestCorpora.CLOCK));

        PhrasingEditor.Outcome outcome = editor.add(ENTRY, Language.VI, "khai sinh cho be o nuoc ngoai");

        assertThat(outcome).isInstanceOfSatisfying(PhrasingEditor.Refused.class, r -> {
            assertThat(r.reason()).contains("problems");
            assertThat(r.problems()).anySatisfy(p -> assertThat(p.toString()).contains("zz-broken.yaml"));
        });
        assertThat(snapshot(faq)).isEqualTo(before);
    }
}
