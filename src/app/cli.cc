#include "app/cli.h"

#include "app/commands.h"

namespace caredesk::app {

int RunCli(int argc, char** argv) {
  CLI::App app{"caredesk: customer care and complaints, kept to the organisation's own standards"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "caredesk 0.1.0");
  int exit_code = kExitOk;
  AddCalendarCommand(app, exit_code);
  AddDeadlinesCommand(app, exit_code);
  AddPolicyCommand(app, exit_code);
  AddDemoCommand(app, exit_code);
  AddStoreCommands(app, exit_code);
  AddBackupCommands(app, exit_code);
  AddServeCommand(app, exit_code);
  AddUserCommands(app, exit_code);
  AddTokenCommands(app, exit_code);
  AddCustomerCommands(app, exit_code);
  AddMailCommands(app, exit_code);
  AddReportCommand(app, exit_code);
  AddCaseCommands(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? kExitOk : kExitBadArguments;
  }
  return exit_code;
}

}  // namespace caredesk::app
