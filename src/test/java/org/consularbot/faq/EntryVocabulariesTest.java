package org.consularbot.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each entry's words as numbers answer "does this entry use this word?" exactly as the sets of words did. */
class EntryVocabulariesTest {

    @Test
    void aWordIsFoundInTheEntriesThatUseItAndNowhereElse() {
        EntryVocabularies vocabularies = new EntryVocabularies();
        vocabularies.add(Set.of("ho", "chieu", "ho chieu", "gia han"), Set.of("le phi"));
        vocabularies.add(Set.of("khai", "sinh", "chieu"), Set.of());

        int chieu = vocabularies.id("chieu");
        assertThat(vocabularies.inQuestions(0, chieu)).isTrue();
        assertThat(vocabularies.inQuestions(1, chieu)).isTrue();
        assertThat(vocabularies.inQuestions(1, vocabularies.id("ho chieu"))).isFalse();
        assertThat(vocabularies.inAnswersOnly(0, vocabularies.id("le phi"))).isTrue();
        assertThat(vocabularies.inQuestions(0, vocabularies.id("le phi")))
                .as("an answer word is no question word")
                .isFalse();
        assertThat(vocabularies.inAnswersOnly(1, vocabularies.id("le phi"))).isFalse();
    }

    @Test
    void aWordNoEntryUsesIsUnknownAndFoundNowhere() {
        EntryVocabularies vocabularies = new EntryVocabularies();
        vocabularies.add(Set.of("visa"), Set.of());

        assertThat(vocabularies.id("dogecoin")).isEqualTo(EntryVocabularies.UNKNOWN);
        assertThat(vocabularies.inQuestions(0, EntryVocabularies.UNKNOWN)).isFalse();
        assertThat(vocabularies.inAnswersOnly(0, EntryVocabularies.UNKNOWN)).isFalse();
    }

    @Test
    void anEquivalentOfSeveralWordsNeedsThemAll() {
        EntryVocabularies vocabularies = new EntryVocabularies();
        vocabularies.add(Set.of("dai", "su", "quan"), Set.of());
        vocabularies.add(Set.of("dai", "quan"), Set.of());

        int[] daiSuQuan = vocabularies.ids(List.of("dai", "su", "quan"));
        assertThat(vocabularies.inQuestionsAll(0, daiSuQuan)).isTrue();
        assertThat(vocabularies.inQuestionsAll(1, daiSuQuan)).isFalse();
        assertThat(vocabularies.inQuestionsAll(0, vocabularies.ids(List.of("dai", "lanh"))))
                .isFalse();
    }
}
