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
