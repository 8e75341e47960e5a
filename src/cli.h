/*
 * cli.h - the commands of the citegraph tool.  Each command lives in its
 * own src/cli_<name>.c and is listed in main.c's table; commands print and
 * choose exit codes, the library underneath never does.
 *
 * Exit status of every command: 0 success, 1 some input or output failed
 * (the rest was still processed), 2 usage error.
 */
#ifndef CG_CLI_H
#define CG_CLI_H

/* argv[0] is the command name; argv is borrowed (the INPUTs and option
 * values are used in place).  Returns the exit status. */
typedef int (*cg_cli_fn)(int argc, char **argv);

/* citegraph build (cli_build.c) and citegraph extract (cli_extract.c). */
int cg_cli_build(int argc, char **argv);
int cg_cli_extract(int argc, char **argv);
/* citegraph chain (cli_chain.c) and citegraph stats (cli_stats.c). */
int cg_cli_chain(int argc, char **argv);
int cg_cli_stats(int argc, char **argv);
/* citegraph series (cli_series.c). */
int cg_cli_series(int argc, char **argv);
/* citegraph render (cli_render.c). */
int cg_cli_render(int argc, char **argv);

#endif
