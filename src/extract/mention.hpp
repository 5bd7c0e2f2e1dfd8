#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "kb/catalog.hpp"

namespace aikg::extract {

// A stretch of tokens naming an entity: a catalog alias, or an anaphor
// ("the company", "هذه النماذج") resolved to an earlier mention.
struct Mention {
    kb::EntityId entity = 0;
    std::uint32_t first_token = 0;
    std::uint32_t end_token = 0;  // exclusive
    std::string_view proclitic;   // Arabic clitics split off the first word (و in وميتا)
    bool anaphor = false;
    // The type the words before the name give it here ("مجموعات بيانات مثل StarCoder"
    // makes StarCoder a Dataset), or null.
    const std::string* context_type = nullptr;
};

}  // namespace aikg::extract
