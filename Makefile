# citegraph - build, test and demo.  See README.md.
#
#   make          build build/citegraph and build/libcitegraph.a
#   make demo     install missing Debian packages, build, graph examples/ into out/
#   make check    install missing Debian packages, build, run every test, then
#                 again under ASan+UBSan, then the threads under TSan, then a
#                 valgrind leak check (CI runs this)
#   make asan     the whole suite under AddressSanitizer + UBSan
#   make tsan     the threaded paths under ThreadSanitizer (tests/tsan.sh)
#   make bench    throughput and memory on ../shared/corpus and a synthetic corpus
#   make fuzz     run each libFuzzer target for FUZZ_SECONDS (default 60; FUZZ_JOBS=2;
#                 FUZZ_TARGETS=fuzz_graphml_read for one)
#   make valgrind the tool on examples/ under valgrind memcheck

CC      ?= gcc
BUILD   ?= build
PKGS    := igraph libxml-2.0 libcgraph libgvc poppler-glib
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CSTD    := -std=c11 -D_POSIX_C_SOURCE=200809L
WARN    := -Wall -Wextra -Werror=implicit-function-declaration
OPT     ?= -O2 -g
CFLAGS_ALL = $(CSTD) $(WARN) $(OPT) $(SANFLAGS) -Isrc -Igraphs -Iexporters $(PKG_CFLAGS) $(EXTRA_CFLAGS)
LDLIBS_ALL = $(PKG_LIBS) -lpthread -lm $(SANFLAGS)

# src/main.c and src/cli_*.c are the command-line tool; the rest is the library.
CLI_SRC  := src/main.c $(wildcard src/cli_*.c)
LIB_SRC  := $(filter-out $(CLI_SRC),$(wildcard src/*.c)) $(wildcard graphs/*.c) $(wildcard exporters/*.c)
LIB_OBJ  := $(patsubst %.c,$(BUILD)/obj/%.o,$(LIB_SRC))
MAIN_OBJ := $(patsubst %.c,$(BUILD)/obj/%.o,$(CLI_SRC))
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRC))
SHARED   ?= ../shared

.PHONY: all deps demo check test unit golden keys asan tsan bench fuzz fuzz-bins valgrind clean
all: $(BUILD)/citegraph $(BUILD)/libcitegraph.a

deps:
	@sh scripts/install-deps.sh

$(BUILD)/obj/%.o: %.c $(wildcard src/*.h graphs/*.h exporters/*.h)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS_ALL) -c $< -o $@

$(BUILD)/libcitegraph.a: $(LIB_OBJ)
	@mkdir -p $(dir $@)
	@rm -f $@ && ar rcs $@ $^

$(BUILD)/citegraph: $(MAIN_OBJ) $(BUILD)/libcitegraph.a
	@echo "  LINK    $@"
	@$(CC) $(MAIN_OBJ) $(BUILD)/libcitegraph.a -o $@ $(LDLIBS_ALL)

$(BUILD)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(BUILD)/libcitegraph.a
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS_ALL) $< $(BUILD)/libcitegraph.a -o $@ $(LDLIBS_ALL) -lcmocka

demo: deps
	@$(MAKE) --no-print-directory all
	@mkdir -p out
	$(BUILD)/citegraph build --summary -o out/citations.graphml examples
	$(BUILD)/citegraph build --quiet -o out/citations.dot examples
	$(BUILD)/citegraph build --quiet -o out/citations.adj examples
	$(BUILD)/citegraph render --quiet -o out/citations.svg examples
	$(BUILD)/citegraph render --quiet -o out/citations.html examples

# The README's test command and CI's: the suite, then the suite again under
# AddressSanitizer + UBSan, then the threaded paths under ThreadSanitizer,
# then a valgrind leak check of the CLI.
check: deps
	@$(MAKE) --no-print-directory test
	@echo "== the whole suite again under AddressSanitizer + UndefinedBehaviorSanitizer"
	@$(MAKE) --no-print-directory asan
	@echo "== the threaded paths under ThreadSanitizer"
	@$(MAKE) --no-print-directory tsan
	@echo "== valgrind leak check of the CLI on examples/"
	@$(MAKE) --no-print-directory valgrind
	@echo "check: 4 passed, 0 failed"

test: all $(UNIT_BIN)
	@sh tests/run-tests.sh $(BUILD) $(SHARED)

asan:
	@$(MAKE) --no-print-directory BUILD=build-asan OPT="-O1 -g -fno-omit-frame-pointer" \
	  SANFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=undefined" test

tsan:
	@$(MAKE) --no-print-directory BUILD=build-tsan OPT="-O1 -g" SANFLAGS="-fsanitize=thread" all
	@sh tests/tsan.sh build-tsan/citegraph $(SHARED)

bench: all
	@sh tests/bench.sh $(BUILD) $(SHARED)

# libFuzzer targets (fuzz/fuzz_*.c): the library is rebuilt with clang into
# build-fuzz/ with coverage instrumentation, each target links with the
# fuzzer's main; fuzz/run.sh runs each for FUZZ_SECONDS (FUZZ_JOBS at once).
FUZZ_SECONDS ?= 60
FUZZ_JOBS    ?= 1
FUZZ_SRC     := $(wildcard fuzz/fuzz_*.c)
# e.g. make fuzz FUZZ_TARGETS=fuzz_graphml_read (default: every target)
FUZZ_TARGETS ?= $(patsubst fuzz/%.c,%,$(FUZZ_SRC))

fuzz:
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang OPT="-O1 -g -fno-omit-frame-pointer" \
	  SANFLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" fuzz-bins
	@FUZZ_JOBS=$(FUZZ_JOBS) sh fuzz/run.sh $(FUZZ_SECONDS) $(addprefix build-fuzz/,$(FUZZ_TARGETS))

fuzz-bins: $(addprefix $(BUILD)/,$(FUZZ_TARGETS))

$(BUILD)/fuzz_%: fuzz/fuzz_%.c $(BUILD)/libcitegraph.a
	$(CC) $(CFLAGS_ALL) -fsanitize=fuzzer $< $(BUILD)/libcitegraph.a -o $@ $(LDLIBS_ALL)

# The tool under valgrind's memcheck: any error or definite/possible leak
# fails with status 3.
VALGRIND := valgrind -q --leak-check=full --error-exitcode=3
valgrind: all
	$(VALGRIND) $(BUILD)/citegraph build -q -o /tmp/x.graphml examples
	$(VALGRIND) $(BUILD)/citegraph extract examples >/dev/null

clean:
	rm -rf build build-asan build-tsan build-fuzz out
