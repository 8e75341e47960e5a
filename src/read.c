/*
 * read.c - from a path to extracted documents: reading files and standard
 * input whole, and expanding directories into a sorted list of files.
 *
 * Must never print: every failure comes back as a cg_error naming the
 * path and the problem.
 */
/* d_type (readdir's file type, which spares a stat per file when walking
 * a million-file corpus) is a BSD/glibc extension outside POSIX. */
#define _DEFAULT_SOURCE 1
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cg_util.h"
#include "extract.h"
#include "input.h"
#include "read.h"

/* Converts UTF-16 with a byte order mark (what Windows editors save as
 * "Unicode") to UTF-8 in place of *buf, so that every reader after this
 * sees UTF-8; the BOM is dropped.  *buf is replaced (the old one freed)
 * only on success. */
static cg_status utf16_to_utf8(const char *path, char **buf, size_t *n,
                               cg_error *err)
{
    const unsigned char *u = (const unsigned char *)*buf;
    int be = u[0] == 0xFE;
    cg_status rc = CG_OK;
    /* each UTF-16 unit gives at most 3 UTF-8 bytes (a surrogate pair, two
     * units, gives 4) */
    size_t cap = (*n - 2) / 2 * 3 + 4;
    char *out = malloc(cap);
    iconv_t cd = iconv_open("UTF-8", be ? "UTF-16BE" : "UTF-16LE");
    if (!out) {
        rc = cg_error_set(err, CG_ERR_NOMEM, "%s: out of memory", path);
        goto done;
    }
    if (cd == (iconv_t)-1) {
        rc = cg_error_set(err, CG_ERR_INPUT, "%s: UTF-16 file and no UTF-16 converter: convert it to UTF-8", path);
        goto done;
    }
    char *in = *buf + 2, *o = out;
    size_t inleft = *n - 2, outleft = cap;
    if (iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1) {
        rc = cg_error_set(err, CG_ERR_INPUT, "%s: invalid UTF-16 at byte %zu", path,
                          (size_t)(in - *buf));
        goto done;
    }
    free(*buf);
    *buf = out;
    *n = (size_t)(o - out);
    out = NULL;
done:
    if (cd != (iconv_t)-1)
        iconv_close(cd);
    free(out);
    return rc;
}

/* Opens path for reading and checks that it is a regular file; *fd and
 * *st are set on success (the caller closes *fd).  O_NONBLOCK: opening a
 * FIFO that has no writer would otherwise hang here, before fstat can
 * tell that it is not a file; on a regular file the flag changes
 * nothing, so it is left set. */
