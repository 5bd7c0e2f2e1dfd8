#pragma once
// Document language by script share, enough to pick Arabic or English rules.

#include <string>
#include <string_view>

namespace aikg::text {

// "ar" when Arabic letters outnumber Latin ones, "en" when Latin letters lead,
// "und" when the text has no letters of either script. Precondition: valid UTF-8.
std::string detect_language(std::string_view utf8);

}  // namespace aikg::text
