/*
 * main.c - the citegraph command: the table of commands, --help,
 * --version and the dispatch.  Each command parses its own options and
 * chooses its messages and exit code in src/cli_<name>.c (see cli.h);
 * everything that knows about documents and graphs lives in the library.
 *
 * Exit status: 0 success, 1 some input or output failed (the rest was
 * still processed), 2 usage error.
 */
#include <stdio.h>
#include <string.h>

#include "citegraph.h"
#include "cli.h"

static const struct command {
    const char *name;
    cg_cli_fn run;
} commands[] = {
    {"build", cg_cli_build},
    {"extract", cg_cli_extract},
    {"chain", cg_cli_chain},
    {"stats", cg_cli_stats},
    {"series", cg_cli_series},
    {"render", cg_cli_render},
};

static void usage_main(FILE *f)
{
    fprintf(f,
            "usage: citegraph COMMAND [OPTIONS] INPUT...\n"
            "\n"
            "Reads United Nations documents and builds the graph of their citations.\n"
            "\n"
            "commands:\n"
            "  build     extract citations from INPUTs and write the citation graph\n"
            "  extract   print every citation mention as JSON Lines\n"
            "  chain     print the recall chain of one document as a tree\n"
            "  stats     statistics of the citation graph of INPUTs\n"
            "  series    resolution series (same body and title) and their breaks\n"
            "  render    draw the graph as SVG, PNG, PDF or an interactive HTML page\n"
            "\n"
            "INPUT is a file, a directory (read recursively, in sorted order) or - for\n"
            "standard input.  Instead of INPUTs, --graph FILE reads a GraphML graph\n"
            "written earlier and --edges reads citation records (extract --format\n"
            "tsv).  `citegraph COMMAND --help` describes a command.\n"
            "\n"
            "  -h, --help      this help\n"
            "  -V, --version   print the version\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage_main(stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0) {
        usage_main(stdout);
        return 0;
    }
    if (strcmp(cmd, "-V") == 0 || strcmp(cmd, "--version") == 0) {
        printf("citegraph %s\n", CG_VERSION);
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(cmd, commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "citegraph: unknown command '%s' (see --help)\n", cmd);
    return 2;
}