static cg_status open_regular(const char *path, int *fd, struct stat *st,
                              cg_error *err)
{
    *fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (*fd < 0)
        return cg_error_set(err, CG_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
    cg_status rc = CG_OK;
    if (fstat(*fd, st) != 0)
        rc = cg_error_set(err, CG_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
    /* A FIFO, socket or device (/dev/zero, /dev/tty) could block or never
     * end: only regular files are read by name ("-" reads standard input,
     * whatever it is). */
    else if (!S_ISREG(st->st_mode))
        rc = cg_error_set(err, CG_ERR_IO, "%s: %s", path,
                          S_ISDIR(st->st_mode) ? "is a directory" : "not a regular file");
    if (rc != CG_OK) {
        close(*fd);
        *fd = -1;
    }
    return rc;
}

/* Reads fd to its end into a malloc'ed buffer (*data, the caller frees;
 * not NUL-terminated), converting UTF-16 with a byte order mark.  size is
 * what fstat said (0 for a pipe): a file that has given that many bytes
 * is not asked again, which spares a read call per file of a corpus,
 * while a size of 0 (pipes, /proc) reads on to the end.  fd stays open. */
static cg_status read_fd(int fd, size_t size, const char *path, char **data,
                         size_t *len, cg_error *err)
{
    *data = NULL;
    *len = 0;
    cg_status rc = CG_OK;
    size_t n = 0, cap = size + 1;
    if (cap < 4096)
        cap = 4096;
    char *buf = malloc(cap);
    if (!buf)
        return cg_error_set(err, CG_ERR_NOMEM, "%s: out of memory", path);
    for (;;) {
        if (n == cap) {
            size_t nc = cap * 2;
            char *nb = realloc(buf, nc);
            if (!nb) {
                rc = cg_error_set(err, CG_ERR_NOMEM, "%s: out of memory", path);
                goto done;
            }
            buf = nb;
            cap = nc;
        }
        ssize_t got = read(fd, buf + n, cap - n);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            rc = cg_error_set(err, CG_ERR_IO, "%s: read error: %s", path, strerror(errno));
            goto done;
        }
        if (got == 0)
            break;
        n += (size_t)got;
        if (size > 0 && n == size)
            break;
    }
    if (n >= 2 && (((unsigned char)buf[0] == 0xFF && (unsigned char)buf[1] == 0xFE) ||
                   ((unsigned char)buf[0] == 0xFE && (unsigned char)buf[1] == 0xFF))) {
        rc = utf16_to_utf8(path, &buf, &n, err);
        if (rc != CG_OK)
            goto done;
    }
    *data = buf;
    *len = n;
    buf = NULL;
done:
    free(buf);
    return rc;
}

cg_status cg_read_all(const char *path, char **data, size_t *len, cg_error *err)
{
    *data = NULL;
    *len = 0;
    if (strcmp(path, "-") == 0)
        return read_fd(STDIN_FILENO, 0, "-", data, len, err);
    int fd;
    struct stat st;
    cg_status rc = open_regular(path, &fd, &st, err);
    if (rc != CG_OK)
        return rc;
    rc = read_fd(fd, (size_t)st.st_size, path, data, len, err);
    close(fd);
    return rc;
}

/* ---- input lists ------------------------------------------------- */

void cg_inputs_init(cg_inputs *in)
{
    memset(in, 0, sizeof *in);
}

void cg_inputs_destroy(cg_inputs *in)
{
    if (!in)
        return;
    for (size_t i = 0; i < in->n; i++)
        free(in->paths[i]);
    free(in->paths);
    memset(in, 0, sizeof *in);
}

static int inputs_push(cg_inputs *in, const char *path)
{
    if (in->n == in->cap) {
        size_t nc = in->cap ? in->cap * 2 : 64;
        char **np = realloc(in->paths, nc * sizeof *np);
        if (!np)
            return -1;
        in->paths = np;
        in->cap = nc;
    }
    in->paths[in->n] = strdup(path);
    if (!in->paths[in->n])
        return -1;
    in->n++;
    return 0;
}

/* Directory entries carry a one-byte type in front of the name. */
static int cmp_entry(const void *a, const void *b)
{
    return strcmp(*(char *const *)a + 1, *(char *const *)b + 1);
}

/* Document files we pick up inside directories; named files are always
 * read whatever their extension. */
static int is_document_name(const char *name)
{
    if (name[0] == '.')
        return 0;
    const char *dot = strrchr(name, '.');
    if (!dot)
        return 0;
    static const char *const ext[] = {".txt", ".pdf", ".html", ".htm", ".xml", ".akn", NULL};
    for (int i = 0; ext[i]; i++)
        if (strcasecmp(dot, ext[i]) == 0)
            return 1;
    return 0;
}

typedef struct visited {
    dev_t dev[64];
    ino_t ino[64];
    int n;
} visited;

static cg_status walk(cg_inputs *in, const char *dir, visited *seen,
                      cg_error *err)
{
    struct stat st;
    if (stat(dir, &st) != 0)
        return cg_error_set(err, CG_ERR_IO, "%s: cannot open: %s", dir, strerror(errno));
    for (int i = 0; i < seen->n; i++)
        if (seen->dev[i] == st.st_dev && seen->ino[i] == st.st_ino)
            return cg_error_set(err, CG_ERR_IO, "%s: directory loop (symbolic link back to a parent)", dir);
    if (seen->n >= 64)
        return cg_error_set(err, CG_ERR_IO, "%s: directories nested too deep", dir);
    seen->dev[seen->n] = st.st_dev;
    seen->ino[seen->n] = st.st_ino;
    seen->n++;

    cg_status rc = CG_OK;
    char **names = NULL;
    size_t n = 0, cap = 0;
    DIR *d = opendir(dir);
    if (!d) {
        rc = cg_error_set(err, CG_ERR_IO, "%s: cannot open directory: %s", dir, strerror(errno));
        goto done;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn) {
                rc = cg_error_set(err, CG_ERR_NOMEM, "%s: out of memory", dir);
                goto done;
            }
            names = nn;
        }
        /* the entry's type rides in front of its name: 'f' a regular
         * file, 'd' a directory, '?' unknown or a link (stat decides) */
        size_t nl = strlen(e->d_name);
        names[n] = malloc(nl + 2);
        if (!names[n]) {
            rc = cg_error_set(err, CG_ERR_NOMEM, "%s: out of memory", dir);
            goto done;
        }
#ifdef DT_REG
        names[n][0] = e->d_type == DT_REG ? 'f' : e->d_type == DT_DIR ? 'd' : '?';
#else
        names[n][0] = '?';
#endif
        memcpy(names[n] + 1, e->d_name, nl + 1);
        n++;
    }
    if (names)
        qsort(names, n, sizeof *names, cmp_entry);
    size_t dl = strlen(dir);
    int slash = dl > 0 && dir[dl - 1] == '/';
    for (size_t i = 0; i < n && rc == CG_OK; i++) {
        const char *name = names[i] + 1;
        char type = names[i][0];
        size_t nl = strlen(name);
        char *p = malloc(dl + nl + 2);
        if (!p) {
            rc = cg_error_set(err, CG_ERR_NOMEM, "%s: out of memory", dir);
            break;
        }
        memcpy(p, dir, dl);
        if (!slash)
            p[dl] = '/';
        memcpy(p + dl + !slash, name, nl + 1);
        struct stat cs;
        if (type == 'f') {
            if (is_document_name(name) && inputs_push(in, p) != 0)
                rc = cg_error_set(err, CG_ERR_NOMEM, "%s: out of memory", dir);
        } else if (stat(p, &cs) != 0) {
            /* a dangling link is reported, the rest goes on */
            cg_inputs_note_error(in, p, strerror(errno));
        } else if (S_ISDIR(cs.st_mode)) {
            cg_error sub;
            if (walk(in, p, seen, &sub) != CG_OK)
                cg_inputs_note_error(in, NULL, sub.msg);
        } else if (is_document_name(name)) {
            if (inputs_push(in, p) != 0)
                rc = cg_error_set(err, CG_ERR_NOMEM, "%s: out of memory", dir);
        }
        free(p);
    }
