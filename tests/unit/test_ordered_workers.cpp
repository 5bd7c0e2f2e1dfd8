#include <doctest/doctest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "pipeline/ordered_workers.hpp"

using aikg::pipeline::Batching;
using aikg::pipeline::OrderedWorkers;

namespace {

// Work that takes longer for early items, so workers finish out of order.
int slow_square(const int& i) {
    if (i % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
    return i * i;
}

}  // namespace

TEST_CASE("results come back in input order whatever the jobs and batch sizes") {
    for (std::size_t jobs : {1u, 2u, 4u}) {
        for (std::size_t max_items : {1u, 3u, 32u}) {
            std::vector<int> inputs, results;
            OrderedWorkers<int, int> workers(
                jobs, slow_square,
                [&](int&& in, int&& out) {
                    inputs.push_back(in);
                    results.push_back(out);
                },
                Batching{max_items, 1'000'000, 2});
            for (int i = 0; i < 200; ++i) workers.push(i, 1);
            workers.finish();
            REQUIRE(inputs.size() == 200);
            for (int i = 0; i < 200; ++i) {
                CHECK(inputs[static_cast<std::size_t>(i)] == i);
                CHECK(results[static_cast<std::size_t>(i)] == i * i);
            }
        }
    }
}

TEST_CASE("a batch closes at its weight limit, so a heavy item does not wait for 31 others") {
    std::atomic<int> done{0};
    std::vector<int> seen;
    OrderedWorkers<int, int> workers(
        2, [&](const int& i) { ++done; return i; }, [&](int&& in, int&&) { seen.push_back(in); },
        Batching{32, 100, 8});
    workers.push(1, 100);  // reaches the weight limit alone: handed to a worker now
    for (int spin = 0; spin < 2000 && done.load() == 0; ++spin) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    CHECK(done.load() == 1);
    workers.push(2, 1);  // light: waits in the batch being gathered
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK(done.load() == 1);
    workers.finish();
    CHECK(done.load() == 2);
    CHECK(seen == std::vector<int>{1, 2});
}

TEST_CASE("an error is rethrown at its item's turn, after the results before it") {
    std::vector<int> seen;
    OrderedWorkers<int, int> workers(
        2,
        [](const int& i) {
            if (i == 5) throw std::runtime_error("item 5 failed");
            return i;
        },
        [&](int&& in, int&&) { seen.push_back(in); }, Batching{4, 1'000'000, 2});
    bool thrown = false;
    try {
        for (int i = 0; i < 40; ++i) workers.push(i, 1);
        workers.finish();
    } catch (const std::runtime_error& e) {
        thrown = true;
        CHECK(std::string(e.what()) == "item 5 failed");
    }
    CHECK(thrown);
    CHECK(seen == std::vector<int>{0, 1, 2, 3, 4});
}
