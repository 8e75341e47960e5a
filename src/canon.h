/*
 * canon.h - canonical identifiers of the citation model
 * (../shared/spec/citations.md section 1).
 *
 * Pure functions from the parts of a reference (body, number forms,
 * volume, ...) to the one id every mention of that thing must share.
 * Never allocates: ids are written into caller buffers of CG_ID_MAX bytes.
 */
#ifndef CG_CANON_H
#define CG_CANON_H

#include <stddef.h>

#define CG_ID_MAX 160

/* Issuing bodies the recognizer tells apart. */
typedef enum cg_body {
    CG_B_NONE = 0,
    CG_B_GA, CG_B_SC, CG_B_ECOSOC, CG_B_HRC, CG_B_CHR,
    CG_B_CSOCD, CG_B_CSW, CG_B_CND, CG_B_CPD, CG_B_CCPCJ, CG_B_COP,
    CG_B_STAT, CG_B_CSTD, CG_B_CSD,
    CG_B_OTHER
} cg_body;

/* Short name as in the spec's `body` attribute: "GA", "SC", ... */
const char *cg_body_name(cg_body b);
/* The body a short name stands for (the inverse of cg_body_name);
 * CG_B_OTHER for names outside the model. */
cg_body cg_body_from_name(const char *name);

/* Roman numeral (I..MMM, upper case) -> value, 0 if s[0..n) is not one. */
int cg_roman_value(const char *s, size_t n);

/* Resolution or decision id.
 *   number: the number part exactly as the id spells it ("64/293",
 *           "1514(XV)", "S-26/2", "1325(2000)", "2017/18")
 *   letter: 0 or 'A'..'Z' for lettered resolutions ("[A]")
 * Returns 0 and writes the id, or -1 when the body has no such series. */
int cg_canon_resolution(char *out, cg_body body, int decision,
                        const char *number, char letter);

/* Normalizes a document symbol as printed: drops white space, a reissue
 * asterisk and trailing punctuation, upper-cases OCR'd lower-case series
 * letters.  Returns 0, or -1 if nothing symbol-like remains. */
int cg_canon_symbol(char *out, const char *s, size_t n);

/* Kind and body attributes of a symbol id ("A/RES/64/293" -> resolution,
 * GA).  Both point to static strings. */
void cg_symbol_kind_body(const char *id, const char **kind,
                         const char **body);

/* Treaty Series id: "UNTS/2225/39574" or, with league != 0,
 * "LNTS/165/3802". */
void cg_canon_treaty(char *out, int league, long vol, long no);

/* ILO instrument id: type 'C' (convention), 'P' (protocol), 'R'
 * (recommendation) -> "ILO/C029". */
void cg_canon_ilo(char *out, char type, int no);

/* Convention number of the ILO convention a Protocol of `year`
 * supplements, or 0 if unknown. */
int cg_ilo_protocol_convention(int year);

#endif
