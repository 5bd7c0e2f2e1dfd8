#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>

#include "corpus/document_reader.hpp"
#include "corpus/json_scanner.hpp"
#include "temp_dir.hpp"

using aikg::corpus::Document;
using aikg::corpus::InputProblem;

namespace {

struct Collected {
    std::vector<Document> docs;
    std::vector<InputProblem> problems;
};

Collected read(const std::vector<std::string>& inputs) {
    Collected c;
    aikg::corpus::read_documents(
        inputs, [&](Document&& d) { c.docs.push_back(std::move(d)); }, [&](const InputProblem& p) { c.problems.push_back(p); });
    return c;
}

}  // namespace

TEST_CASE("a folder is read recursively in name order; the file name is the id") {
    TempDir dir;
    dir.write("b.txt", "Meta released Llama.");
    dir.write("sub/a.txt", "أطلقت Meta نموذج Llama.");
    dir.write("notes.yaml", "ignored: true");
    const auto c = read({dir.path().string()});
    REQUIRE(c.docs.size() == 2);
    CHECK(c.problems.empty());
    CHECK(c.docs[0].id == "b.txt");
    CHECK(c.docs[0].lang == "en");
    CHECK(c.docs[1].id == "a.txt");
    CHECK(c.docs[1].lang == "ar");
}

TEST_CASE("JSONL records carry their metadata; bad lines are named with their line number") {
    TempDir dir;
    const auto file = dir.write("dump.jsonl",
                                "{\"id\": \"a1\", \"title\": \"T\", \"date\": \"2024-07-23\", \"text\": \"Meta released Llama 3.1.\"}\n"
                                "\n"
                                "{\"id\": \"a2\", \"text\": \n"
                                "{\"title\": \"no id\", \"text\": \"x\"}\n"
                                "{\"id\": \"a5\", \"text\": \"   \"}\n"
                                "[1, 2]\n"
                                "{\"id\": \"a7\", \"lang\": \"ar\", \"text\": \"نص\"}\n");
    const auto c = read({file.string()});
    REQUIRE(c.docs.size() == 2);
    CHECK(c.docs[0].id == "a1");
    CHECK(c.docs[0].date == "2024-07-23");
    CHECK(c.docs[0].title == "T");
    CHECK(c.docs[1].lang == "ar");
    REQUIRE(c.problems.size() == 4);
    CHECK(c.problems[0].where == file.string() + ":3");
    CHECK(c.problems[0].reason.rfind("malformed JSON", 0) == 0);
    CHECK(c.problems[1].where == file.string() + ":4");
    CHECK(c.problems[1].reason == "record has no \"id\"");
    CHECK(c.problems[2].reason == "file is empty");
    CHECK(c.problems[3].reason == "a line must be a JSON object");
}

TEST_CASE("a number beyond double range is fine in a field aikg ignores and a named problem where the line needs the full parser") {
    TempDir dir;
    const auto file = dir.write("dump.jsonl",
                                "{\"id\": \"a1\", \"views\": 1e999, \"text\": \"Meta released Llama.\"}\n"
                                "{\"id\": 7, \"views\": 1e999, \"text\": \"x\"}\n"
                                "{\"id\": \"a3\", \"text\": \"Mistral AI released Mixtral.\"}\n");
    const auto c = read({file.string()});
    REQUIRE(c.docs.size() == 2);
    CHECK(c.docs[0].id == "a1");
    CHECK(c.docs[1].id == "a3");
    REQUIRE(c.problems.size() == 1);
    CHECK(c.problems[0].where == file.string() + ":2");
    CHECK(c.problems[0].reason.find("number overflow") != std::string::npos);
}

