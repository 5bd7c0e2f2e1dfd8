#include "pipeline/ordered_workers.hpp"

namespace aikg::pipeline {

std::size_t default_jobs() {
    const unsigned cores = std::thread::hardware_concurrency();
    return cores == 0 ? 1 : cores;
}

}  // namespace aikg::pipeline
