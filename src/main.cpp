#include "cli/app.hpp"

int main(int argc, char** argv) { return aikg::cli::main(argc, argv); }
