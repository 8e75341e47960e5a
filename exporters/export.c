/*
 * export.c - cg_export and the helpers the per-format writers share.
 *
 * A file is written to a temporary file created with mkstemp beside the
 * destination (same directory, so rename is atomic), flushed, fsync'ed,
 * closed, and renamed over the destination only if every step succeeded;
 * the write calls themselves run on a second thread (write-behind, below)
 * so that the kernel's copying overlaps the formatting of the next bytes;
 * on any failure the temporary file is unlinked and the destination is
 * left untouched.  The new file gets the mode of the file it replaces, or
 * 0666 minus the process umask when it is new.
 *
 * Destinations that exist but are not regular files (/dev/stdout, a FIFO,
 * /dev/full) are written in place: renaming over them would replace the
 * device.  A symbolic link to a regular file is resolved, so the link stays
 * and its target is replaced.  "-" writes to standard output.
 */
/* realpath() is XSI, fopencookie() a glibc extension: _GNU_SOURCE asks
 * for both (and keeps the POSIX 2008 level the Makefile sets). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "exporters.h"

/* The flag cg_export_set_cancel installed, or NULL. */
static const volatile sig_atomic_t *export_cancel;

void cg_export_set_cancel(const volatile sig_atomic_t *flag)
{
    export_cancel = flag;
}

cg_format cg_format_from_name(const char *name)
{
    if (!name)
        return CG_FMT_UNKNOWN;
    if (strcasecmp(name, "graphml") == 0)
        return CG_FMT_GRAPHML;
    if (strcasecmp(name, "dot") == 0)
        return CG_FMT_DOT;
    if (strcasecmp(name, "adj") == 0)
        return CG_FMT_ADJ;
    if (strcasecmp(name, "gexf") == 0)
        return CG_FMT_GEXF;
    if (strcasecmp(name, "gml") == 0)
        return CG_FMT_GML;
    if (strcasecmp(name, "pajek") == 0 || strcasecmp(name, "net") == 0)
        return CG_FMT_PAJEK;
    if (strcasecmp(name, "json") == 0)
        return CG_FMT_JSON;
    if (strcasecmp(name, "cyjs") == 0)
        return CG_FMT_CYJS;
    if (strcasecmp(name, "csv") == 0)
        return CG_FMT_CSV;
    return CG_FMT_UNKNOWN;
}

cg_format cg_format_from_path(const char *path)
{
    if (!path)
        return CG_FMT_UNKNOWN;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    if (!dot || dot == base)
        return CG_FMT_UNKNOWN; /* no extension, or a dot file */
    const char *ext = dot + 1;
    if (strcasecmp(ext, "graphml") == 0)
        return CG_FMT_GRAPHML;
    if (strcasecmp(ext, "dot") == 0 || strcasecmp(ext, "gv") == 0)
        return CG_FMT_DOT;
    if (strcasecmp(ext, "adj") == 0)
        return CG_FMT_ADJ;
    if (strcasecmp(ext, "gexf") == 0)
        return CG_FMT_GEXF;
    if (strcasecmp(ext, "gml") == 0)
        return CG_FMT_GML;
    if (strcasecmp(ext, "net") == 0 || strcasecmp(ext, "paj") == 0)
        return CG_FMT_PAJEK;
    if (strcasecmp(ext, "json") == 0)
        return CG_FMT_JSON;
    if (strcasecmp(ext, "cyjs") == 0)
        return CG_FMT_CYJS;
    return CG_FMT_UNKNOWN;
}

/* ------------------------------------------------------------------ */
/* Attributes and helpers of the writers                               */

static long node_year(const cg_graph *g, size_t v)
{
    return cg_graph_node_year(g, v);
}

static long node_cited(const cg_graph *g, size_t v)
{
    return cg_graph_node_cited(g, v);
}

const cg_exp_attr cg_exp_node_attrs[] = {
    { "id", 0, CG_NODE_ID, NULL },
    { "label", 0, CG_NODE_LABEL, NULL },
    { "kind", 0, CG_NODE_KIND, NULL },
    { "body", 0, CG_NODE_BODY, NULL },
    { "title", 0, CG_NODE_TITLE, NULL },
    { "date", 0, CG_NODE_DATE, NULL },
    { "year", 0, 0, node_year },
    { "cited", 0, 0, node_cited },
    { NULL, 0, 0, NULL },
};

