/*
 * cli_work.c - parallel extraction with in-order delivery (see
 * cli_work.h).
 *
 * Workers take the next file index under a mutex, extract it with
 * cg_extract_file (reentrant: the library keeps no mutable static state,
 * and the igraph setup goes through pthread_once) and park the result in
 * a ring of `window` slots.  The calling thread hands the slots to the
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

typedef struct slot {
    int ready;        /* result parked, not yet delivered */
    size_t index;
    cg_doc **docs;    /* owned until delivered */
    size_t n_docs;
    size_t bytes;     /* file size, for the progress line */
    cg_status st;
    cg_error err;
} slot;

typedef struct pool {
    const cg_inputs *in;
    const cg_work_opts *o;
    pthread_mutex_t mu;
    pthread_cond_t space;    /* a slot was freed */
    pthread_cond_t ready;    /* a result was parked */
    slot *slots;
    size_t window;
    size_t next;             /* next index to take */
    size_t delivered;        /* indexes below this were delivered */
} pool;

/* Extracts file i into s (s is not shared while this runs). */
static void extract_one(const cg_inputs *in, const cg_work_opts *o, size_t i,
                        slot *s)
{
    s->index = i;
    s->docs = NULL;
    s->n_docs = 0;
    s->bytes = 0;
    s->err.code = CG_OK;
    s->err.msg[0] = '\0';
    s->st = cg_extract_file(in->paths[i], o->ex, &s->docs, &s->n_docs, &s->err);
    if (o->progress) {
        struct stat sb;
        if (strcmp(in->paths[i], "-") != 0 && stat(in->paths[i], &sb) == 0)
            s->bytes = (size_t)sb.st_size;
    }
}

static void *worker(void *arg)
{
    pool *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (p->next < p->in->n && p->next >= p->delivered + p->window)
            pthread_cond_wait(&p->space, &p->mu);
        if (p->next >= p->in->n)
            break;
        size_t i = p->next++;
        pthread_mutex_unlock(&p->mu);
        slot tmp;
        extract_one(p->in, p->o, i, &tmp);
        pthread_mutex_lock(&p->mu);
        slot *s = &p->slots[i % p->window];
        *s = tmp;
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
    if (jobs > 1) {
        p.window = (size_t)jobs * 16;
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
    for (size_t i = 0; i < in->n; i++) {
        slot s;
        if (jobs > 1) {
            pthread_mutex_lock(&p.mu);
            slot *ps = &p.slots[i % p.window];
            while (!(ps->ready && ps->index == i))
                pthread_cond_wait(&p.ready, &p.mu);
            s = *ps;
            ps->ready = 0;
            p.delivered = i + 1;
            pthread_cond_broadcast(&p.space);
            pthread_mutex_unlock(&p.mu);
        } else {
            extract_one(in, o, i, &s);
        }
        pr.bytes += s.bytes;
        bad += fn(ctx, i, in->paths[i], s.docs, s.n_docs, s.st, &s.err);
        progress_show(&pr, i + 1, in->n, 0);
    }
    progress_show(&pr, in->n, in->n, 1);
    for (int t = 0; t < started; t++)
        pthread_join(th[t], NULL);
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
        cg_doc_free(docs[k]);
    }
    free(docs);
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
