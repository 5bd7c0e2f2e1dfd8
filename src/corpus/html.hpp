#pragma once
// Scraped articles often arrive as HTML. Tags and entities are markup, not
// words: they are stripped to text before anything is matched.

#include <string>
#include <string_view>

namespace aikg::corpus {

// True when the text has the tags of an HTML page or fragment (<p>, <div>, <br>, <html> ...).
bool looks_like_html(std::string_view text);

// The text of an HTML page: scripts and styles dropped, block tags turned into
// line breaks (so sentences stay apart), other tags removed, entities decoded.
std::string strip_html(std::string_view html);

}  // namespace aikg::corpus
