/*
 * gen-corpus.c - writes a synthetic corpus of UN-style resolutions for the
 * benchmark (tests/bench.sh): General Assembly resolutions that recall
 * earlier ones ("Recalling its resolutions 61/180 of 20 December 2006 and
 * 64/178 of ..."), Security Council resolutions ("resolution 1325
 * (2000)"), committee reports in the header and Treaty Series footnotes.
 *
 *   gen-corpus N DIR [CITES]
 *
 * writes N documents into DIR/dNNNN/ (1000 per directory, so that no
 * directory gets huge) with about CITES (default 10) citations each, and
 * prints "documents bytes citations" on stdout.  The output depends only
 * on N and CITES: a fixed LCG drives every choice, so two runs write the
 * same bytes.
 *
 * Numbering: document i is either a GA resolution A/RES/<s>/<i+1> (its
 * number is unique over the corpus, the session grows with i) or, one in
 * seven, an SC resolution S/RES/<k+1> (<year>).  Sessions run from the
 * 31st (1976: the first with "31/1" numbering) to the 79th.  Years grow
 * with i, and a
 * document cites only documents with a smaller index, so the citation
 * graph is a DAG whose recall chains run from late to early documents.
 * The bench tool, not a test fixture: it is not part of the library.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static uint64_t rng_state;

static uint64_t rnd(void)
{
    /* splitmix64: good enough and identical on every platform */
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static const char *const MONTHS[12] = {
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"
};

static const char *const TOPICS[8] = {
    "trafficking in persons", "the rights of the child",
    "international cooperation against the world drug problem",
    "the situation in the Middle East", "oceans and the law of the sea",
    "sustainable development", "the protection of civilians",
    "women and peace and security"
};

typedef struct docid {
    int sc;        /* 1: Security Council */
    long num;      /* resolution number */
    int session;   /* GA session */
    int year;
} docid;

static long g_n;

/* One in seven documents is an SC resolution. */
static docid doc_of(long i)
{
    docid d;
    long n_sc = g_n / 7;
    d.sc = (i % 7 == 6);
    if (d.sc) {
        long k = i / 7;
        d.num = k + 1;
        d.session = 0;
        d.year = 1976 + (int)(k * 49 / (n_sc + 1));
    } else {
        d.num = i + 1;
        d.session = 31 + (int)(i * 49 / (g_n + 1));
        d.year = 1945 + d.session;
    }
    return d;
}

static void date_of(long i, int year, char *out, size_t cap)
{
    uint64_t h = (uint64_t)i * 2654435761u;
    snprintf(out, cap, "%d %s %d", (int)(h % 28) + 1, MONTHS[(h >> 8) % 12],
             year);
}

/* A target earlier than i: often a close predecessor (recall chains),
 * otherwise anywhere before. */
static long pick_before(long i)
{
    if (i <= 0)
        return -1;
    if (rnd() % 2 == 0) {
        long back = (long)(rnd() % 50) + 1;
        return back > i ? 0 : i - back;
    }
    return (long)(rnd() % (uint64_t)i);
}

