package org.consularbot.conversation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.consularbot.faq.Corpus;
import org.consularbot.faq.FaqEntry;
import org.consularbot.faq.Language;
import org.consularbot.faq.Passage;
import org.consularbot.faq.Whereabouts;

/**
 * What the bot says in its own words, in both languages: short, direct, always with a way out (the hotline, an
 * officer). Mission facts come from the corpus as {@code {{key}}}; a line whose fact this mission has not published is
 * left out rather than shown with a gap ({@link FactLines}). What it says to someone in danger is apart, in
 * {@link #emergency()}.
 */
public final class BotTexts {

    private static final DateTimeFormatter VI_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter VI_MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

    /** Read at each text, so texts made once (officer turns) follow staff's edits of mission.yaml. */
    private final Supplier<Corpus> serving;

    private final EmergencyTexts emergency;

    public BotTexts(Corpus corpus) {
        this(() -> corpus);
    }

    /** Texts from whichever corpus is serving when each is written. */
    public BotTexts(Supplier<Corpus> serving) {
        this.serving = serving;
        this.emergency = new EmergencyTexts(serving);
        if (serving.get().hotline() == null) {
            throw new IllegalArgumentException("mission.yaml must give facts.hotline: the answer of last resort");
        }
    }

    /** What the bot says to someone who may be in danger. */
    public EmergencyTexts emergency() {
        return emergency;
    }

    public String welcome(Language l) {
        return l == Language.VI
                ? lines(
                        l,
                        "Xin chào! Tôi là trợ lý tự động của {{mission_name}}. Tôi trả lời các câu hỏi thường gặp về hộ chiếu, "
                                + "hộ tịch, giấy tờ, thị thực và bảo hộ công dân. Tôi không phải cán bộ lãnh sự và không nhận hay xử lý hồ sơ.",
                        "",
                        "🆘 Khẩn cấp (bị bắt, tai nạn, bị cướp, bị lừa, thiên tai): gọi đường dây nóng bảo hộ công dân 24/7: {{hotline}}",
                        "",
                        "📢 /subscribe: nhận thông báo lãnh sự (cảnh báo, khủng hoảng) cho nơi bạn đang ở.",
                        "",
                        "Gõ câu hỏi, có dấu hay không dấu đều được. /human: gặp cán bộ · /help: hướng dẫn · /lang en: English")
                : lines(
                        l,
                        "Hello! I am the automated assistant of the {{mission_name}}. I answer common questions about passports, "
                                + "civil status, documents, visas and citizen protection. I am not a consular officer and I do not take or process applications.",
                        "",
                        "🆘 Emergency (arrested, accident, robbed, scammed, disaster): call the 24/7 citizen-protection hotline: {{hotline}}",
                        "",
                        "📢 /subscribe: get consular advisories (warnings, crises) for where you are.",
                        "",
                        "Type your question in English or Vietnamese. /human: reach an officer · /help: how to use me · /lang vi: Tiếng Việt");
    }

    public String help(Language l) {
        return l == Language.VI
                ? lines(
                        l,
                        "Cách dùng:",
                        "• Gõ câu hỏi, ví dụ: \"làm lại hộ chiếu hết hạn\" hoặc \"dang ky khai sinh cho con\".",
                        "• Khi tôi đưa ra lựa chọn, bấm nút hoặc gõ số.",
                        "• /human: gặp cán bộ trực · /cancel: hủy · /lang vi|en|auto: ngôn ngữ · /start: giới thiệu",
                        "Khẩn cấp: gọi {{hotline}} (24/7).")
                : lines(
                        l,
                        "How to use me:",
                        "• Type your question, e.g. \"renew an expired passport\" or \"register my baby's birth\".",
                        "• When I offer choices, tap a button or type its number.",
                        "• /human: reach a duty officer · /cancel: cancel · /lang vi|en|auto: language · /start: introduction",
                        "Emergency: call {{hotline}} (24/7).");
    }

    public String unknownCommand(Language l) {
        return (l == Language.VI ? "Tôi không hiểu lệnh này.\n\n" : "I don't know that command.\n\n") + help(l);
    }