done:
    seen->n--;
    if (d)
        closedir(d);
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return rc;
}

void cg_inputs_note_error(cg_inputs *in, const char *path, const char *msg)
{
    char line[CG_ERRMSG_MAX];
    if (path)
        snprintf(line, sizeof line, "%s: %s", path, msg);
    else
        snprintf(line, sizeof line, "%s", msg);
    if (in->n_errors < CG_INPUTS_MAX_ERRORS)
        snprintf(in->errors[in->n_errors], CG_ERRMSG_MAX, "%s", line);
    in->n_errors++;
}

cg_status cg_inputs_add(cg_inputs *in, const char *path, cg_error *err)
{
    if (strcmp(path, "-") == 0) {
        if (inputs_push(in, path) != 0)
            return cg_error_set(err, CG_ERR_NOMEM, "out of memory");
        return CG_OK;
    }
    struct stat st;
    if (stat(path, &st) != 0)
        return cg_error_set(err, CG_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
    if (S_ISDIR(st.st_mode)) {
        size_t before = in->n;
        visited seen;
        seen.n = 0;
        cg_status rc = walk(in, path, &seen, err);
        if (rc != CG_OK)
            return rc;
        if (in->n == before)
            return cg_error_set(err, CG_ERR_INPUT, "%s: directory holds no documents (.txt, .pdf, .html, .xml)", path);
        return CG_OK;
    }
    if (inputs_push(in, path) != 0)
        return cg_error_set(err, CG_ERR_NOMEM, "out of memory");
    return CG_OK;
}

/* Text files above this size are mapped and scanned in parts, so that
 * the scanner's tables (about five times the text) stay bounded whatever
 * the size of the file: memory grows with the graph, not the input. */
#define CG_PART_BYTES ((size_t)8 << 20)

/* Where to end a part that starts at `off`: after a line break if one is
 * in the second half of the window, else at a space, else at any ASCII
 * byte, else at a UTF-8 sequence start; a part never splits a character. */
static size_t part_end(const char *d, size_t len, size_t off, size_t part)
{
    size_t end = off + part;
    if (end >= len)
        return len;
    size_t half = off + part / 2;
    for (size_t k = end; k > half; k--)
        if (d[k - 1] == '\n')
            return k;
    for (size_t k = end; k > half; k--)
        if (d[k - 1] == ' ')
            return k;
    for (size_t k = end; k > half; k--)
        if ((unsigned char)d[k - 1] < 0x80)
            return k;
    while (end > off + 1 && ((unsigned char)d[end] & 0xC0) == 0x80)
        end--;
    return end;
}

/* Extracts a large text in parts of about `part` bytes: one cg_doc per
 * part, all with the first part's metadata (the builder merges them). */
cg_status cg_extract_parts(const char *data, size_t len, size_t part, const char *path,
                           const cg_extract_opts *opts, cg_doc ***docs, size_t *n_docs,
                           cg_error *err)
{
    cg_status rc = CG_OK;
    const cg_docmeta *first = NULL;
    size_t off = 0;
    while (off < len) {
        size_t end = part_end(data, len, off, part);
        cg_doc *d = NULL;
        rc = cg_extract_text_part(data + off, end - off, off, first, path, opts, &d, err);
        if (rc != CG_OK)
            return rc;
        if ((rc = cg_input_push(docs, n_docs, d, path, err)) != CG_OK)
            return rc;
        if (!first)
            first = &(*docs)[*n_docs - 1]->meta;
        off = end;
    }
    return rc;
}

/* fd (open, a regular file of len > CG_PART_BYTES bytes) when it holds
 * plain UTF-8 text: mapped read-only and extracted in parts.  Returns 1
 * when it handled the file (rc set), 0 when the caller should read it
 * whole.  fd stays open. */
static int extract_mapped(int fd, size_t len, const char *path,
                          const cg_extract_opts *opts, cg_doc ***docs,
                          size_t *n_docs, cg_error *err, cg_status *rc)
{
    int handled = 0;
    void *map = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
    if (map == MAP_FAILED)
        return 0;
    const char *data = map;
    size_t head = len < 65536 ? len : 65536;
    cg_input_format fmt = opts ? opts->input_format : CG_IN_AUTO;
    if (fmt == CG_IN_AUTO)
        fmt = cg_input_detect(data, head, path);
    if (fmt != CG_IN_TEXT ||
        ((unsigned char)data[0] == 0xFF && (unsigned char)data[1] == 0xFE) ||
        ((unsigned char)data[0] == 0xFE && (unsigned char)data[1] == 0xFF))
        goto done; /* other formats and UTF-16 are read whole */
    (void)posix_madvise(map, len, POSIX_MADV_SEQUENTIAL);
    handled = 1;
    *rc = cg_extract_parts(data, len, CG_PART_BYTES, path, opts, docs, n_docs, err);
done:
    munmap(map, len);
    return handled;
}

/* One open per file: a corpus of a million small files spends as much in
 * system calls as in extraction. */
cg_status cg_extract_file(const char *path, const cg_extract_opts *opts,
                          cg_doc ***docs, size_t *n_docs, cg_error *err)
{
    char *data = NULL;
    size_t len = 0;
    cg_doc *d = NULL;
    cg_status rc;
    if (strcmp(path, "-") == 0) {
        rc = read_fd(STDIN_FILENO, 0, "-", &data, &len, err);
    } else {
        int fd;
        struct stat st;
        if ((rc = open_regular(path, &fd, &st, err)) != CG_OK)
            return rc;
        if ((size_t)st.st_size > CG_PART_BYTES &&
            extract_mapped(fd, (size_t)st.st_size, path, opts, docs, n_docs, err, &rc)) {
            close(fd);
            return rc;
        }
        rc = read_fd(fd, (size_t)st.st_size, path, &data, &len, err);
        close(fd);
    }
    if (rc != CG_OK)
        goto done;
    if (len == 0) {
        rc = cg_error_set(err, CG_ERR_INPUT, "%s: empty file", path);
        goto done;
    }
    cg_input_format fmt = opts ? opts->input_format : CG_IN_AUTO;
    if (fmt == CG_IN_AUTO)
        fmt = cg_input_detect(data, len, path);
    switch (fmt) {
    case CG_IN_PDF:
        rc = cg_input_pdf(data, len, path, opts, docs, n_docs, err);
        goto done;
    case CG_IN_HTML:
        rc = cg_input_html(data, len, path, opts, docs, n_docs, err);
        goto done;
    case CG_IN_MARCXML:
        rc = cg_input_marc(data, len, path, opts, docs, n_docs, err);
        goto done;
    case CG_IN_AKN:
        rc = cg_input_akn(data, len, path, opts, docs, n_docs, err);
        goto done;
    default:
        break;
    }
    rc = cg_extract_text(data, len, path, opts, &d, err);
    if (rc != CG_OK)
        goto done;
    rc = cg_input_push(docs, n_docs, d, path, err);
    d = NULL;
done:
    cg_doc_free(d);
    free(data);
    return rc;
}
