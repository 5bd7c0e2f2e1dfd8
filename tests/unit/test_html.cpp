#include <doctest/doctest.h>

#include <string>

#include "corpus/html.hpp"

using aikg::corpus::looks_like_html;
using aikg::corpus::strip_html;

TEST_CASE("pages and fragments are told from text that only has a '<' in it") {
    CHECK(looks_like_html("<html><body>Meta released Llama 3.1</body></html>"));
    CHECK(looks_like_html("Meta released Llama 3.1.<br>Mistral AI followed."));
    CHECK(looks_like_html("<P CLASS=\"lead\">Upper-case tags count too</P>"));
    CHECK(looks_like_html("<!DOCTYPE html><title>x</title>"));
    CHECK(looks_like_html("if a < b then <a href=\"x\">link</a>"));
    CHECK_FALSE(looks_like_html("Meta released Llama 3.1 with 405B < 500B parameters."));
    CHECK_FALSE(looks_like_html("<pre> and <param> are not paragraphs"));
    CHECK_FALSE(looks_like_html("a trailing <di"));
    CHECK_FALSE(looks_like_html(""));
}

TEST_CASE("only the first 4 KB are looked at, and a tag must lie wholly inside them") {
    const std::string filler(4092, 'x');
    CHECK(looks_like_html(filler + "<div>"));          // "<div" ends on the 4096th byte
    CHECK_FALSE(looks_like_html(filler + "x<div>"));   // on the 4097th
    CHECK_FALSE(looks_like_html(filler + "xxxx<p>"));
}

TEST_CASE("stripping keeps the text, breaks blocks apart and decodes entities") {
    CHECK(strip_html("<p>Meta &amp; IBM</p><script>var a = '<p>';</script><div>Granite</div>") == "\nMeta & IBM\n\nGranite\n");
}
