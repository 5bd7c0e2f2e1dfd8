#include <doctest/doctest.h>

#include <unistd.h>

#include <cstring>
#include <memory>
#include <vector>

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

// A chase that closed a short loop would stay in a cache and time that
// cache instead of the memory asked for.
TEST_CASE("the latency probe's chase visits every slot before it comes back") {
    for (const std::size_t n : {2u, 3u, 10u, 1000u}) {
        const auto next = aikg::bench::one_cycle(n, 42);
        REQUIRE(next.size() == n);
        std::vector<bool> seen(n, false);
        std::uint32_t at = 0;
        for (std::size_t step = 0; step < n; ++step) {
            CHECK_FALSE(seen[at]);
            seen[at] = true;
            at = next[at];
        }
        CHECK(at == 0);
    }
    CHECK(aikg::bench::one_cycle(1000, 42) == aikg::bench::one_cycle(1000, 42));
    CHECK(aikg::bench::one_cycle(1000, 42) != aikg::bench::one_cycle(1000, 43));
    const double ns = aikg::bench::memory_round_trip_ns(64 << 10, 100000);
    CHECK(ns > 0);
    CHECK(ns < 1000);  // a 64 KB chase is in the core's caches, well under a microsecond a load
}
