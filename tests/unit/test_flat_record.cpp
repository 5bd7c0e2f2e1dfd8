#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "corpus/flat_record.hpp"

using aikg::corpus::parse_flat_record;

namespace {

// What the full parser reads from a line the fast path accepted.
void check_same_as_full_parser(const std::string& line) {
    const auto fast = parse_flat_record(line);
    REQUIRE(fast);
    const auto json = nlohmann::json::parse(line);
    auto expect = [&json](const char* key, const std::optional<std::string>& got) {
        const auto it = json.find(key);
        if (it == json.end() || it->is_null()) CHECK_MESSAGE(!got, key);
        else CHECK_MESSAGE(got == it->get<std::string>(), key);
    };
    expect("id", fast->id);
    expect("text", fast->text);
    expect("title", fast->title);
    expect("date", fast->date);
    expect("url", fast->url);
    expect("lang", fast->lang);
}

}  // namespace

TEST_CASE("flat records read the same as with the full JSON parser") {
    check_same_as_full_parser(R"({"id":"a1","text":"Meta released Llama.","lang":"en"})");
    check_same_as_full_parser(" { \"id\" : \"x\" ,\t\"text\": \"\" , \"date\":null } \r");
    check_same_as_full_parser(R"({"id":"q","text":"quote \" slash \\ \/ \b\f\n\r\t end"})");
    check_same_as_full_parser(R"({"id":"u","text":"\u0623\u0637\u0644\u0642\u062a Meta \u00e9 \ud83d\ude00"})");
    check_same_as_full_parser("{\"id\":\"ar\",\"text\":\"أطلقت ميتا نموذج Llama 3.1\"}");
    check_same_as_full_parser(R"({"id":"n","views":-12.5e+3,"ok":true,"bad":false,"none":null,"text":"t"})");
    check_same_as_full_parser(R"({})");
    // A repeated field aikg does not read is harmless.
    check_same_as_full_parser(R"({"id":"d","tag":"a","tag":"b","text":"t"})");
}

TEST_CASE("lines the fast path leaves to the full parser") {
    for (const std::string line : {
             R"({"id":1,"text":"a number id is printed by the full parser"})",
             R"({"id":"a","text":"t","date":20240101})",
             R"({"id":"a","text":"t","tags":["x"]})",
             R"({"id":"a","text":"t","meta":{"k":"v"}})",
             R"({"id":"a","id":"b","text":"t"})",
             R"({"id":"a","text":"t"} trailing)",
             R"({"id":"a","text":"t",})",
             R"({"id":"a","text":"lone \udc00 surrogate"})",
             R"({"id":"a","text":"half \ud83d pair"})",
             R"({"id":"a","text":"bad \x escape"})",
             "{\"id\":\"a\",\"text\":\"raw\ttab\"}",
             R"({"id":"a","n":01,"text":"t"})",
             R"({"id":"a","text":"unterminated)",
             R"(["id","a"])",
             R"()",
         })
        CHECK_MESSAGE(!parse_flat_record(line), line);
}

TEST_CASE("a quote, backslash or control byte ends a plain run wherever it falls in an eight-byte step") {
    // Long plain runs are scanned eight bytes at a time: put the byte that
    // ends the run at every offset of the first steps, after ASCII and Arabic.
    for (const std::string& filler : {std::string("abcdefgh"), std::string("\xD9\x85\xD9\x8A\xD8\xAA\xD8\xA7")}) {
        for (std::size_t at = 0; at < 24; ++at) {
            std::string plain;
            while (plain.size() < at) plain += filler;
            plain.resize(at);
            if (!plain.empty() && (static_cast<unsigned char>(plain.back()) & 0xC0) == 0xC0) plain.pop_back();  // no split character
            const std::string tail = "tail of the text, long enough for another step";
            check_same_as_full_parser("{\"id\":\"e\",\"text\":\"" + plain + "\\\"" + tail + "\"}");
            check_same_as_full_parser("{\"id\":\"b\",\"text\":\"" + plain + "\\\\" + tail + "\"}");
            check_same_as_full_parser("{\"id\":\"q\",\"text\":\"" + plain + "\",\"lang\":\"" + tail + "\"}");
            CHECK_MESSAGE(!parse_flat_record("{\"id\":\"c\",\"text\":\"" + plain + "\x01" + tail + "\"}"), at);
            CHECK_MESSAGE(!parse_flat_record("{\"id\":\"u\",\"text\":\"" + plain + tail), at);
        }
    }
}