const cg_exp_attr cg_exp_edge_attrs[] = {
    { "verb", 1, CG_EDGE_VERB, NULL },
    { "part", 1, CG_EDGE_PART, NULL },
    { "para", 1, CG_EDGE_PARA, NULL },
    { "locator", 1, CG_EDGE_LOCATOR, NULL },
    { "weight", 1, 0, cg_graph_edge_weight },
    { NULL, 0, 0, NULL },
};

cg_status cg_exp_flush(cg_buf *out, FILE *f, const char *what,
                       cg_error *err)
{
    if (out->oom)
        return cg_error_set(err, CG_ERR_NOMEM, "out of memory writing %s",
                            what);
    errno = 0;
    if ((out->len && fwrite(out->data, 1, out->len, f) != out->len) ||
        ferror(f))
        return cg_error_set(err, CG_ERR_IO, "write error: %s",
                            strerror(errno ? errno : EIO));
    cg_buf_clear(out);
    return CG_OK;
}

cg_status cg_exp_fail(int werr, int oom, const char *lib, const char *what,
                      cg_error *err)
{
    if (werr)
        return cg_error_set(err, CG_ERR_IO, "write error: %s",
                            strerror(werr));
    if (oom)
        return cg_error_set(err, CG_ERR_NOMEM, "out of memory writing %s",
                            what);
    return cg_error_set(err, CG_ERR_IO, "%s could not write %s", lib, what);
}

/* ------------------------------------------------------------------ */
/* Cleaning                                                            */

static const char REPL[] = "\xEF\xBF\xBD"; /* U+FFFD */

/* Cleans a span already known to be valid UTF-8. */
static int clean_valid(cg_buf *out, const unsigned char *s, size_t n,
                       cg_clean_mode mode)
{
    int changed = 0;
    size_t run = 0; /* start of the pending unchanged run */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        const char *rep = NULL;
        size_t skip = 1;
        if (c < 0x20) {
            if (c == '\t' || c == '\n' || c == '\r')
                rep = mode == CG_CLEAN_XML ? NULL : " ";
            else
                rep = REPL;
        } else if (c == '\\' && mode == CG_CLEAN_DOT) {
            rep = "\\\\";
        } else if (c == 0xEF && i + 2 < n && s[i + 1] == 0xBF &&
                   (s[i + 2] == 0xBE || s[i + 2] == 0xBF)) {
            rep = REPL; /* U+FFFE, U+FFFF: not XML characters */
            skip = 3;
        }
        if (!rep)
            continue;
        changed = 1;
        cg_buf_append(out, (const char *)s + run, i - run);
        cg_buf_puts(out, rep);
        i += skip - 1;
        run = i + 1;
    }
    cg_buf_append(out, (const char *)s + run, n - run);
    return changed;
}

int cg_exp_clean(cg_buf *out, const char *s, cg_clean_mode mode)
{
    const unsigned char *u = (const unsigned char *)(s ? s : "");
    size_t len = strlen((const char *)u);
    int changed = 0;
    if (mode == CG_CLEAN_ADJ) {
        size_t run = 0;
        for (size_t i = 0; i < len; i++) {
            if (u[i] == '\t' || u[i] == '\n' || u[i] == '\r') {
                cg_buf_append(out, (const char *)u + run, i - run);
                cg_buf_putc(out, ' ');
                run = i + 1;
                changed = 1;
            }
        }
        cg_buf_append(out, (const char *)u + run, len - run);
    } else {
        size_t i = 0;
        while (i < len) {
            size_t ok = cg_utf8_invalid_at(u + i, len - i);
            changed |= clean_valid(out, u + i, ok, mode);
            i += ok;
            if (i < len) { /* one invalid byte */
                cg_buf_puts(out, REPL);
                changed = 1;
                i++;
            }
        }
    }
    if (len == 0)
        cg_buf_append(out, "", 0); /* make the buffer a valid string */
    return out->oom ? -1 : changed;
}

