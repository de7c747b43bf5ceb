package org.consularbot.conversation;

import java.util.function.Supplier;
import org.consularbot.faq.Corpus;
import org.consularbot.faq.Language;

/**
 * What the bot tells a citizen for the officers (taken, closed, released, not forgotten, a message delivered, a
 * silent holder): read from the corpus serving at each text, so a hot edit of the hotline in {@code mission.yaml}
 * reaches these too.
 */
public final class OfficerTurnTexts {

    private final Supplier<Corpus> serving;

    public OfficerTurnTexts(Supplier<Corpus> serving) {
        this.serving = serving;
    }

    /** An officer took the conversation: the citizen now talks to a person, named or by role. */
    public String officerJoined(Language l, String officer) {
        return l == Language.VI
                ? "👤 " + officer + " đã nhận cuộc trò chuyện và sẽ trả lời bạn tại đây."
                : "👤 " + officer + " has joined and will answer you here.";
    }

    /** The conversation moved to another officer: the citizen knows who answers now, named or by role. */
    public String handedOver(Language l, String officer) {
        return l == Language.VI
                ? "👤 Một cán bộ khác đã tiếp nhận cuộc trò chuyện (" + officer
                        + ") và sẽ tiếp tục trả lời bạn tại đây."
                : "👤 Another officer has taken over (" + officer + ") and will go on answering you here.";
    }

    /** An officer's words, marked so the citizen never mistakes them for the bot's. */
    public String officerSays(String officer, String text) {
        return "👤 " + officer + ": " + text;
    }

    public String officerClosed(Language l) {
        return FactLines.render(
                serving.get(),
                l,
                l == Language.VI
                        ? "Cán bộ đã kết thúc cuộc trò chuyện. Cảm ơn bạn!"
                        : "The officer has closed the conversation. Thank you!",
                l == Language.VI
                        ? "Tôi (trợ lý tự động) tiếp tục trả lời câu hỏi thường gặp. Chưa được giải quyết? Gõ /human."
                        : "I (the automated assistant) answer common questions again. Not resolved? Type /human.");
    }

    public String officerReleased(Language l) {
        return FactLines.render(
                serving.get(),
                l,
                l == Language.VI
                        ? "Yêu cầu của bạn đã được chuyển lại hàng chờ; một cán bộ khác sẽ trả lời tại đây."
                        : "Your request is back in the queue; another officer will answer you here.",
                l == Language.VI ? "Khẩn cấp: gọi {{hotline}} (24/7)." : "Emergency: call {{hotline}} (24/7).");
    }

    /** Nobody has answered in time: the citizen is told they are not forgotten, with the hotline. */
    public String notForgotten(Language l) {
        return FactLines.render(
                serving.get(),
                l,
                l == Language.VI
                        ? "Chúng tôi chưa quên bạn: yêu cầu của bạn đã được chuyển lên cán bộ phụ trách."
                        : "You are not forgotten: your request has been passed to the officer in charge.",
                l == Language.VI
                        ? "Nếu khẩn cấp, gọi ngay {{hotline}} (24/7)."
                        : "If it is urgent, call {{hotline}} (24/7) now.");
    }

    /** A message the citizen wrote reached the officer holding their ticket (at most once a minute). */
    public String relayAcknowledged(Language l) {
        return l == Language.VI
                ? "✓ Đã chuyển tới cán bộ đang phụ trách."
                : "✓ Delivered to the officer handling your request.";
    }

    /** The officer holding an urgent request stayed silent past the SLA: it is back with the others, with the hotline. */
    public String holderSilent(Language l) {
        return FactLines.render(
                serving.get(),
                l,
                l == Language.VI
                        ? "Cán bộ phụ trách chưa trả lời được; yêu cầu của bạn đã được chuyển lại cho các cán bộ trực và cấp trên."
                        : "The officer handling your request has not been able to answer; it is back with the duty officers and their supervisors.",
                l == Language.VI
                        ? "Nếu khẩn cấp, gọi ngay {{hotline}} (24/7)."
                        : "If it is urgent, call {{hotline}} (24/7) now.");
    }
}
