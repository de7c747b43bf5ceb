package org.consularbot.conversation;

import java.util.function.Supplier;
import org.consularbot.faq.Corpus;
import org.consularbot.faq.Language;
import org.consularbot.faq.Whereabouts;

/**
 * What the bot says to someone who may be in danger, kept apart from its ordinary words: every text here leads with
 * whom to call (the 24/7 hotline, the local emergency number where they are) before anything else. Mission facts come
 * from the corpus serving at each text, so a hot edit of the hotline reaches these at once.
 */
public final class EmergencyTexts {

    private final Supplier<Corpus> serving;

    EmergencyTexts(Supplier<Corpus> serving) {
        this.serving = serving;
    }

    /** Heads an emergency reply, above the situation's first steps. */
    public String header(Language l) {
        return lines(
                l,
                l == Language.VI
                        ? "🆘 KHẨN CẤP: gọi ngay đường dây nóng bảo hộ công dân 24/7: {{hotline}}"
                        : "🆘 EMERGENCY: call the 24/7 citizen-protection hotline now: {{hotline}}",
                fromVietnam(l));
    }

    /** Above an answer when the triage is unsure: the hotline, and a button that brings an officer at once. */
    public String dangerHint(Language l) {
        return lines(
                l,
                l == Language.VI
                        ? "Nếu bạn đang gặp nguy hiểm: gọi ngay {{hotline}} (24/7) hoặc bấm nút dưới đây để báo cán bộ trực."
                        : "If you are in danger now: call {{hotline}} (24/7) or press the button below to alert the duty officer.",
                fromVietnam(l));
    }

    public String dangerButton(Language l) {
        return l == Language.VI ? "🆘 Tôi đang gặp nguy hiểm" : "🆘 I am in danger";
    }

    /**
     * A repeated emergency while officers have it: it went to them (to "the duty officer" only when one is on duty);
     * whom to call stays the fastest help.
     */
    public String repeated(Language l, Whereabouts where, boolean onDuty) {
        String first = onDuty
                ? (l == Language.VI
                        ? "🆘 Tin nhắn đã được chuyển ngay cho cán bộ trực."
                        : "🆘 Your message has gone straight to the duty officer.")
                : (l == Language.VI
                        ? "🆘 Tin nhắn đã được lưu cho cán bộ; hiện không có cán bộ trực."
                        : "🆘 Your message is saved for the officers; no officer is on duty right now.");
        return stillInDanger(l, where, first);
    }

    /** The same emergency again, no officer to pass it to: the first steps went a moment ago (no officer named). */
    public String stepsSent(Language l, Whereabouts where) {
        return stillInDanger(
                l,
                where,
                l == Language.VI
                        ? "🆘 Hướng dẫn khẩn cấp đã gửi ở tin nhắn trên."
                        : "🆘 The emergency steps are in my message above.");
    }

    /** {@code first}, then whom to call while still in danger: the hotline, the emergency number of where they are. */
    private String stillInDanger(Language l, Whereabouts where, String first) {
        return FactLines.render(
                serving.get(),
                l,
                where,
                first,
                l == Language.VI
                        ? "Nếu đang nguy hiểm, gọi đường dây nóng 24/7: {{hotline}}"
                        : "If you are in danger now, call the 24/7 hotline: {{hotline}}",
                l == Language.VI
                        ? "Cần cấp cứu hoặc đang bị đe dọa: gọi ngay {{local_emergency}}."
                        : "Hurt or under threat: call {{local_emergency}} now.");
    }

    /** Under an emergency reply when the duty officers were called. */
    public String officerAlerted(Language l) {
        return l == Language.VI
                ? "Cán bộ trực đã được báo và sẽ nhắn cho bạn tại đây."
                : "The duty officer has been alerted and will write to you here.";
    }

    /** Under an emergency reply when officers were called but none is on duty: no promise, the hotline now. */
    public String noOfficerOnDuty(Language l) {
        return lines(
                l,
                l == Language.VI
                        ? "Hiện không có cán bộ trực: tin nhắn của bạn đã được lưu cho cán bộ. Đừng chờ: gọi ngay đường dây nóng 24/7 {{hotline}}."
                        : "No officer is on duty right now: your message is saved for the officers. Do not wait: call the 24/7 hotline {{hotline}} now.");
    }

    /** For family in Viet Nam: the hotline as dialled from there. */
    private static String fromVietnam(Language l) {
        return l == Language.VI
                ? "Gia đình ở Việt Nam gọi: {{hotline_from_vietnam}}"
                : "Family in Viet Nam can call: {{hotline_from_vietnam}}";
    }

    private String lines(Language l, String... lines) {
        return FactLines.render(serving.get(), l, lines);
    }
}
