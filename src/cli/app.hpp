#pragma once

namespace aikg::cli {

// Entry point of the aikg executable: dispatches to a subcommand.
int main(int argc, char** argv);

}  // namespace aikg::cli