    public String emptyMessage(Language l) {
        return l == Language.VI
                ? "Hãy gõ câu hỏi của bạn, ví dụ: \"gia hạn hộ chiếu\". Gõ /help để xem hướng dẫn."
                : "Please type your question, e.g. \"renew my passport\". Type /help for how to use me.";
    }

    public String notText(Language l) {
        return lines(
                l,
                l == Language.VI
                        ? "Tôi chỉ đọc được tin nhắn chữ; ảnh, tin nhắn thoại, sticker, vị trí và tệp chưa được xử lý. Hãy gõ câu hỏi của bạn. "
                                + "Khẩn cấp: gọi {{hotline}} (24/7)."
                        : "I can only read text; photos, voice messages, stickers, locations and files are not handled. Please type your question. "
                                + "Emergency: call {{hotline}} (24/7).");
    }

    public String rateLimited(Language l) {
        return lines(
                l,
                l == Language.VI
                        ? "Bạn đang gửi nhiều tin nhắn liên tiếp. Tin nhắn đã được lưu; tôi sẽ trả lời tiếp sau ít phút. "
                                + "Nếu khẩn cấp, gọi ngay {{hotline}} (24/7)."
                        : "You are sending many messages in a row. They are saved; I will answer again in a few minutes. "
                                + "If it is urgent, call {{hotline}} (24/7) now.");
    }

    public String didYouMean(Language l) {
        return l == Language.VI
                ? "Có phải bạn muốn hỏi (bấm nút hoặc gõ số):"
                : "Did you mean (tap a button or type the number):";
    }

    /** Under an answer whose topic has other entries that fit the question nearly as well. */
    public String related(Language l) {
        return l == Language.VI
                ? "Nếu bạn hỏi việc khác, có thể là (bấm nút hoặc gõ số):"
                : "If you meant something else, maybe (tap a button or type the number):";
    }

    public String didYouMeanFooter(Language l) {
        return l == Language.VI
                ? "Không đúng? Hãy hỏi lại bằng cách khác, hoặc gõ /human."
                : "None of these? Ask in other words, or type /human.";
    }

    public String choiceOutOfRange(Language l, int choices) {
        return l == Language.VI
                ? "Hãy chọn một số từ 1 đến " + choices + ", hoặc hỏi lại bằng cách khác."
                : "Please pick a number from 1 to " + choices + ", or ask in other words.";
    }

    public String optionGone(Language l) {
        return l == Language.VI
                ? "Lựa chọn này không còn hiệu lực. Hãy hỏi lại câu hỏi của bạn."
                : "That option is no longer available. Please ask your question again.";
    }

    public String noAnswer(Language l) {
        return lines(
                l,
                l == Language.VI
                        ? "Xin lỗi, tôi chưa có câu trả lời cho câu hỏi này. Bạn có thể hỏi lại bằng cách khác hoặc gõ /human để gặp cán bộ."
                        : "Sorry, I have no answer for this yet. You can ask in other words, or type /human to reach an officer.",
                l == Language.VI
                        ? "Thông tin chính thức: {{consular_portal}}"
                        : "Official information: {{consular_portal}}",
                l == Language.VI ? "Khẩn cấp: gọi {{hotline}} (24/7)." : "Emergency: call {{hotline}} (24/7).");
    }

    /** Opens an answer quoted from official passages when no FAQ entry fits. */
    public String officialIntro(Language l) {
        return l == Language.VI
                ? "Tôi chưa có câu trả lời soạn sẵn cho câu hỏi này. Thông tin chính thức liên quan:"
                : "I have no prepared answer for this. Related official information:";
    }

    /** Closes a quoted or generated answer: it may not cover the citizen's case, so a human is offered. */
    public String officerOffer(Language l) {
        return lines(
                l,
                l == Language.VI
                        ? "Chưa đúng trường hợp của bạn? Gõ /human để gặp cán bộ."
                        : "Not your case? Type /human to reach an officer.",
                l == Language.VI ? "Khẩn cấp: gọi {{hotline}} (24/7)." : "Emergency: call {{hotline}} (24/7).");
    }

