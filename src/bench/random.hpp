#pragma once
// xorshift64*: a tiny seeded generator whose sequence is the same on every
// platform and standard library (std:: distributions are not), so generated
// corpora and graphs are reproducible and a Python baseline can draw the
// same graph (tests/bench/graph_baseline.py implements the same steps).

#include <cstdint>

namespace aikg::bench {

class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed ? seed : 88172645463325252ULL) {}
    std::uint64_t next() {
        state_ ^= state_ >> 12;
        state_ ^= state_ << 25;
        state_ ^= state_ >> 27;
        return state_ * 2685821657736338717ULL;
    }
    // Uniform enough for picking among a few thousand items.
    std::uint64_t below(std::uint64_t n) { return n ? next() % n : 0; }
    bool chance(double p) { return static_cast<double>(next() >> 11) * 0x1.0p-53 < p; }

private:
    std::uint64_t state_;
};

}  // namespace aikg::bench
