#include <doctest/doctest.h>

#include <unistd.h>

#include <cstring>
#include <memory>

#include "bench/measure.hpp"

TEST_CASE("a child's peak memory is its own, not the benchmark's") {
    if (access("/usr/bin/time", X_OK) != 0) {
        MESSAGE("GNU time is not installed (.ci/setup.sh installs it): children's peaks include this process's");
        return;
    }
    // This process touches 256 MB first: its peak stays there after the free,
    // and the kernel used to count it in every child started afterwards.
    {
        constexpr std::size_t kBytes = std::size_t{256} << 20;
        const auto block = std::make_unique<char[]>(kBytes);
        std::memset(block.get(), 1, kBytes);
        CHECK(block[kBytes - 1] == 1);
    }
    REQUIRE(aikg::bench::peak_rss_mb() > 256);
    const auto run = aikg::bench::run_child({"/bin/true"}, "/dev/null");
    CHECK(run.exit_code == 0);
    CHECK(run.peak_rss_mb > 0);
    CHECK(run.peak_rss_mb < 64);
    const auto failing = aikg::bench::run_child({"/bin/false"}, "/dev/null");
    CHECK(failing.exit_code == 1);
    const auto captured = aikg::bench::run_child({"/bin/echo", "hello"}, "");
    CHECK(captured.out == "hello\n");
}
