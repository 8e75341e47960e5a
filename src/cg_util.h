/*
 * cg_util.h - small internal building blocks shared by the library:
 * a growable byte buffer and an open-addressing string hash map.
 *
 * Internal to libcitegraph; never part of the public header.  Nothing here
 * prints or aborts: allocation failure is reported as a return value.
 */
#ifndef CG_UTIL_H
#define CG_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include "citegraph.h"

/* Growable byte buffer, always NUL-terminated once anything was added.
 * Owns its memory: release with cg_buf_destroy. */
typedef struct cg_buf {
    char *data;
    size_t len, cap;
    int oom;          /* set once an append failed; later appends no-op */
} cg_buf;

void cg_buf_init(cg_buf *b);
void cg_buf_destroy(cg_buf *b);         /* NULL-safe */
void cg_buf_clear(cg_buf *b);
int cg_buf_append(cg_buf *b, const char *s, size_t n);   /* 0 ok, -1 OOM */
int cg_buf_puts(cg_buf *b, const char *s);
int cg_buf_putc(cg_buf *b, char c);
/* v in decimal, without printf (exporters write millions of numbers). */
int cg_buf_put_uint(cg_buf *b, unsigned long long v);
int cg_buf_printf(cg_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Returns the contents ("" when empty); borrowed. */
const char *cg_buf_str(const cg_buf *b);

/* String -> value map.  Keys are borrowed: the caller keeps them alive
 * (typically in an arena) for the map's lifetime. */
typedef struct cg_map {
    const char **keys;
    uint64_t *hashes;
    void **vals;
    size_t cap, count;
} cg_map;

int cg_map_init(cg_map *m, size_t hint);          /* 0 ok, -1 OOM */
void cg_map_destroy(cg_map *m);                   /* NULL-safe */
uint64_t cg_hash(const char *s, size_t n);
/* Returns the value stored for key, or NULL. */
void *cg_map_get(const cg_map *m, const char *key);
/* Sets key -> val (replacing).  0 ok, -1 OOM. */
int cg_map_put(cg_map *m, const char *key, void *val);

/* String interning into an arena: equal strings give the same pointer. */
typedef struct cg_intern {
    cg_map map;
    cg_arena *arena;  /* owned */
} cg_intern;

int cg_intern_init(cg_intern *in);                /* 0 ok, -1 OOM */
void cg_intern_destroy(cg_intern *in);            /* NULL-safe */
/* Returns the interned copy of s (NULL on OOM); owned by `in`. */
const char *cg_intern_str(cg_intern *in, const char *s);

/* ASCII character classes without the locale lookup of <ctype.h>:
 * the recognizer calls these for every byte, and UN symbols and numbers
 * are ASCII whatever the locale. */
static inline int cg_isdigit(int c) { return (unsigned)c - '0' < 10u; }
static inline int cg_isupper(int c) { return (unsigned)c - 'A' < 26u; }
static inline int cg_islower(int c) { return (unsigned)c - 'a' < 26u; }
static inline int cg_isalpha(int c) { return (unsigned)((c | 0x20) - 'a') < 26u; }
static inline int cg_isalnum(int c) { return cg_isalpha(c) || cg_isdigit(c); }
static inline int cg_tolower(int c) { return cg_isupper(c) ? c + 32 : c; }
static inline int cg_toupper(int c) { return cg_islower(c) ? c - 32 : c; }

/* UTF-8 validation: returns the byte offset of the first invalid
 * sequence, or len when the whole buffer is valid. */
size_t cg_utf8_invalid_at(const unsigned char *s, size_t len);

#endif