cg_status cg_exp_node_names(const cg_graph *g, cg_clean_mode mode,
                            cg_arena *a, const char ***names, cg_error *err)
{
    size_t n = cg_graph_node_count(g);
    cg_status st = CG_OK;
    const char **nm = calloc(n ? n : 1, sizeof *nm);
    cg_map used;
    cg_buf buf;
    int have_map = 0;
    cg_buf_init(&buf);
    size_t dirty = 0;
    *names = NULL;
    if (!nm)
        goto oom;
    /* Ids that need no cleaning are unique already and keep their names.
     * Printable ASCII (no backslash for DOT) never needs cleaning: the
     * common case skips the copy. */
    for (size_t v = 0; v < n; v++) {
        const char *id = cg_graph_node_str(g, v, CG_NODE_ID);
        const unsigned char *p = (const unsigned char *)id;
        while (*p >= 0x20 && *p <= 0x7E &&
               !(*p == '\\' && mode == CG_CLEAN_DOT))
            p++;
        int r = 0;
        if (*p) {
            cg_buf_clear(&buf);
            if ((r = cg_exp_clean(&buf, id, mode)) < 0)
                goto oom;
        }
        if (r == 0)
            nm[v] = id;
        else
            dirty++;
    }
    /* Only cleaned ids can collide: the map of names in use is needed
     * only then (a million-node graph would pay for it every export). */
    if (dirty) {
        if (cg_map_init(&used, n) != 0)
            goto oom;
        have_map = 1;
        for (size_t v = 0; v < n; v++)
            if (nm[v] && cg_map_put(&used, nm[v], (void *)1) != 0)
                goto oom;
    }
    for (size_t v = 0; v < n && dirty; v++) {
        if (nm[v])
            continue;
        cg_buf_clear(&buf);
        if (cg_exp_clean(&buf, cg_graph_node_str(g, v, CG_NODE_ID), mode) < 0)
            goto oom;
        size_t base = buf.len;
        for (unsigned k = 0; cg_map_get(&used, cg_buf_str(&buf)); k++) {
            buf.len = base;
            if (k == 0)
                cg_buf_printf(&buf, "~%zu", v);
            else
                cg_buf_printf(&buf, "~%zu.%u", v, k);
            if (buf.oom)
                goto oom;
        }
        char *copy = cg_arena_strdup(a, cg_buf_str(&buf));
        if (!copy || cg_map_put(&used, copy, (void *)1) != 0)
            goto oom;
        nm[v] = copy;
    }
    *names = nm;
    nm = NULL;
    goto done;
oom:
    st = cg_error_set(err, CG_ERR_NOMEM, "out of memory exporting the graph");
done:
    if (have_map)
        cg_map_destroy(&used);
    cg_buf_destroy(&buf);
    free(nm);
    return st;
}

cg_status cg_exp_names(const cg_graph *g, cg_clean_mode mode, cg_arena **a,
                       const char ***names, const char *oom, cg_error *err)
{
    *names = NULL;
    if (!(*a = cg_arena_new()))
        return cg_error_set(err, CG_ERR_NOMEM, "%s", oom);
    return cg_exp_node_names(g, mode, *a, names, err);
}

/* ------------------------------------------------------------------ */
/* cg_export                                                           */

typedef cg_status (*writer_fn)(const cg_graph *, FILE *, cg_error *);

/* What export_with writes: a graph writer with its graph, or (fn set) a
 * stream function with its context from cg_exp_write_stream. */
typedef struct sink {
    writer_fn w;
    const cg_graph *g;
    cg_exp_stream_fn fn;
    void *ctx;
} sink;

static cg_status sink_write(const sink *s, FILE *f, cg_error *err)
{
    return s->fn ? s->fn(s->ctx, f, err) : s->w(s->g, f, err);
}

/* Prefixes err->msg with the destination name. */
static cg_status named(cg_error *err, cg_status st, const char *path)
{
    if (err) {
        char msg[CG_ERRMSG_MAX];
        memcpy(msg, err->msg, sizeof msg);
        msg[sizeof msg - 1] = '\0';
        cg_error_set(err, st, "%s: %s", path, msg);
    }
    return st;
}

/* The process umask, read without changing it (Linux /proc); 022 if it
 * cannot be read. */
static mode_t current_umask(void)
{
    mode_t m = 022;
    FILE *f = fopen("/proc/self/status", "r");
    if (!f)
        return m;
    char line[256];
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "Umask:", 6) == 0) {
            char *end;
            unsigned long v = strtoul(line + 6, &end, 8);
            if (end != line + 6)
                m = (mode_t)(v & 0777);
            break;
        }
    }
    fclose(f);
    return m;
}

/* Flushes and closes f (always closes).  Returns 0 or an errno value. */
static int finish_stream(FILE *f, int do_sync)
{
    int e = 0;
    if (fflush(f) != 0 || ferror(f))
        e = errno ? errno : EIO;
    if (!e && do_sync && fsync(fileno(f)) != 0 && errno != EINVAL)
        e = errno;
    if (fclose(f) != 0 && !e)
        e = errno ? errno : EIO;
    return e;
}

/* ---- write-behind -------------------------------------------------- */

