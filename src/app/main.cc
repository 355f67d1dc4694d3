// caredesk: the command line entry point.
#include "app/cli.h"

int main(int argc, char** argv) { return caredesk::app::RunCli(argc, argv); }
