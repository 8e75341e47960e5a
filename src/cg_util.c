/*
 * cg_util.c - errors, arenas, buffers, hash maps and UTF-8 checks.
 * Must never print, exit or abort: failures come back as return values.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cg_util.h"

cg_status cg_error_set(cg_error *err, cg_status code, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
        err->code = code;
        /* One line: a newline inside a message would split the report. */
        for (char *p = err->msg; *p; p++)
            if (*p == '\n' || *p == '\r')
                *p = ' ';
    }
    return code;
}

/* ---- arena ------------------------------------------------------- */

typedef struct cg_chunk {
    struct cg_chunk *next;
    size_t used, size;
    char data[];
} cg_chunk;

struct cg_arena {
    cg_chunk *head;
};

#define CG_CHUNK_MIN 4096

cg_arena *cg_arena_new(void)
{
    return calloc(1, sizeof(cg_arena));
}

void cg_arena_free(cg_arena *a)
{
    if (!a)
        return;
    cg_chunk *c = a->head;
    while (c) {
        cg_chunk *n = c->next;
        free(c);
        c = n;
    }
    free(a);
}

static void *arena_alloc(cg_arena *a, size_t n)
{
    cg_chunk *c = a->head;
    if (!c || c->size - c->used < n) {
        size_t sz = n > CG_CHUNK_MIN ? n : CG_CHUNK_MIN;
        if (c && c->size * 2 > sz && c->size < (1u << 20))
            sz = c->size * 2;
        cg_chunk *nc = malloc(sizeof(cg_chunk) + sz);
        if (!nc)
            return NULL;
        nc->used = 0;
        nc->size = sz;
        nc->next = a->head;
        a->head = nc;
        c = nc;
    }
    void *p = c->data + c->used;
    c->used += n;
    return p;
}

char *cg_arena_strndup(cg_arena *a, const char *s, size_t len)
{
    char *p = arena_alloc(a, len + 1);
    if (!p)
        return NULL;
    if (len)
        memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *cg_arena_strdup(cg_arena *a, const char *s)
{
    return cg_arena_strndup(a, s, strlen(s));
}

/* ---- buffer ------------------------------------------------------ */

void cg_buf_init(cg_buf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
    b->oom = 0;
}

void cg_buf_destroy(cg_buf *b)
{
    if (!b)
        return;
    free(b->data);
    cg_buf_init(b);
}

void cg_buf_clear(cg_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

int cg_buf_append(cg_buf *b, const char *s, size_t n)
{
    if (b->oom)
        return -1;
    if (b->len + n + 1 > b->cap) {
        size_t nc = b->cap ? b->cap * 2 : 64;
        while (nc < b->len + n + 1)
            nc *= 2;
        char *nd = realloc(b->data, nc);
        if (!nd) {
            b->oom = 1;
            return -1;
        }
        b->data = nd;
        b->cap = nc;
    }
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

int cg_buf_puts(cg_buf *b, const char *s)
{
    return cg_buf_append(b, s, strlen(s));
}

int cg_buf_putc(cg_buf *b, char c)
{
    return cg_buf_append(b, &c, 1);
}

int cg_buf_put_uint(cg_buf *b, unsigned long long v)
{
    char num[24];
    size_t i = sizeof num;
    do {
        num[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    return cg_buf_append(b, num + i, sizeof num - i);
}

int cg_buf_printf(cg_buf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return -1;
    if ((size_t)n < sizeof small)
        return cg_buf_append(b, small, (size_t)n);
    char *big = malloc((size_t)n + 1);
    if (!big) {
        b->oom = 1;
        return -1;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    int rc = cg_buf_append(b, big, (size_t)n);
    free(big);
    return rc;
}

const char *cg_buf_str(const cg_buf *b)
{
    return b->data ? b->data : "";
}

/* ---- hash map ---------------------------------------------------- */

uint64_t cg_hash(const char *s, size_t n)
{
    /* FNV-1a: short keys, good enough spread, no allocation. */
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h ? h : 1;
}

int cg_map_init(cg_map *m, size_t hint)
{
    size_t cap = 16;
    while (cap < hint * 2)
        cap *= 2;
    m->keys = calloc(cap, sizeof *m->keys);
    m->hashes = calloc(cap, sizeof *m->hashes);
    m->vals = calloc(cap, sizeof *m->vals);
    m->cap = cap;
    m->count = 0;
    if (!m->keys || !m->hashes || !m->vals) {
        cg_map_destroy(m);
        return -1;
    }
    return 0;
}

void cg_map_destroy(cg_map *m)
{
    if (!m)
        return;
    free(m->keys);
    free(m->hashes);
    free(m->vals);
    m->keys = NULL;
    m->hashes = NULL;
    m->vals = NULL;
    m->cap = m->count = 0;
}

static size_t map_slot(const cg_map *m, const char *key, uint64_t h)
{
    size_t mask = m->cap - 1, i = (size_t)h & mask;
    while (m->hashes[i]) {
        if (m->hashes[i] == h && strcmp(m->keys[i], key) == 0)
            return i;
        i = (i + 1) & mask;
    }
    return i;
}

void *cg_map_get(const cg_map *m, const char *key)
{
    if (!m->cap)
        return NULL;
    size_t i = map_slot(m, key, cg_hash(key, strlen(key)));
    return m->hashes[i] ? m->vals[i] : NULL;
}

static int map_grow(cg_map *m)
{
    cg_map n;
    if (cg_map_init(&n, m->cap) != 0)
        return -1;
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->hashes[i])
            continue;
        size_t j = map_slot(&n, m->keys[i], m->hashes[i]);
        n.keys[j] = m->keys[i];
        n.hashes[j] = m->hashes[i];
        n.vals[j] = m->vals[i];
    }
    n.count = m->count;
    cg_map_destroy(m);
    *m = n;
    return 0;
}

int cg_map_put(cg_map *m, const char *key, void *val)
{
    if ((m->count + 1) * 4 > m->cap * 3 && map_grow(m) != 0)
        return -1;
    uint64_t h = cg_hash(key, strlen(key));
    size_t i = map_slot(m, key, h);
    if (!m->hashes[i]) {
        m->hashes[i] = h;
        m->keys[i] = key;
        m->count++;
    }
    m->vals[i] = val;
    return 0;
}

/* ---- interning --------------------------------------------------- */

int cg_intern_init(cg_intern *in)
{
    in->arena = cg_arena_new();
    if (!in->arena)
        return -1;
    if (cg_map_init(&in->map, 64) != 0) {
        cg_arena_free(in->arena);
        in->arena = NULL;
        return -1;
    }
    return 0;
}

void cg_intern_destroy(cg_intern *in)
{
    if (!in)
        return;
    cg_map_destroy(&in->map);
    cg_arena_free(in->arena);
    in->arena = NULL;
}

const char *cg_intern_str(cg_intern *in, const char *s)
{
    const char *got = cg_map_get(&in->map, s);
    if (got)
        return got;
    char *copy = cg_arena_strdup(in->arena, s);
    if (!copy || cg_map_put(&in->map, copy, copy) != 0)
        return NULL;
    return copy;
}

/* ---- UTF-8 ------------------------------------------------------- */

size_t cg_utf8_invalid_at(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        /* most text is ASCII: step over eight plain bytes at a time */
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull)
                break;
            i += 8;
        }
        if (i >= len)
            break;
        unsigned char c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n;
        uint32_t cp;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            cp = c & 0x07;
        } else {
            return i;
        }
        if (i + n >= len)
            return i; /* truncated sequence */
        for (size_t k = 1; k <= n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
            cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += n + 1;
    }
    return len;
}