static int write_doc(FILE *f, long i, int cites, long *n_cites)
{
    docid me = doc_of(i);
    char date[48];
    date_of(i, me.year, date, sizeof date);
    const char *topic = TOPICS[i % 8];
    long c = 0;
    if (me.sc) {
        fprintf(f, "United Nations S/RES/%ld (%d)\n\nSecurity Council\n\n"
                "Distr.: General %s\n\nResolution %ld (%d)\n\n"
                "Adopted by the Security Council at its %ldth meeting, on %s\n\n"
                "The Security Council,\n\n",
                me.num, me.year, date, me.num, me.year, me.num + 3000, date);
    } else {
        fprintf(f, "United Nations A/RES/%d/%ld\n\nGeneral Assembly\n\n"
                "Distr.: General %s\n\n"
                "Resolution adopted by the General Assembly on %s\n\n"
                "[on the report of the Third Committee (A/%d/%ld)]\n\n"
                "%d/%ld. Synthetic resolution on %s\n\n"
                "The General Assembly,\n\n",
                me.session, me.num, date, date, me.session, 400 + i % 200,
                me.session, me.num, topic);
        c++;
    }
    /* Resolutions recalled in pairs, GA and SC in separate paragraphs. */
    int left = cites - 2;
    int para = 0;
    while (left > 0 && i > 0) {
        long t1 = pick_before(i), t2 = pick_before(i);
        docid a = doc_of(t1), b = doc_of(t2);
        char da[48], db[48];
        date_of(t1, a.year, da, sizeof da);
        date_of(t2, b.year, db, sizeof db);
        const char *lead = para == 0 ? "Recalling" : para % 2 ? "Reaffirming"
                                                              : "Recalling also";
        if (a.sc != b.sc || left == 1) {
            /* one citation in its own paragraph */
            if (a.sc)
                fprintf(f, "%s Security Council resolution %ld (%d) on %s,\n\n",
                        lead, a.num, a.year, topic);
            else if (me.sc)
                fprintf(f, "%s General Assembly resolution %d/%ld of %s,\n\n",
                        lead, a.session, a.num, da);
            else
                fprintf(f, "%s its resolution %d/%ld of %s on %s,\n\n", lead,
                        a.session, a.num, da, topic);
            left--;
            c++;
        } else if (a.sc) {
            fprintf(f, "%s %sresolutions %ld (%d) and %ld (%d),\n\n", lead,
                    me.sc ? "its " : "Security Council ", a.num, a.year, b.num,
                    b.year);
            left -= 2;
            c += 2;
        } else {
            fprintf(f, "%s %sresolutions %d/%ld of %s and %d/%ld of %s on %s,\n\n",
                    lead, me.sc ? "General Assembly " : "its ", a.session, a.num,
                    da, b.session, b.num, db, topic);
            left -= 2;
            c += 2;
        }
        para++;
    }
    fprintf(f, "Reaffirming the Convention on the subject,\xC2\xB9\n\n");
    c++;
    fprintf(f, "1. Urges Member States to strengthen their cooperation on %s;\n\n"
            "2. Decides to remain seized of the matter.\n\n", topic);
    fprintf(f, "\xC2\xB9 United Nations, Treaty Series, vol. %ld, No. %ld.\n",
            1000 + i % 2000, 10000 + i % 40000);
    *n_cites += c;
    return ferror(f) ? -1 : 0;
}

int main(int argc, char **argv)
{
    if (argc < 3 || argc > 4) {
        fprintf(stderr, "usage: gen-corpus N DIR [CITES]\n");
        return 2;
    }
    g_n = strtol(argv[1], NULL, 10);
    int cites = argc > 3 ? atoi(argv[3]) : 10;
    if (g_n <= 0 || cites < 2) {
        fprintf(stderr, "gen-corpus: N must be > 0 and CITES >= 2\n");
        return 2;
    }
    const char *dir = argv[2];
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "gen-corpus: %s: %s\n", dir, strerror(errno));
        return 1;
    }
    rng_state = 42;
    long n_cites = 0;
    unsigned long long bytes = 0;
    size_t plen = strlen(dir) + 64;
    char *path = malloc(plen);
    if (!path)
        return 1;
    for (long i = 0; i < g_n; i++) {
        if (i % 1000 == 0) {
            snprintf(path, plen, "%s/d%04ld", dir, i / 1000);
            if (mkdir(path, 0777) != 0 && errno != EEXIST) {
                fprintf(stderr, "gen-corpus: %s: %s\n", path, strerror(errno));
                return 1;
            }
        }
        docid d = doc_of(i);
        if (d.sc)
            snprintf(path, plen, "%s/d%04ld/S_RES_%ld_%d.txt", dir, i / 1000,
                     d.num, d.year);
        else
            snprintf(path, plen, "%s/d%04ld/A_RES_%d_%ld.txt", dir, i / 1000,
                     d.session, d.num);
        FILE *f = fopen(path, "w");
        if (!f) {
            fprintf(stderr, "gen-corpus: %s: %s\n", path, strerror(errno));
            return 1;
        }
        int bad = write_doc(f, i, cites, &n_cites);
        long pos = ftell(f);
        if (fclose(f) != 0 || bad) {
            fprintf(stderr, "gen-corpus: %s: write error\n", path);
            return 1;
        }
        bytes += (unsigned long long)pos;
    }
    free(path);
    printf("%ld %llu %ld\n", g_n, bytes, n_cites);
    return 0;
}
