// Each subcommand registers itself on the CLI11 app and reports its exit status through
// `exit_code` once it has run.
#pragma once

#include <CLI/CLI.hpp>

namespace caredesk::app {

void AddCalendarCommand(CLI::App& app, int& exit_code);
void AddDeadlinesCommand(CLI::App& app, int& exit_code);
void AddPolicyCommand(CLI::App& app, int& exit_code);
void AddDemoCommand(CLI::App& app, int& exit_code);
void AddStoreCommands(CLI::App& app, int& exit_code);
void AddBackupCommands(CLI::App& app, int& exit_code);
void AddServeCommand(CLI::App& app, int& exit_code);
void AddUserCommands(CLI::App& app, int& exit_code);
void AddTokenCommands(CLI::App& app, int& exit_code);
void AddCustomerCommands(CLI::App& app, int& exit_code);
void AddMailCommands(CLI::App& app, int& exit_code);
void AddReportCommand(CLI::App& app, int& exit_code);
// `report annual`, under the `report` command.
void AddAnnualCommand(CLI::App& report, int& exit_code);
void AddRegisterCommand(CLI::App& report, int& exit_code);
// `case file`: one case's complete file.
void AddCaseCommands(CLI::App& app, int& exit_code);

}  // namespace caredesk::app
