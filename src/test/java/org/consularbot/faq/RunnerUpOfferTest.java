package org.consularbot.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** When the follow-up chooser is torn between two topics, the citizen is offered the best of each. */
class RunnerUpOfferTest {

    private static final Corpus CORPUS = TestCorpora.real();

    private static Candidate candidate(String id) {
        return new Candidate(CORPUS.entry(id).orElseThrow(), 1, 0.5);
    }

    private static FollowUpOption option(String topic, double probability) {
        return new FollowUpOption(topic, probability, List.of());
    }

    private static final List<Candidate> CERTIFICATE = List.of(
            candidate("visa.exemption.apply"),
            candidate("visa.exemption.eligibility"),
            candidate("visa.exemption.validity"),
            candidate("fees.other-services-payment"));

    @Test
    void aTornChoiceOffersTheRunnerUpsBestEntryThird() {
        List<Candidate> offered = VietnameseFaqMatcher.withRunnerUpOffered(
                CERTIFICATE, List.of(option("visa.exemption", 0.34), option("fees", 0.31)), List.of());

        assertThat(offered)
                .extracting(c -> c.entry().id())
                .containsExactly(
                        "visa.exemption.apply",
                        "visa.exemption.eligibility",
                        "fees.other-services-payment",
                        "visa.exemption.validity");
    }

    @Test
    void theRunnerUpMayComeFromTheFollowUpsOwnReading() {
        List<Candidate> offered = VietnameseFaqMatcher.withRunnerUpOffered(
                CERTIFICATE.subList(0, 3),
                List.of(option("visa.exemption", 0.4), option("fees", 0.3)),
                List.of(candidate("fees.passport")));

        assertThat(offered.get(2).entry().id()).isEqualTo("fees.passport");
        assertThat(offered).hasSize(4);
    }

    @Test
    void aSureChoiceKeepsItsOwnEntries() {
        List<Candidate> offered = VietnameseFaqMatcher.withRunnerUpOffered(
                CERTIFICATE, List.of(option("visa.exemption", 0.7), option("fees", 0.2)), List.of());

        assertThat(offered).isEqualTo(CERTIFICATE);
    }

    @Test
    void aRunnerUpAlreadyOfferedIsNotMoved() {
        List<Candidate> shown = List.of(
                candidate("visa.exemption.apply"),
                candidate("fees.other-services-payment"),
                candidate("visa.exemption.validity"),
                candidate("fees.passport"));

        assertThat(VietnameseFaqMatcher.withRunnerUpOffered(
                        shown, List.of(option("visa.exemption", 0.34), option("fees", 0.31)), List.of()))
                .isEqualTo(shown);
    }
}
