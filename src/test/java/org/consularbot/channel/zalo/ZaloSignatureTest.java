package org.consularbot.channel.zalo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Test vectors: the expected hex was computed apart from this code (Python hashlib.sha256 of the concatenation). */
class ZaloSignatureTest {

    private static final String BODY = "{\"event_name\":\"user_send_text\",\"timestamp\":\"1699003881354\"}";
    private static final String EXPECTED = "mac=e649f79aa5fe2ce5170b3bfeeaca890af613d7fbc623a4a2a90f3e58aa34f4eb";

    @Test
    void theMacIsSha256OfAppIdBodyTimestampAndOaSecret() {
        assertThat(ZaloSignature.mac("2553", BODY, "1699003881354", "oa-secret"))
                .isEqualTo(EXPECTED);
    }

    @Test
    void aValidSignatureIsAcceptedAndEveryAlterationRefused() {
        assertThat(ZaloSignature.valid(EXPECTED, "2553", BODY, "1699003881354", "oa-secret"))
                .isTrue();
        assertThat(ZaloSignature.valid(
                        EXPECTED.toUpperCase().replace("MAC=", "mac="), "2553", BODY, "1699003881354", "oa-secret"))
                .isTrue();
        assertThat(ZaloSignature.valid(EXPECTED, "2553", BODY, "1699003881354", "wrong-secret"))
                .as("wrong key")
                .isFalse();
        assertThat(ZaloSignature.valid(EXPECTED, "2553", BODY.replace("text", "texts"), "1699003881354", "oa-secret"))
                .as("tampered")
                .isFalse();
        assertThat(ZaloSignature.valid(EXPECTED, "2554", BODY, "1699003881354", "oa-secret"))
                .as("other app")
                .isFalse();
        assertThat(ZaloSignature.valid(null, "2553", BODY, "1699003881354", "oa-secret"))
                .isFalse();
        assertThat(ZaloSignature.valid(EXPECTED.substring(4), "2553", BODY, "1699003881354", "oa-secret"))
                .as("no mac= prefix")
                .isFalse();
    }

    @Test
    void onlyWhatCanBeASignatureIsWellFormed() {
        assertThat(ZaloSignature.wellFormed(EXPECTED)).isTrue();
        assertThat(ZaloSignature.wellFormed(" " + EXPECTED.toUpperCase() + " ")).isTrue();
        assertThat(ZaloSignature.wellFormed(null)).isFalse();
        assertThat(ZaloSignature.wellFormed("")).isFalse();
        assertThat(ZaloSignature.wellFormed("mac=00")).isFalse();
        assertThat(ZaloSignature.wellFormed(EXPECTED.substring(4)))
                .as("no mac= prefix")
                .isFalse();
        assertThat(ZaloSignature.wellFormed(EXPECTED.replace('e', 'g')))
                .as("not hex")
                .isFalse();
    }
}
