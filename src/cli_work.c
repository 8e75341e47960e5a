/*
 * cli_work.c - parallel extraction with in-order delivery (see
 * cli_work.h).
 *
 * Workers take the next chunk of consecutive file indexes under a mutex,
 * extract its files with cg_extract_file (reentrant: the library keeps no
 * mutable static state, and the igraph setup goes through pthread_once)
 * into their slot of a ring of `window` slots, and mark it ready.  The calling thread hands the slots to the
 * callback strictly in input order, so everything it prints and every
 * document it adds comes in the same order whatever the number of
 * workers: the output bytes do not depend on -j.  The ring bounds how far
 * the workers run ahead, so memory stays proportional to the number of
 * workers, not to the number of files.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli_work.h"

double cg_work_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int cg_work_default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1)
        return 1;
    return n > 256 ? 256 : (int)n;
}

/* What one file gave. */
typedef struct result {
    cg_doc **docs;    /* owned until delivered */
    size_t n_docs;
    size_t bytes;     /* file size, for the progress line */
    cg_status st;
    cg_error err;
} result;

/* Files are handed out in chunks of consecutive indexes: a corpus of a
 * million small files would otherwise spend its time in the lock and the
 * wake-ups (three futex calls per file), not in extraction. */
#define CHUNK_MAX 32

typedef struct slot {
    int ready;        /* results parked, not yet delivered */
    size_t chunk;     /* which chunk */
    size_t n;         /* files in r */
    result r[CHUNK_MAX];
} slot;

/* Frees the documents of r[0, n).  The worker that takes a slot again
 * frees what the calling thread was handed from it: the documents go
 * back to the allocator arena they came from, and the calling thread,
 * the one that cannot be parallel, spends none of its time on it. */
static void results_free(result *r, size_t n)
{
    for (size_t j = 0; j < n; j++) {
        for (size_t k = 0; k < r[j].n_docs; k++)
            cg_doc_free(r[j].docs[k]);
        free(r[j].docs);
        r[j].docs = NULL;
        r[j].n_docs = 0;
    }
}

typedef struct pool {
    const cg_inputs *in;
    const cg_work_opts *o;
    pthread_mutex_t mu;
    pthread_cond_t space;    /* a slot was freed */
    pthread_cond_t ready;    /* a result was parked */
    slot *slots;
    size_t window;           /* slots, in chunks */
    size_t chunk;            /* files per chunk */
    size_t n_chunks;
    size_t next;             /* next chunk to take */
    size_t delivered;        /* chunks below this were delivered */
} pool;

/* Extracts file i into r (r is not shared while this runs). */
static void extract_one(const cg_inputs *in, const cg_work_opts *o, size_t i,
                        result *r)
{
    r->docs = NULL;
    r->n_docs = 0;
    r->bytes = 0;
    r->err.code = CG_OK;
    r->err.msg[0] = '\0';
    r->st = cg_extract_file(in->paths[i], o->ex, &r->docs, &r->n_docs, &r->err);
    if (o->progress) {
        struct stat sb;
        if (strcmp(in->paths[i], "-") != 0 && stat(in->paths[i], &sb) == 0)
            r->bytes = (size_t)sb.st_size;
    }
}