/* A FILE whose bytes are collected into WB_BLOCK-byte blocks that a
 * second thread write()s to the descriptor while the caller formats the
 * next block.  A 2.6 GB GraphML spends about as long in write calls
 * (the kernel copying into the page cache) as in formatting; one after
 * the other they took 9 to 10 s, side by side about the longer of the
 * two.  The bytes and their order are exactly those of a plain FILE.
 *
 * wb_open makes it; fclose on the FILE hands over the last block, joins
 * the thread and fails (errno set) if any write failed.  The descriptor
 * is the caller's: neither written after fclose nor closed by it. */
#define WB_BLOCK (4u << 20)

typedef struct wbehind {
    int fd;
    pthread_t th;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    char *fill;       /* the block the caller fills */
    size_t fill_len;
    char *out;        /* the block the thread writes */
    size_t out_len;   /* > 0: handed over, not yet written */
    int done;         /* no more blocks will come */
    int err;          /* errno of the first failed write, 0 */
} wbehind;

static void *wb_thread(void *arg)
{
    wbehind *w = arg;
    pthread_mutex_lock(&w->mu);
    for (;;) {
        while (!w->out_len && !w->done)
            pthread_cond_wait(&w->cv, &w->mu);
        if (!w->out_len)
            break;
        const char *p = w->out;
        size_t left = w->out_len;
        int err = w->err;
        pthread_mutex_unlock(&w->mu);
        while (left && !err) {
            ssize_t n = write(w->fd, p, left);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                err = n < 0 ? errno : EIO;
            else {
                p += n;
                left -= (size_t)n;
            }
        }
        pthread_mutex_lock(&w->mu);
        if (err && !w->err)
            w->err = err;
        w->out_len = 0;
        pthread_cond_broadcast(&w->cv);
    }
    pthread_mutex_unlock(&w->mu);
    return NULL;
}

/* Hands the filled block to the thread once it has written the previous
 * one.  Returns the first write error so far, 0. */
static int wb_handover(wbehind *w)
{
    pthread_mutex_lock(&w->mu);
    while (w->out_len)
        pthread_cond_wait(&w->cv, &w->mu);
    int err = w->err;
    if (!err && w->fill_len) {
        char *t = w->out;
        w->out = w->fill;
        w->out_len = w->fill_len;
        w->fill = t;
        w->fill_len = 0;
        pthread_cond_broadcast(&w->cv);
    }
    pthread_mutex_unlock(&w->mu);
    return err;
}

static ssize_t wb_write(void *cookie, const char *buf, size_t size)
{
    wbehind *w = cookie;
    size_t done = 0;
    while (done < size) {
        size_t room = WB_BLOCK - w->fill_len, k = size - done;
        if (k > room)
            k = room;
        memcpy(w->fill + w->fill_len, buf + done, k);
        w->fill_len += k;
        done += k;
        if (w->fill_len == WB_BLOCK) {
            int err = wb_handover(w);
            if (err) {
                errno = err;
                return 0; /* fopencookie's "error" */
            }
        }
    }
    return (ssize_t)size;
}

static int wb_close(void *cookie)
{
    wbehind *w = cookie;
    int err = wb_handover(w);
    pthread_mutex_lock(&w->mu);
    while (w->out_len)
        pthread_cond_wait(&w->cv, &w->mu);
    w->done = 1;
    pthread_cond_broadcast(&w->cv);
    pthread_mutex_unlock(&w->mu);
    pthread_join(w->th, NULL);
    if (!err)
        err = w->err;
    pthread_mutex_destroy(&w->mu);
    pthread_cond_destroy(&w->cv);
    free(w->fill);
    free(w->out);
    free(w);
    if (err) {
        errno = err;
        return -1;
    }
    return 0;
}

/* A write-behind FILE over fd (see above), or NULL when memory or a
 * thread is missing (the caller then writes through a plain FILE). */
static FILE *wb_open(int fd)
{
    wbehind *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->fd = fd;
    w->fill = malloc(WB_BLOCK);
    w->out = malloc(WB_BLOCK);
    if (!w->fill || !w->out)
        goto fail;
    if (pthread_mutex_init(&w->mu, NULL) != 0)
        goto fail;
    if (pthread_cond_init(&w->cv, NULL) != 0) {
        pthread_mutex_destroy(&w->mu);
        goto fail;
    }
    if (pthread_create(&w->th, NULL, wb_thread, w) != 0) {
        pthread_cond_destroy(&w->cv);
        pthread_mutex_destroy(&w->mu);
        goto fail;
    }
    cookie_io_functions_t io = { NULL, wb_write, NULL, wb_close };
    FILE *f = fopencookie(w, "w", io);
    if (!f) {
        /* wb_close joins the thread and frees w */
        (void)wb_close(w);
        return NULL;
    }
    return f;
fail:
    free(w->fill);
    free(w->out);
    free(w);
    return NULL;
}

