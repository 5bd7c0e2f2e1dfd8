#include <doctest/doctest.h>

#include "text/language.hpp"

TEST_CASE("language by script share") {
    using aikg::text::detect_language;
    CHECK(detect_language("أطلقت شركة Meta نموذج Llama 3.1 مفتوح المصدر") == "ar");
    CHECK(detect_language("Meta released Llama 3.1, an open-weights model.") == "en");
    CHECK(detect_language("12345 !!!") == "und");
}