static void *worker(void *arg)
{
    pool *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (p->next < p->n_chunks && p->next >= p->delivered + p->window)
            pthread_cond_wait(&p->space, &p->mu);
        if (p->next >= p->n_chunks)
            break;
        size_t k = p->next++;
        pthread_mutex_unlock(&p->mu);
        size_t first = k * p->chunk, n = p->in->n - first;
        if (n > p->chunk)
            n = p->chunk;
        slot *s = &p->slots[k % p->window];
        /* The slot is this worker's until it is marked ready: the main
         * thread was done with it before the window let k in. */
        results_free(s->r, s->n);
        s->n = n;
        for (size_t j = 0; j < n; j++)
            extract_one(p->in, p->o, first + j, &s->r[j]);
        pthread_mutex_lock(&p->mu);
        s->chunk = k;
        s->ready = 1;
        pthread_cond_broadcast(&p->ready);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

/* Progress line: files, MB, rate and ETA, at most four times a second. */
typedef struct progress {
    int on;
    double t0, last;
    size_t bytes;
    int shown;
} progress;

static void progress_show(progress *pr, size_t done, size_t total, int final)
{
    if (!pr->on)
        return;
    double now = cg_work_now();
    if (!final && now - pr->last < 0.25)
        return;
    pr->last = now;
    if (final) {
        if (pr->shown)
            fputs("\r\033[K", stderr);
        return;
    }
    double el = now - pr->t0;
    double rate = el > 0 ? (double)done / el : 0;
    double eta = rate > 0 ? (double)(total - done) / rate : 0;
    fprintf(stderr, "\r\033[Kcitegraph: %zu/%zu files, %.1f MB, %.0f files/s, %.1f MB/s, ETA %d:%02d",
            done, total, (double)pr->bytes / 1e6, rate,
            el > 0 ? (double)pr->bytes / 1e6 / el : 0.0, (int)eta / 60,
            (int)eta % 60);
    fflush(stderr);
    pr->shown = 1;
}

size_t cg_work_run(const cg_inputs *in, const cg_work_opts *o, cg_work_fn fn,
                   void *ctx)
{
    size_t bad = 0;
    progress pr = { o->progress, cg_work_now(), 0, 0, 0 };
    pr.last = pr.t0;
    int jobs = o->jobs > 0 ? o->jobs : cg_work_default_jobs();
    if ((size_t)jobs > in->n)
        jobs = in->n ? (int)in->n : 1;
    pthread_t *th = NULL;
    int started = 0, have_sync = 0;
    pool p;
    memset(&p, 0, sizeof p);
    p.in = in;
    p.o = o;
    /* Chunks small enough that every worker gets some hundreds of them
     * (a slow PDF does not hold up the others for long), large enough to
     * make the handing over rare. */
    p.chunk = in->n / ((size_t)jobs * 256);
    if (p.chunk < 1)
        p.chunk = 1;
    if (p.chunk > CHUNK_MAX)
        p.chunk = CHUNK_MAX;
    p.n_chunks = (in->n + p.chunk - 1) / p.chunk;
    if (jobs > 1) {
        p.window = (size_t)jobs * 4;
        p.slots = calloc(p.window, sizeof *p.slots);
        th = calloc((size_t)jobs, sizeof *th);
        if (!p.slots || !th) {
            fprintf(stderr, "citegraph: out of memory starting workers; using one thread\n");
            jobs = 1;
        }
    }
    if (jobs > 1) {
        pthread_mutex_init(&p.mu, NULL);
        pthread_cond_init(&p.space, NULL);
        pthread_cond_init(&p.ready, NULL);
        have_sync = 1;
        for (; started < jobs; started++)
            if (pthread_create(&th[started], NULL, worker, &p) != 0)
                break;
        if (started == 0) {
            fprintf(stderr, "citegraph: cannot start worker threads; using one thread\n");
            jobs = 1;
        }
    }
    for (size_t i = 0; i < in->n;) {
        if (jobs > 1) {
            size_t k = i / p.chunk, n = in->n - i;
            if (n > p.chunk)
                n = p.chunk;
            pthread_mutex_lock(&p.mu);
            slot *ps = &p.slots[k % p.window];
            while (!(ps->ready && ps->chunk == k))
                pthread_cond_wait(&p.ready, &p.mu);
            pthread_mutex_unlock(&p.mu);
            /* The slot is ours until the window moves past it. */
            for (size_t j = 0; j < n; j++, i++) {
                result *r = &ps->r[j];
                pr.bytes += r->bytes;
                bad += fn(ctx, i, in->paths[i], r->docs, r->n_docs, r->st, &r->err);
                progress_show(&pr, i + 1, in->n, 0);
            }
            pthread_mutex_lock(&p.mu);
            ps->ready = 0;
            p.delivered = k + 1;
            pthread_cond_broadcast(&p.space);
            pthread_mutex_unlock(&p.mu);
        } else {
            result r;
            extract_one(in, o, i, &r);
            pr.bytes += r.bytes;
            bad += fn(ctx, i, in->paths[i], r.docs, r.n_docs, r.st, &r.err);
            results_free(&r, 1);
            progress_show(&pr, i + 1, in->n, 0);
            i++;
        }
    }
    progress_show(&pr, in->n, in->n, 1);
    for (int t = 0; t < started; t++)
        pthread_join(th[t], NULL);
    for (size_t k = 0; p.slots && k < p.window; k++)
        results_free(p.slots[k].r, p.slots[k].n);
    if (have_sync) {
        pthread_mutex_destroy(&p.mu);
        pthread_cond_destroy(&p.space);
        pthread_cond_destroy(&p.ready);
    }
    free(th);
    free(p.slots);
    return bad;
}

/* ---- building a graph -------------------------------------------- */

typedef struct build_ctx {
    cg_builder *b;
    cg_work_stats *st;
} build_ctx;

static size_t add_docs(void *vctx, size_t index, const char *path,
                       cg_doc **docs, size_t n_docs, cg_status st,
                       const cg_error *err)
{
    (void)index;
    (void)path;
    build_ctx *c = vctx;
    size_t bad = 0;
    if (st != CG_OK) {
        fprintf(stderr, "citegraph: %s\n", err->msg);
        bad++;
    }
    double t = cg_work_now();
    for (size_t k = 0; k < n_docs; k++) {
        cg_error e;
        if (cg_builder_add_doc(c->b, docs[k], &e) != CG_OK) {
            fprintf(stderr, "citegraph: %s\n", e.msg);
            bad++;
        } else {
            c->st->docs++;
            c->st->mentions += docs[k]->n_mentions;
        }
    }
    c->st->t_add += cg_work_now() - t;
    return bad;
}

size_t cg_work_build(const cg_inputs *in, const cg_work_opts *o,
                     cg_graph **out, cg_work_stats *st)
{
    memset(st, 0, sizeof *st);
    *out = NULL;
    cg_builder *b = cg_builder_new();
    if (!b) {
        fprintf(stderr, "citegraph: out of memory\n");
        return 1;
    }
    build_ctx c = { b, st };
    double t0 = cg_work_now();
    size_t bad = cg_work_run(in, o, add_docs, &c);
    st->t_extract = cg_work_now() - t0 - st->t_add;
    return bad + cg_work_finish(b, out, st);
}

size_t cg_work_finish(cg_builder *b, cg_graph **out, cg_work_stats *st)
{
    double t = cg_work_now();
    size_t bad = 0;
    cg_error err;
    if (cg_builder_finish(b, out, &err) != CG_OK) {
        fprintf(stderr, "citegraph: %s\n", err.msg);
        bad++;
    }
    cg_builder_free(b);
    st->t_finish = cg_work_now() - t;
    return bad;
}

size_t cg_work_expand(const char *const *inputs, size_t n, cg_inputs *in)
{
    size_t bad = 0;
    for (size_t i = 0; i < n; i++) {
        cg_error err;
        if (cg_inputs_add(in, inputs[i], &err) != CG_OK) {
            fprintf(stderr, "citegraph: %s\n", err.msg);
            bad++;
        }
    }
    for (size_t i = 0; i < in->n_errors && i < CG_INPUTS_MAX_ERRORS; i++)
        fprintf(stderr, "citegraph: %s\n", in->errors[i]);
    return bad + in->n_errors;
}