static cg_status export_in_place(const sink *w, const char *path,
                                 cg_error *err)
{
    errno = 0;
    FILE *f = fopen(path, "w");
    if (!f)
        return cg_error_set(err, CG_ERR_IO, "%s: cannot open: %s", path,
                            strerror(errno));
    cg_status st = sink_write(w, f, err);
    if (st != CG_OK) {
        fclose(f);
        return named(err, st, path);
    }
    errno = 0;
    int e = finish_stream(f, 0);
    if (e)
        return cg_error_set(err, CG_ERR_IO, "%s: write error: %s", path,
                            strerror(e));
    return CG_OK;
}

static cg_status export_csv_dir(const cg_graph *g, const char *dir,
                                cg_error *err);

/* Writes w to path (see cg_export). */
static cg_status export_with(const sink *w, const char *path, cg_error *err)
{
    if ((!w->fn && !w->g) || !path || !*path)
        return cg_error_set(err, CG_ERR_USAGE, "cg_export: %s",
                            !path || !*path ? "no output path" : "no graph");

    if (strcmp(path, "-") == 0) {
        cg_status st = sink_write(w, stdout, err);
        if (st != CG_OK)
            return named(err, st, "<stdout>");
        errno = 0;
        if (fflush(stdout) != 0 || ferror(stdout))
            return cg_error_set(err, CG_ERR_IO, "<stdout>: write error: %s",
                                strerror(errno ? errno : EIO));
        return CG_OK;
    }

    cg_status st = CG_OK;
    char *resolved = NULL, *tmp = NULL;
    const char *target = path;
    mode_t mode;
    struct stat sb;
    if (stat(path, &sb) == 0) {
        if (S_ISDIR(sb.st_mode))
            return cg_error_set(err, CG_ERR_IO, "%s: is a directory", path);
        if (!S_ISREG(sb.st_mode))
            return export_in_place(w, path, err);
        struct stat lb;
        if (lstat(path, &lb) == 0 && S_ISLNK(lb.st_mode)) {
            resolved = realpath(path, NULL);
            if (resolved)
                target = resolved;
        }
        mode = sb.st_mode & 07777;
    } else {
        mode = 0666 & ~current_umask();
    }

    size_t tl = strlen(target);
    tmp = malloc(tl + sizeof ".tmpXXXXXX");
    if (!tmp) {
        st = cg_error_set(err, CG_ERR_NOMEM, "%s: out of memory", path);
        goto done;
    }
    memcpy(tmp, target, tl);
    memcpy(tmp + tl, ".tmpXXXXXX", sizeof ".tmpXXXXXX");

    int fd = mkstemp(tmp);
    if (fd < 0) {
        st = cg_error_set(err, CG_ERR_IO, "%s: cannot create a temporary "
                          "file beside it: %s", path, strerror(errno));
        free(tmp);
        tmp = NULL; /* nothing to unlink */
        goto done;
    }
    (void)fchmod(fd, mode); /* best effort: the content matters more */
    FILE *f = wb_open(fd);
    int plain = !f;
    if (plain && !(f = fdopen(fd, "w"))) {
        st = cg_error_set(err, CG_ERR_IO, "%s: %s", path, strerror(errno));
        close(fd);
        goto done;
    }
    /* A large stdio buffer: writers hand over small pieces (libxml2 about
     * 4 KB at a time), and a 2.6 GB GraphML would otherwise cost some
     * 650,000 write calls or copies.  Failure only leaves the default
     * buffer. */
    (void)setvbuf(f, NULL, _IOFBF, 1 << 20);
    st = sink_write(w, f, err);
    if (st != CG_OK) {
        fclose(f);
        if (!plain)
            close(fd);
        named(err, st, path);
        goto done;
    }
    errno = 0;
    int e;
    if (plain) {
        e = finish_stream(f, 1);
    } else {
        /* fclose joins the writing thread; fsync after it */
        e = finish_stream(f, 0);
        if (!e && fsync(fd) != 0 && errno != EINVAL)
            e = errno;
        if (close(fd) != 0 && !e)
            e = errno;
    }
    if (e) {
        st = cg_error_set(err, CG_ERR_IO, "%s: write error: %s", path,
                          strerror(e));
        goto done;
    }
    /* The last moment to honour an interrupt: after this the new file
     * replaces the old one, and this one is unlinked below. */
    if (export_cancel && *export_cancel) {
        st = cg_error_set(err, CG_ERR_IO, "%s: interrupted, left unchanged", path);
        goto done;
    }
    if (rename(tmp, target) != 0) {
        st = cg_error_set(err, CG_ERR_IO, "%s: cannot rename into place: %s",
                          path, strerror(errno));
        goto done;
    }
    free(tmp);
    tmp = NULL; /* renamed: nothing to unlink */
done:
    if (tmp) {
        unlink(tmp);
        free(tmp);
    }
    free(resolved);
    return st;
}

