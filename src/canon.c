/*
 * canon.c - canonical ids.  Every mention of one thing must reach the same
 * bytes here, so all spelling decisions of the citation model live in this
 * file and nowhere else.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "canon.h"

const char *cg_body_name(cg_body b)
{
    switch (b) {
    case CG_B_GA: return "GA";
    case CG_B_SC: return "SC";
    case CG_B_ECOSOC: return "ECOSOC";
    case CG_B_HRC: return "HRC";
    case CG_B_CHR: return "CHR";
    case CG_B_CSOCD: return "CSocD";
    case CG_B_CSW: return "CSW";
    case CG_B_CND: return "CND";
    case CG_B_CPD: return "CPD";
    case CG_B_CCPCJ: return "CCPCJ";
    case CG_B_COP: return "CTOC/COP";
    case CG_B_STAT: return "StatCom";
    case CG_B_CSTD: return "CSTD";
    case CG_B_CSD: return "CSD";
    default: return "";
    }
}

cg_body cg_body_from_name(const char *name)
{
    for (int b = CG_B_GA; b < CG_B_OTHER; b++)
        if (name[0] && strcmp(name, cg_body_name((cg_body)b)) == 0)
            return (cg_body)b;
    return CG_B_OTHER;
}

static int roman_digit(char c)
{
    switch (c) {
    case 'I': return 1;
    case 'V': return 5;
    case 'X': return 10;
    case 'L': return 50;
    case 'C': return 100;
    case 'D': return 500;
    case 'M': return 1000;
    default: return 0;
    }
}

int cg_roman_value(const char *s, size_t n)
{
    if (n == 0 || n > 12)
        return 0;
    int total = 0;
    for (size_t i = 0; i < n; i++) {
        int v = roman_digit(s[i]);
        if (!v)
            return 0;
        int next = i + 1 < n ? roman_digit(s[i + 1]) : 0;
        if (i + 1 < n && !next)
            return 0;
        total += (next > v) ? -v : v;
    }
    /* Reject malformed numerals ("IIII", "VX") by re-spelling. */
    static const char *const units[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
    static const char *const tens[] = {"", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"};
    static const char *const hund[] = {"", "C", "CC", "CCC", "CD", "D", "DC", "DCC", "DCCC", "CM"};
    if (total <= 0 || total >= 4000)
        return 0;
    char buf[32];
    int m = total / 1000;
    snprintf(buf, sizeof buf, "%.*s%s%s%s", m, "MMM", hund[(total / 100) % 10],
             tens[(total / 10) % 10], units[total % 10]);
    if (strlen(buf) != n || memcmp(buf, s, n) != 0)
        return 0;
    return total;
}

static const char *series_prefix(cg_body body, int decision)
{
    switch (body) {
    case CG_B_GA: return decision ? "A/DEC/" : "A/RES/";
    case CG_B_SC: return decision ? NULL : "S/RES/";
    case CG_B_ECOSOC: return decision ? "E/DEC/" : "E/RES/";
    case CG_B_HRC: return decision ? "A/HRC/DEC/" : "A/HRC/RES/";
    case CG_B_CHR: return decision ? "E/CN.4/DEC/" : "E/CN.4/RES/";
    case CG_B_CSOCD: return decision ? "E/CN.5/DEC/" : "E/CN.5/RES/";
    case CG_B_CSW: return decision ? "E/CN.6/DEC/" : "E/CN.6/RES/";
    case CG_B_CND: return decision ? "E/CN.7/DEC/" : "E/CN.7/RES/";
    case CG_B_CPD: return decision ? "E/CN.9/DEC/" : "E/CN.9/RES/";
    case CG_B_STAT: return decision ? "E/CN.3/DEC/" : "E/CN.3/RES/";
    case CG_B_CSTD: return decision ? "E/CN.16/DEC/" : "E/CN.16/RES/";
    case CG_B_CSD: return decision ? "E/CN.17/DEC/" : "E/CN.17/RES/";
    case CG_B_CCPCJ: return decision ? "E/CN.15/DEC/" : "E/CN.15/RES/";
    case CG_B_COP: return decision ? "CTOC/COP/DEC/" : "CTOC/COP/RES/";
    default: return NULL;
    }
}

int cg_canon_resolution(char *out, cg_body body, int decision,
                        const char *number, char letter)
{
    const char *p = series_prefix(body, decision);
    if (!p || !number[0])
        return -1;
    /* plain copies: this runs for every resolution cited */
    size_t pl = strlen(p), nl = strlen(number);
    if (pl + nl + 4 >= CG_ID_MAX)
        return -1;
    memcpy(out, p, pl);
    memcpy(out + pl, number, nl);
    size_t o = pl + nl;
    if (letter) {
        out[o++] = '[';
        out[o++] = letter;
        out[o++] = ']';
    }
    out[o] = '\0';
    return 0;
}

int cg_canon_symbol(char *out, const char *s, size_t n)
{
    size_t o = 0;
    for (size_t i = 0; i < n && o + 1 < CG_ID_MAX; i++) {
        unsigned char c = (unsigned char)s[i];
        if (isspace(c) || c == '*')
            continue;
        out[o++] = (char)c;
    }
    while (o > 0 && strchr(".,;:)(-/", out[o - 1]))
        o--;
    out[o] = '\0';
    if (o < 3)
        return -1;
    /* OCR'd lower-case series letters: only the leading run is fixed. */
    for (size_t i = 0; i < o && out[i] != '/'; i++)
        out[i] = (char)toupper((unsigned char)out[i]);
    return 0;
}

void cg_symbol_kind_body(const char *id, const char **kind, const char **body)
{
    *kind = "document";
    if (strstr(id, "/RES/"))
        *kind = "resolution";
    else if (strstr(id, "/DEC/"))
        *kind = "decision";
    else if (strstr(id, "/PRST/"))
        *kind = "statement";

    static const struct { const char *prefix, *body; } tab[] = {
        {"A/HRC/", "HRC"}, {"E/CN.4/", "CHR"}, {"E/CN.5/", "CSocD"},
        {"E/CN.6/", "CSW"}, {"E/CN.7/", "CND"}, {"E/CN.9/", "CPD"},
        {"E/CN.3/", "StatCom"}, {"E/CN.16/", "CSTD"}, {"E/CN.17/", "CSD"},
        {"E/CN.15/", "CCPCJ"}, {"CTOC/COP/", "CTOC/COP"}, {"E/ICEF/", "UNICEF"},
        {"A/", "GA"}, {"S/", "SC"}, {"E/", "ECOSOC"},
    };
    for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++) {
        if (strncmp(id, tab[i].prefix, strlen(tab[i].prefix)) == 0) {
            *body = tab[i].body;
            return;
        }
    }
    *body = "";
}

void cg_canon_treaty(char *out, int league, long vol, long no)
{
    snprintf(out, CG_ID_MAX, "%s/%ld/%ld", league ? "LNTS" : "UNTS", vol, no);
}

void cg_canon_ilo(char *out, char type, int no)
{
    snprintf(out, CG_ID_MAX, "ILO/%c%03d", type, no);
}

int cg_ilo_protocol_convention(int year)
{
    switch (year) {
    case 1982: return 110; /* Plantations */
    case 1990: return 89;  /* Night Work (Women) (Revised) */
    case 1995: return 81;  /* Labour Inspection */
    case 1996: return 147; /* Merchant Shipping (Minimum Standards) */
    case 2002: return 155; /* Occupational Safety and Health */
    case 2014: return 29;  /* Forced Labour */
    default: return 0;
    }
}
