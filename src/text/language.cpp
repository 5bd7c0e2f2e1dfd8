#include "text/language.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "text/utf8.hpp"

namespace aikg::text {

std::string detect_language(std::string_view utf8) {
    std::size_t arabic = 0, latin = 0, pos = 0;
    while (pos < utf8.size()) {
        const char32_t cp = decode_next(utf8, pos);
        if (cp < 0x80) {
            if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ++latin;
            continue;
        }
        if (!u_isalpha(static_cast<UChar32>(cp))) continue;
        UErrorCode status = U_ZERO_ERROR;
        const UScriptCode script = uscript_getScript(static_cast<UChar32>(cp), &status);
        if (script == USCRIPT_ARABIC) ++arabic;
        else if (script == USCRIPT_LATIN) ++latin;
    }
    if (arabic == 0 && latin == 0) return "und";
    return arabic >= latin ? "ar" : "en";
}

}  // namespace aikg::text
