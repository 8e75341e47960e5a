# citegraph - build, test and demo.  See README.md.
#
#   make          build build/citegraph and build/libcitegraph.a
#   make demo     install missing Debian packages, build, graph examples/ into out/
#   make check    install missing Debian packages, build, run every test
#   make asan     the whole suite under AddressSanitizer + UBSan
#   make bench    throughput and memory on ../shared/corpus and a synthetic corpus
#   make fuzz     run each libFuzzer target for FUZZ_SECONDS

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

.PHONY: all deps demo check test unit golden keys asan bench fuzz clean
all: $(BUILD)/citegraph $(BUILD)/libcitegraph.a

deps:
	@sh scripts/install-deps.sh

$(BUILD)/obj/%.o: %.c $(wildcard src/*.h graphs/*.h exporters/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -c $< -o $@

$(BUILD)/libcitegraph.a: $(LIB_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/citegraph: $(MAIN_OBJ) $(BUILD)/libcitegraph.a
	$(CC) $(MAIN_OBJ) $(BUILD)/libcitegraph.a -o $@ $(LDLIBS_ALL)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libcitegraph.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $< $(BUILD)/libcitegraph.a -o $@ $(LDLIBS_ALL) -lcmocka

demo: deps
	@$(MAKE) --no-print-directory all
	@mkdir -p out
	$(BUILD)/citegraph build --summary -o out/citations.graphml examples
	$(BUILD)/citegraph build --quiet -o out/citations.dot examples
	$(BUILD)/citegraph build --quiet -o out/citations.adj examples

check: deps
	@$(MAKE) --no-print-directory test

test: all $(UNIT_BIN)
	@sh tests/run-tests.sh $(BUILD) $(SHARED)

asan:
	@$(MAKE) --no-print-directory BUILD=build-asan OPT="-O1 -g -fno-omit-frame-pointer" \
	  SANFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=undefined" test

bench: all
	@sh tests/bench.sh $(BUILD) $(SHARED)

clean:
	rm -rf build build-asan build-fuzz out
