// The CLI is thin: each command lives in its own cmd_*.cc, registers itself here, parses its
// arguments with CLI11 and calls the library. Errors are printed as diagnostics; the exit code
// says whether the input (1), the arguments (2) or gongwen itself (70) is at fault.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace gw::cli {

// Adds a subcommand to the app. `order` sorts the help listing.
using CommandAdder = void (*)(CLI::App& app);

struct CommandRegistrar {
  CommandRegistrar(int order, CommandAdder add);
};

// Runs a command body: prints InputError diagnostics and other exceptions, records the exit code.
void run_command(const std::function<int()>& body);
int exit_code();


}  // namespace gw::cli