    /** One source line under quoted material: where it comes from, its date as far as known, and whether it is history. */
    public String sourceLine(Passage passage, Language l) {
        String when = passage.date() == null
                ? ""
                : " · "
                        + (l == Language.EN || passage.datePrecision() == ChronoUnit.YEARS
                                ? passage.dateLabel()
                                : passage.datePrecision() == ChronoUnit.MONTHS
                                        ? VI_MONTH.format(passage.date())
                                        : VI_DATE.format(passage.date()));
        boolean historical = passage.historical();
        String source = passage.source();
        String past = historical
                ? (l == Language.VI ? " · thông tin lịch sử, không còn áp dụng" : " · historical, no longer in force")
                : "";
        return (l == Language.VI ? "Nguồn: " : "Source: ") + source + when + past;
    }

    /** The reply of a small-talk or decline class ({@code faq/smalltalk.yaml}), mission facts filled in. */
    public String smallTalk(String reason, Language l) {
        Corpus corpus = serving.get();
        return corpus.smallTalk()
                .kind(reason)
                .map(k -> corpus.render(k.reply().get(l), l))
                .orElse(help(l));
    }

    /**
     * The request for an officer is made. "A duty officer was asked" only when one is on duty ({@code onDuty}); else
     * the honest out-of-hours reply, with the hotline.
     */
    public String humanRequested(Language l, boolean onDuty) {
        if (!onDuty) {
            return lines(
                    l,
                    l == Language.VI
                            ? "Hiện ngoài giờ trực, chưa có cán bộ trực. Yêu cầu của bạn đã được lưu; cán bộ sẽ trả lời tại đây khi vào ca. "
                                    + "Trong lúc chờ, tôi vẫn trả lời câu hỏi thường gặp. Gõ /cancel để hủy yêu cầu."
                            : "It is outside duty hours: no officer is on duty now. Your request is saved; an officer will answer here when on duty. "
                                    + "Meanwhile I still answer common questions. Type /cancel to withdraw.",
                    l == Language.VI
                            ? "Nếu khẩn cấp, gọi ngay {{hotline}} (24/7)."
                            : "If it is urgent, call {{hotline}} (24/7) now.");
        }
        return lines(
                l,
                l == Language.VI
                        ? "Đã chuyển yêu cầu tới cán bộ trực. Cán bộ sẽ trả lời tại đây sớm nhất có thể; trong lúc chờ, tôi vẫn trả lời câu hỏi thường gặp "
                                + "và chuyển mọi tin nhắn của bạn tới cán bộ. Gõ /cancel để hủy yêu cầu. Khẩn cấp: gọi {{hotline}} (24/7)."
                        : "I have asked a duty officer to take over. They will answer here as soon as they can; meanwhile I still answer common questions "
                                + "and pass everything you write on to them. Type /cancel to withdraw. Emergency: call {{hotline}} (24/7).");
    }

    /** While the citizen waits for an officer, under an FAQ answer: the message went to the officers too. */
    public String alsoPassedOn(Language l) {
        return l == Language.VI
                ? "ℹ️ Tin nhắn này cũng đã được chuyển tới cán bộ."
                : "ℹ️ This message was also passed on to the officers.";
    }

    /** While the citizen waits for an officer, a message the FAQ does not answer: passed on, and whom to call now. */
    public String passedOn(Language l) {
        return lines(
                l,
                l == Language.VI
                        ? "Tin nhắn đã được chuyển tới cán bộ; cán bộ sẽ trả lời tại đây."
                        : "Your message has been passed on to the officers; they will answer here.",
                l == Language.VI
                        ? "Nếu khẩn cấp, gọi ngay đường dây nóng bảo hộ công dân {{hotline}} (24/7)."
                        : "If it is urgent, call the citizen-protection hotline {{hotline}} (24/7) now.");
    }

