#pragma once

namespace aikg::cli {

// The exit codes of DESIGN.md's command-line contract.
enum ExitCode : int {
    kSuccess = 0,          // everything was processed
    kPartial = 1,          // finished with inputs skipped, or a runtime failure (I/O, locked store)
    kUsage = 2,            // nothing done: bad command line, catalog/rule file or query name
};

}  // namespace aikg::cli
