package org.consularbot.advisory;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.consularbot.faq.Country;
import org.consularbot.faq.Language;

/**
 * What the bot says while a citizen subscribes to advisories, in Vietnamese or English: short, always with the way
 * out ({@code /cancel}, {@code /unsubscribe}), and in the bot's own voice, never an officer's.
 */
final class SignupTexts {

    private SignupTexts() {}

    static String askCountry(Language l) {
        return l == Language.VI
                ? "Đăng ký nhận thông báo lãnh sự (cảnh báo, khủng hoảng). Bạn đang ở nước nào? Gõ tên nước, "
                        + "ví dụ \"Nhật Bản\". Gõ /cancel để dừng."
                : "Subscribing to consular advisories (warnings, crises). Which country are you in? Type its name, "
                        + "e.g. \"Japan\". Type /cancel to stop.";
    }

    static String unknownCountry(Language l, List<Country> countries) {
        String names = countries.stream().map(c -> c.name(l)).sorted().collect(Collectors.joining(", "));
        return l == Language.VI
                ? "Tôi chưa nhận ra tên nước này. Các nước có trong danh sách: " + names
                        + ". Gõ tên nước, hoặc /cancel để dừng."
                : "I did not recognise that country. The countries on the list: " + names
                        + ". Type the country's name, or /cancel to stop.";
    }

    static String askRegion(Language l, Country country) {
        return l == Language.VI
                ? "Đã ghi: " + country.name(l) + ". Bạn ở tỉnh, vùng hay thành phố nào? (không bắt buộc; "
                        + "chỉ tên, không ghi địa chỉ). Gõ \"bỏ qua\" nếu không muốn nói."
                : "Noted: " + country.name(l) + ". Which region or city are you in? (optional; just its name, "
                        + "no address). Type \"skip\" to leave it out.";
    }

    static String subscribed(Language l, Country country, Optional<String> region) {
        String place = country.name(l) + region.map(r -> " (" + r + ")").orElse("");
        return l == Language.VI
                ? "Đã đăng ký. Bạn sẽ nhận thông báo lãnh sự cho " + place
                        + ". Gõ /unsubscribe để hủy bất cứ lúc nào; /subscribe để đổi nơi ở."
                : "Subscribed. You will receive consular advisories for " + place
                        + ". Type /unsubscribe to stop at any time; /subscribe to change your place.";
    }

    static String cancelled(Language l, boolean stillSubscribed) {
        if (stillSubscribed) {
            return l == Language.VI
                    ? "Đã dừng. Đăng ký cũ của bạn vẫn giữ nguyên."
                    : "Stopped. Your existing subscription is unchanged.";
        }
        return l == Language.VI ? "Đã dừng; bạn chưa đăng ký nhận thông báo." : "Stopped; you are not subscribed.";
    }

    static String stillAsking(Language l) {
        return l == Language.VI
                ? "(Đang đăng ký nhận thông báo: gõ tên nước hoặc thành phố bạn đang ở, hoặc /cancel.)"
                : "(Still subscribing to advisories: type your country or city, or /cancel.)";
    }

    static String unsubscribed(Language l) {
        return l == Language.VI
                ? "Đã hủy đăng ký. Bạn sẽ không nhận thông báo lãnh sự qua đây nữa. Gõ /subscribe nếu muốn đăng ký lại."
                : "Unsubscribed. You will no longer receive consular advisories here. Type /subscribe to subscribe again.";
    }

    static String notSubscribed(Language l) {
        return l == Language.VI
                ? "Bạn chưa đăng ký nhận thông báo lãnh sự. Gõ /subscribe để đăng ký."
                : "You are not subscribed to consular advisories. Type /subscribe to subscribe.";
    }

    static String notOffered(Language l) {
        return l == Language.VI
                ? "Dịch vụ thông báo lãnh sự chưa có ở đây."
                : "Consular advisories are not offered here yet.";
    }
}
