package org.consularbot.faq;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parser's words, some holding staff text, turned into what to do; found in review. */
class YamlErrorWordsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // A key that holds "tab" is no tab.
                "Duplicate field 'visa_table'                                                       | written twice",
                "found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation) | not tabs",
                "found a tab character that violates indentation                                    | not tabs",
                // A key indented to the list's '-' column.
                "expected <block end>, but found '?'                                                | indent this line like the line above it",
                "expected <block end>, but found '<block mapping start>'                            | indent this line like the line above it",
                "expected <block end>, but found '<scalar>'                                         | quoted as a whole",
                "something no rule knows                                                            | something no rule knows",
            })
    void theParsersWordsBecomeWhatToDo(String problem, String words) {
        assertThat(YamlErrorWords.explain(problem)).contains(words);
    }
}