cg_status cg_export(const cg_graph *g, cg_format fmt, const char *path,
                    cg_error *err)
{
    writer_fn w;
    switch (fmt) {
    case CG_FMT_GRAPHML: w = cg_write_graphml; break;
    case CG_FMT_DOT: w = cg_write_dot; break;
    case CG_FMT_ADJ: w = cg_write_adj; break;
    case CG_FMT_GEXF: w = cg_write_gexf; break;
    case CG_FMT_GML: w = cg_write_gml; break;
    case CG_FMT_PAJEK: w = cg_write_pajek; break;
    case CG_FMT_JSON: w = cg_write_json; break;
    case CG_FMT_CYJS: w = cg_write_cyjs; break;
    case CG_FMT_CSV: return export_csv_dir(g, path, err);
    default:
        return cg_error_set(err, CG_ERR_USAGE,
                            "%s: unknown export format",
                            path ? path : "(null)");
    }
    sink s = { w, g, NULL, NULL };
    return export_with(&s, path, err);
}

cg_status cg_export_yed(const cg_graph *g, const char *path, cg_error *err)
{
    sink s = { cg_write_graphml_yed, g, NULL, NULL };
    return export_with(&s, path, err);
}

cg_status cg_exp_write_stream(cg_exp_stream_fn fn, void *ctx,
                              const char *path, cg_error *err)
{
    sink s = { NULL, NULL, fn, ctx };
    if (!fn)
        return cg_error_set(err, CG_ERR_USAGE, "cg_exp_write_stream: no writer");
    return export_with(&s, path, err);
}

/* CSV for neo4j-admin is two files, so its destination is a directory:
 * created when missing (an existing one is reused, its other files left
 * alone), then nodes.csv and edges.csv each go through export_with's
 * temporary file and rename.  The pair is not replaced atomically: a
 * failure on edges.csv leaves the new nodes.csv beside the old edges.csv,
 * and the error says which file failed. */
static cg_status export_csv_dir(const cg_graph *g, const char *dir,
                                cg_error *err)
{
    if (!g || !dir || !*dir)
        return cg_error_set(err, CG_ERR_USAGE, "cg_export: %s",
                            !g ? "no graph" : "no output directory");
    if (strcmp(dir, "-") == 0)
        return cg_error_set(err, CG_ERR_USAGE, "csv export writes a "
                            "directory (nodes.csv, edges.csv): name one");
    struct stat sb;
    if (mkdir(dir, 0777) != 0) {
        if (errno != EEXIST)
            return cg_error_set(err, CG_ERR_IO, "%s: cannot create the "
                                "directory: %s", dir, strerror(errno));
        if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
            return cg_error_set(err, CG_ERR_IO, "%s: exists and is not a "
                                "directory", dir);
    }
    static const struct { const char *name; writer_fn w; } F[] = {
        { "nodes.csv", cg_write_csv_nodes },
        { "edges.csv", cg_write_csv_edges },
    };
    cg_status st = CG_OK;
    size_t dl = strlen(dir);
    char *path = malloc(dl + sizeof "/nodes.csv");
    if (!path)
        return cg_error_set(err, CG_ERR_NOMEM, "%s: out of memory", dir);
    for (size_t i = 0; i < sizeof F / sizeof F[0] && st == CG_OK; i++) {
        /* "dir/" + name: both names have the same length */
        snprintf(path, dl + sizeof "/nodes.csv", "%s%s%s", dir,
                 dir[dl - 1] == '/' ? "" : "/", F[i].name);
        sink s = { F[i].w, g, NULL, NULL };
        st = export_with(&s, path, err);
    }
    free(path);
    return st;
}