TEST_CASE("empty, binary, invalid UTF-8 and missing inputs are skipped with a reason; the rest is read") {
    TempDir dir;
    const auto empty = dir.write("empty.txt", "  \n");
    const auto binary = dir.write("image.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    const auto broken = dir.write("broken.txt", "Meta \xFF released");
    const auto good = dir.write("good.txt", "Meta released Llama.");
    const auto c = read({empty.string(), binary.string(), broken.string(), (dir.path() / "missing.txt").string(), good.string()});
    REQUIRE(c.docs.size() == 1);
    CHECK(c.docs[0].id == "good.txt");
    REQUIRE(c.problems.size() == 4);
    CHECK(c.problems[0].reason == "file is empty");
    CHECK(c.problems[1].reason == "binary data, not text");
    CHECK(c.problems[2].reason == "invalid UTF-8 at byte 5");
    CHECK(c.problems[3].reason == "no such file or folder");
}

TEST_CASE("a JSONL text of escaped control characters is binary, in the title's company or not; escaped line breaks and tabs are text") {
    TempDir dir;
    std::string controls;
    for (int i = 0; i < 10; ++i) controls += "\\u0001\\u0002\\b";
    const auto file = dir.write("dump.jsonl",
                                "{\"id\":\"a\",\"text\":\"" + controls + "\"}\n"
                                "{\"id\":\"b\",\"title\":\"\\u0000\",\"text\":\"Meta\\n\\nreleased\\tLlama.\\r\\n\\f\"}\n"
                                "{\"id\":\"c\",\"text\":\"nul \\u0000 inside\"}\n"
                                "{\"id\":\"d\",\"text\":\"Meta\\n\\nreleased\\tLlama.\\r\\n\\f\"}\n");
    const auto c = read({file.string()});
    REQUIRE(c.docs.size() == 2);
    CHECK(c.docs[0].id == "b");
    CHECK(c.docs[1].id == "d");
    CHECK(c.docs[1].text == "Meta\n\nreleased\tLlama.\r\n\f");
    REQUIRE(c.problems.size() == 2);
    CHECK(c.problems[0].where == file.string() + ":1");
    CHECK(c.problems[0].reason == "binary data, not text");
    CHECK(c.problems[1].where == file.string() + ":3");
    CHECK(c.problems[1].reason == "binary data, not text");
}

TEST_CASE("a byte-order mark is not part of the text") {
    TempDir dir;
    const auto f = dir.write("bom.txt", "\xEF\xBB\xBFMeta");
    const auto c = read({f.string()});
    REQUIRE(c.docs.size() == 1);
    CHECK(c.docs[0].text == "Meta");
}

TEST_CASE("a JSONL file is read (mapped) line for line as a stream of the same bytes is") {
    // CRLF endings, a blank line, a bad line, and a last line without a newline.
    const std::string bytes =
        "{\"id\": \"a1\", \"text\": \"Meta released Llama.\"}\r\n"
        "\r\n"
        "{\"id\": \"a2\", \"text\": \n"
        "{\"id\": \"a3\", \"text\": \"Mistral AI released Mixtral.\"}";
    TempDir dir;
    const auto file = dir.write("crlf.jsonl", bytes);
    const auto mapped = read({file.string()});
    Collected streamed;
    std::istringstream in(bytes);
    aikg::corpus::read_jsonl(
        in, file.string(), [&](Document&& d) { streamed.docs.push_back(std::move(d)); },
        [&](const InputProblem& p) { streamed.problems.push_back(p); });
    REQUIRE(mapped.docs.size() == 2);
    REQUIRE(streamed.docs.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
        CHECK(mapped.docs[i].id == streamed.docs[i].id);
        CHECK(mapped.docs[i].text == streamed.docs[i].text);
        CHECK(mapped.docs[i].source == streamed.docs[i].source);
    }
    CHECK(mapped.docs[1].text == "Mistral AI released Mixtral.");
    CHECK(mapped.docs[1].source == file.string() + ":4");
    REQUIRE(mapped.problems.size() == 1);
    REQUIRE(streamed.problems.size() == 1);
    CHECK(mapped.problems[0].where == file.string() + ":3");
    CHECK(mapped.problems[0].reason == streamed.problems[0].reason);
}

TEST_CASE("an empty JSONL file is a named problem, not a crash") {
    TempDir dir;
    const auto file = dir.write("empty.jsonl", "");
    const auto c = read({file.string()});
    CHECK(c.docs.empty());
    REQUIRE(c.problems.size() == 1);
    CHECK(c.problems[0].where == file.string());
    CHECK(c.problems[0].reason == "file is empty (no JSON lines)");
}

TEST_CASE("a JSON string's plain run ends at the first quote, backslash or control byte") {
    auto by_bytes = [](std::string_view s) {
        std::size_t i = 0;
        while (i < s.size() && s[i] != '"' && s[i] != '\\' && static_cast<unsigned char>(s[i]) >= 0x20) ++i;
        return i;
    };
    // Runs of every length around the block sizes, ended by each kind of byte
    // at each position, with bytes that only look alike (0x20, 0x7F, 0xA2, 0xDC) before it.
    const std::string enders = std::string("\"\\\x00\x01\x1F\n", 6);
    const std::string plain = "a \x7F\xA2\xDC\xD9\x85!";
    for (std::size_t length = 0; length < 70; ++length) {
        std::string s;
        for (std::size_t i = 0; i < length; ++i) s += plain[i % plain.size()];
        CHECK(aikg::corpus::plain_json_run(s) == length);
        for (const char ender : enders) {
            for (std::size_t at = 0; at <= length; ++at) {
                std::string t = s;
                t.insert(t.begin() + static_cast<std::ptrdiff_t>(at), ender);
                CAPTURE(length);
                CAPTURE(at);
                CHECK(aikg::corpus::plain_json_run(t) == by_bytes(t));
                CHECK(by_bytes(t) == at);
                if (t.size() <= 16) CHECK_FALSE(aikg::corpus::is_short_plain_json(t));
            }
        }
        if (s.size() <= 16) CHECK(aikg::corpus::is_short_plain_json(s));
    }
    CHECK_FALSE(aikg::corpus::is_short_plain_json(std::string(17, 'a')));  // longer ones take the scan
}