    public String humanUnavailable(Language l) {
        return lines(
                l,
                l == Language.VI
                        ? "Hiện chưa thể nhắn trực tiếp với cán bộ qua kênh này. Liên hệ {{mission_name}}:"
                        : "Officers cannot be reached through this chat yet. Contact the {{mission_name}}:",
                l == Language.VI ? "• Điện thoại: {{mission_phones}}" : "• Phone: {{mission_phones}}",
                "• Email: {{mission_email}}",
                "• {{mission_website}}",
                l == Language.VI ? "Khẩn cấp: gọi {{hotline}} (24/7)." : "Emergency: call {{hotline}} (24/7).");
    }

    public String humanAlreadyRequested(Language l) {
        return l == Language.VI
                ? "Bạn đã yêu cầu gặp cán bộ; cán bộ sẽ trả lời tại đây. Gõ /cancel để hủy yêu cầu."
                : "You have already asked for an officer; they will answer here. Type /cancel to withdraw.";
    }

    public String withOfficerAlready(Language l) {
        return l == Language.VI
                ? "Bạn đang nhắn với cán bộ trực; cứ viết tiếp tại đây."
                : "You are talking with a duty officer; just keep writing here.";
    }

    public String choiceCancelled(Language l) {
        return l == Language.VI ? "Đã hủy. Bạn có thể hỏi câu khác." : "Cancelled. Ask me something else.";
    }

    public String humanCancelled(Language l) {
        return l == Language.VI
                ? "Đã hủy yêu cầu gặp cán bộ. Tôi sẽ tiếp tục trả lời câu hỏi của bạn."
                : "Your request for an officer is withdrawn. I will answer your questions again.";
    }

    public String nothingToCancel(Language l) {
        return l == Language.VI
                ? "Không có gì để hủy. Bạn cứ gõ câu hỏi."
                : "Nothing to cancel. Just type your question.";
    }

    public String languageSet(Language l) {
        return l == Language.VI ? "Đã chuyển sang tiếng Việt." : "I will answer in English now.";
    }

    public String languageAuto(Language l) {
        return l == Language.VI
                ? "Tôi sẽ trả lời theo ngôn ngữ bạn viết."
                : "I will answer in the language you write in.";
    }

    public String languageUsage(Language l) {
        return l == Language.VI
                ? "Dùng: /lang vi (tiếng Việt), /lang en (English), /lang auto (theo ngôn ngữ bạn viết)."
                : "Use: /lang vi (Tiếng Việt), /lang en (English), /lang auto (the language you write in).";
    }

    public String thanks(Language l, boolean helpful) {
        if (helpful) {
            return l == Language.VI ? "Cảm ơn bạn đã phản hồi!" : "Thank you for your feedback!";
        }
        return l == Language.VI
                ? "Cảm ơn bạn; chúng tôi sẽ xem lại câu trả lời này. Bạn có thể hỏi lại bằng cách khác hoặc gõ /human để gặp cán bộ."
                : "Thank you; we will review this answer. You can ask in other words or type /human to reach an officer.";
    }

    public String helpfulLabel(Language l) {
        return l == Language.VI ? "👍 Hữu ích" : "👍 Helpful";
    }

    public String notHelpfulLabel(Language l) {
        return l == Language.VI ? "👎 Chưa đúng" : "👎 Not helpful";
    }

    /** The entry's answer followed by one short line: where it comes from and when staff last checked it. */
    public String answer(FaqEntry entry, Language l) {
        return answer(entry, l, Whereabouts.HOST);
    }

    /** The same, for someone in danger where the message says (another country's numbers and mission). */
    public String answer(FaqEntry entry, Language l, Whereabouts where) {
        String source = entry.sources().isEmpty()
                ? fact("mission_website", l)
                : entry.sources().get(0);
        LocalDate reviewed = entry.reviewed();
        String line = l == Language.VI
                ? "Nguồn: " + source + " · cập nhật " + VI_DATE.format(reviewed)
                : "Source: " + source + " · reviewed " + reviewed;
        return serving.get().answer(entry, l, where) + "\n\n" + line;
    }

    private String fact(String key, Language l) {
        return serving.get().mission().fact(key, l);
    }

    private String lines(Language l, String... lines) {
        return FactLines.render(serving.get(), l, lines);
    }
}
