package org.consularbot.web;

import java.util.Map;

/** The console's words in Vietnamese and English, the officer's choice; Vietnamese first, as at the mission. */
final class ConsoleTexts {

    static final String VI = "vi";
    static final String EN = "en";

    private static final Map<String, String[]> WORDS = Map.ofEntries(
            Map.entry("title", new String[] {"Bàn trực cán bộ", "Officers' desk"}),
            Map.entry("signIn", new String[] {"Đăng nhập", "Sign in"}),
            Map.entry("officerId", new String[] {"Mã cán bộ", "Officer id"}),
            Map.entry("password", new String[] {"Mật khẩu", "Password"}),
            Map.entry("refused", new String[] {"Mã cán bộ hoặc mật khẩu không đúng.", "Wrong officer id or password."}),
            Map.entry("locked", new String[] {
                "Quá nhiều lần sai: tạm khoá đến %s (UTC).", "Too many failed attempts: locked until %s (UTC)."
            }),
            Map.entry("idle", new String[] {
                "Phiên đã hết hạn do không hoạt động; vui lòng đăng nhập lại.",
                "Signed out after inactivity; please sign in again."
            }),
            Map.entry("signedOut", new String[] {"Đã đăng xuất.", "Signed out."}),
            Map.entry("signOut", new String[] {"Đăng xuất", "Sign out"}),
            // The supervisors' page (SupervisorPages).
            Map.entry("sv.title", new String[] {"Giám sát", "Supervision"}),
            Map.entry(
                    "sv.only",
                    new String[] {"Chỉ cán bộ giám sát được xem trang này.", "Only supervisors may open this page."}),
            Map.entry("sv.open", new String[] {"Yêu cầu đang mở", "Open tickets"}),
            Map.entry("sv.urgentWaiting", new String[] {"Khẩn đang chờ", "Urgent, waiting"}),
            Map.entry("sv.oldestWait", new String[] {"Chờ lâu nhất", "Oldest wait"}),
            Map.entry("sv.perDay", new String[] {"Kết quả theo ngày (UTC)", "Outcomes per day (UTC)"}),
            Map.entry("sv.day", new String[] {"Ngày", "Day"}),
            Map.entry("sv.messages", new String[] {"Tin nhắn", "Messages"}),
            Map.entry("sv.answered", new String[] {"Đã trả lời", "Answered"}),
            Map.entry("sv.suggested", new String[] {"Gợi ý", "Suggested"}),
            Map.entry("sv.unanswered", new String[] {"Không trả lời được", "Unanswered"}),
            Map.entry("sv.emergencies", new String[] {"Khẩn cấp", "Emergency"}),
            Map.entry("sv.limited", new String[] {"Bị giới hạn", "Rate-limited"}),
            Map.entry("sv.other", new String[] {"Khác", "Other"}),
            Map.entry("sv.unansweredTitle", new String[] {
                "Câu hỏi bot chưa trả lời được (đã che thông tin cá nhân)",
                "Questions the bot could not answer (personal data redacted)"
            }),
            Map.entry("sv.phrasing", new String[] {"Cách hỏi", "Phrasing"}),
            Map.entry("sv.entry", new String[] {"Mục FAQ", "FAQ entry"}),
            Map.entry("sv.add", new String[] {"Thêm làm cách hỏi của mục này", "Add as a phrasing of this entry"}),
            Map.entry("sv.added", new String[] {
                "Đã thêm vào mục %s; bot dùng sau lần nạp lại FAQ kế tiếp (vài giây đến một phút).",
                "Added to entry %s; the bot uses it after the FAQ's next reload (seconds to a minute)."
            }),
            Map.entry("sv.refused", new String[] {"Không thêm được: %s", "Not added: %s"}),
            Map.entry("sv.bundled", new String[] {
                "FAQ đang dùng bản đóng gói trong chương trình: đặt FAQ_DIR để sửa được.",
                "The bot serves the FAQ bundled in the jar: set FAQ_DIR to edit it."
            }),
            Map.entry("queue", new String[] {"Hàng chờ", "Queue"}),
            Map.entry("unassigned", new String[] {"Chưa ai nhận", "Waiting, unassigned"}),
            Map.entry("taken", new String[] {"Đã có người nhận", "Taken"}),
            Map.entry("none", new String[] {"Không có.", "None."}),
            Map.entry("urgent", new String[] {"KHẨN", "URGENT"}),
            Map.entry("normal", new String[] {"thường", "normal"}),
            Map.entry("waiting", new String[] {"chờ", "waiting"}),
            Map.entry("slaOk", new String[] {"trong hạn", "within SLA"}),
            Map.entry("slaDue", new String[] {"quá hạn", "SLA overdue"}),
            Map.entry("sla1", new String[] {"đã nhắc cán bộ", "officers reminded"}),
            Map.entry("sla2", new String[] {"đã báo giám sát", "supervisors alerted"}),
            Map.entry("answered", new String[] {"đã trả lời", "answered"}),
            Map.entry("with", new String[] {"đang do %s xử lý", "with %s"}),
            Map.entry("ticket", new String[] {"Yêu cầu", "Ticket"}),
            Map.entry("take", new String[] {"Nhận", "Take"}),
            Map.entry("release", new String[] {"Trả lại hàng chờ", "Release"}),
            Map.entry("close", new String[] {"Đóng", "Close"}),
            Map.entry("reply", new String[] {"Trả lời công dân", "Reply to the citizen"}),
            Map.entry("send", new String[] {"Gửi", "Send"}),
            Map.entry("transcript", new String[] {"Toàn bộ hội thoại", "Whole conversation"}),
            Map.entry("citizen", new String[] {"Công dân", "Citizen"}),
            Map.entry("bot", new String[] {"Bot", "Bot"}),
            Map.entry("officer", new String[] {"Cán bộ", "Officer"}),
            Map.entry("note", new String[] {"Ghi chú", "Note"}),
            Map.entry(
                    "privateNote",
                    new String[] {"Ghi chú nội bộ (công dân không thấy)", "Private note (the citizen never sees it)"}),
            Map.entry("addNote", new String[] {"Thêm ghi chú", "Add note"}),
            Map.entry("done.note", new String[] {"Đã thêm ghi chú.", "Note added."}),
            Map.entry("back", new String[] {"← Hàng chờ", "← Queue"}),
            Map.entry("done.take", new String[] {"Bạn đã nhận yêu cầu này.", "The ticket is yours."}),
            Map.entry("done.reply", new String[] {"Đã gửi cho công dân.", "Sent to the citizen."}),
            Map.entry("done.release", new String[] {"Đã trả lại hàng chờ.", "Back in the queue."}),
            Map.entry(
                    "done.close",
                    new String[] {"Đã đóng; bot trả lời công dân trở lại.", "Closed; the bot answers again."}),
            Map.entry("notAllowed", new String[] {"Không được phép.", "Not allowed."}),
            Map.entry("notFound", new String[] {"Không tìm thấy.", "Not found."}),
            Map.entry("forbidden", new String[] {
                "Yêu cầu bị từ chối (thiếu mã bảo vệ CSRF). Tải lại trang.",
                "Refused (missing or wrong CSRF token). Reload the page."
            }),
            Map.entry("unavailable", new String[] {
                "Cơ sở dữ liệu tạm thời không truy cập được.", "The database cannot be reached now."
            }),
            Map.entry("reassignTo", new String[] {"Chuyển cho cán bộ", "Hand to officer"}),
            Map.entry("reassign", new String[] {"Chuyển", "Hand over"}),
            Map.entry("supervisor", new String[] {"giám sát", "supervisor"}),
            Map.entry(
                    "done.reassign", new String[] {"Đã chuyển yêu cầu cho cán bộ khác.", "Handed to another officer."}),
            Map.entry("useFaq", new String[] {"Dùng câu trả lời FAQ", "Use an FAQ answer"}),
            Map.entry("faqSearch", new String[] {"Tìm mục FAQ…", "Search the FAQ…"}),
            Map.entry("faqChoose", new String[] {"— chọn một mục —", "— choose an entry —"}),
            Map.entry("use", new String[] {"Dùng", "Use"}),
            Map.entry("alerts", new String[] {"Tin cho cán bộ", "For officers"}),
            Map.entry("forYou", new String[] {"cho bạn", "for you"}),
            // The desk's refusals (DeskRefusal), in the officer's language: ticket number first, then names.
            Map.entry("desk.NOT_LISTED", new String[] {
                "Bạn không có trong danh sách cán bộ; đề nghị giám sát thêm bạn (officer add).",
                "You are not a listed officer; ask a supervisor to add you (officer add)."
            }),
            Map.entry("desk.NO_TICKET", new String[] {"Không có yêu cầu #%s.", "There is no ticket #%s."}),
            Map.entry("desk.CLOSED", new String[] {"Yêu cầu #%s đã đóng.", "#%s is closed."}),
            Map.entry(
                    "desk.CLOSED_NOT_SENT",
                    new String[] {"Yêu cầu #%s đã đóng; chưa gửi gì.", "#%s is closed; nothing was sent."}),
            Map.entry("desk.CLOSED_ALREADY", new String[] {"Yêu cầu #%s đã được đóng.", "#%s is closed already."}),
            Map.entry("desk.HELD_BY", new String[] {"Yêu cầu #%s đã do %s nhận.", "#%s is already with %s."}),
            Map.entry(
                    "desk.WITH_NOT_SENT",
                    new String[] {"Yêu cầu #%s đang do %s xử lý; chưa gửi gì.", "#%s is with %s; nothing was sent."}),
            Map.entry("desk.WITH", new String[] {"Yêu cầu #%s đang do %s xử lý.", "#%s is with %s."}),
            Map.entry("desk.WITH_NOT_READ", new String[] {
                "Yêu cầu #%s đang do %s xử lý; chỉ người đó và giám sát được xem.",
                "#%s is with %s; only they and supervisors read it."
            }),
            Map.entry("desk.TAKE_FIRST", new String[] {"Hãy nhận yêu cầu #%s trước.", "Take #%s first."}),
            Map.entry("desk.NOTHING_TO_SEND", new String[] {"Không có gì để gửi.", "Nothing to send."}),
            Map.entry("desk.WITHDRAWN", new String[] {
                "Yêu cầu #%s không còn nhận được (công dân đã rút yêu cầu); đã đóng.",
                "#%s can no longer be taken (the citizen withdrew); it is closed."
            }),
            Map.entry("desk.NOT_TAKEN", new String[] {"Yêu cầu #%s chưa có ai nhận.", "#%s is not taken."}),
            Map.entry("desk.UNKNOWN_OFFICER", new String[] {
                "“%s” không có trong danh sách cán bộ; chưa làm gì.",
                "\"%s\" is not a listed officer; nothing was done."
            }),
            Map.entry("desk.WHICH_TICKET", new String[] {"Yêu cầu nào? (/%s 12)", "Which ticket? (/%s 12)"}),
            Map.entry("live", new String[] {"Cập nhật trực tiếp", "Live"}),
            Map.entry("language", new String[] {"English", "Tiếng Việt"}));

    private ConsoleTexts() {}

    static String language(String requested) {
        return EN.equals(requested) ? EN : VI;
    }

    static String of(String language, String key) {
        String[] words = WORDS.get(key);
        if (words == null) {
            throw new IllegalArgumentException("no console text " + key);
        }
        return words[EN.equals(language) ? 1 : 0];
    }

    /** The other language: what the switch offers. */
    static String other(String language) {
        return EN.equals(language) ? VI : EN;
    }
}
