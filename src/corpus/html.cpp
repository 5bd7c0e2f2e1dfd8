#include "corpus/html.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>

#include "text/utf8.hpp"

namespace aikg::corpus {
namespace {

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), ascii_lower);
    return out;
}

bool is_block(const std::string& tag) {
    static constexpr std::array<std::string_view, 20> kBlocks{"p",  "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4",
                                                              "h5", "h6",  "tr", "td", "th", "table", "section", "article", "header", "footer"};
    return std::find(kBlocks.begin(), kBlocks.end(), tag) != kBlocks.end();
}

void decode_entity(std::string_view entity, std::string& out) {
    if (entity == "amp") out += '&';
    else if (entity == "lt") out += '<';
    else if (entity == "gt") out += '>';
    else if (entity == "quot") out += '"';
    else if (entity == "apos" || entity == "#39") out += '\'';
    else if (entity == "nbsp") out += ' ';
    else if (!entity.empty() && entity[0] == '#') {
        const bool hex = entity.size() > 1 && (entity[1] == 'x' || entity[1] == 'X');
        const std::string digits(entity.substr(hex ? 2 : 1));
        const long cp = std::strtol(digits.c_str(), nullptr, hex ? 16 : 10);
        // Only code points that make valid UTF-8; anything else is dropped.
        if (cp > 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF)) text::append_utf8(out, static_cast<char32_t>(cp));
    } else {
        out += '&';
        out += entity;
        out += ';';
    }
}

}  // namespace

bool looks_like_html(std::string_view text) {
    const std::string_view start = text.substr(0, 4096);
    // Each '<' is compared with the tags in place, ignoring ASCII case: a
    // lowercased copy of the first 4 KB for every article with a '<' in it
    // (code, comparisons) was a twentieth of reading such text.
    auto opens_with = [&start](std::size_t at, std::string_view tag) {
        if (start.size() - at < tag.size()) return false;
        for (std::size_t i = 0; i < tag.size(); ++i)
            if (ascii_lower(start[at + i]) != tag[i]) return false;
        return true;
    };
    for (std::size_t at = start.find('<'); at != std::string_view::npos; at = start.find('<', at + 1))
        for (std::string_view tag : {"<html", "<body", "<p>", "<p ", "<div", "<br", "<span", "<a href", "<article", "<h1", "<h2", "<!doctype"})
            if (opens_with(at, tag)) return true;
    return false;
}

std::string strip_html(std::string_view html) {
    std::string out;
    out.reserve(html.size());
    std::size_t i = 0;
    while (i < html.size()) {
        const char c = html[i];
        if (c == '<') {
            const std::size_t close = html.find('>', i);
            if (close == std::string_view::npos) break;  // a cut-off tag at the end
            std::string tag = lower(html.substr(i + 1, close - i - 1));
            const bool closing = !tag.empty() && tag[0] == '/';
            if (closing) tag.erase(0, 1);
            tag = tag.substr(0, tag.find_first_of(" \t\n/"));
            if (!closing && (tag == "script" || tag == "style")) {
                const std::size_t end = lower(html.substr(close)).find("</" + tag);
                i = end == std::string::npos ? html.size() : close + end;
                continue;
            }
            if (is_block(tag)) out += '\n';
            i = close + 1;
        } else if (c == '&') {
            const std::size_t semi = html.find(';', i);
            if (semi != std::string_view::npos && semi - i <= 10) {
                decode_entity(html.substr(i + 1, semi - i - 1), out);
                i = semi + 1;
            } else {
                out += c;
                ++i;
            }
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

}  // namespace aikg::corpus
