/*
 * refs-zh.c — references in Chinese: "第五条第二款", "第二十九条第一款(b)项",
 * "第二条至第十条", "第三条至第五条、第七条和第九条", "本条第一款", "本款",
 * "本公约第二条", "公约第十四条", "《布达佩斯公约》", and drafts: "公约草案第十七条",
 * "第十七条草案" (draft article 17), "案文草案第二十四条".
 *
 * Chinese writes no spaces and goes from the outer level inward ("article
 * 29, paragraph 1, point b"), each level closed by its own character:
 * 条 article, 款 paragraph, 项 point, 目 subpoint, 章 chapter.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "corpus/corpus.h"
#include "corpus/refs-int.h"
#include "corpus/utf8.h"

enum { Z_NUM, Z_CH, Z_LAT, Z_LP, Z_RP, Z_OTHER };

struct ztok {
	size_t s, e;
	int kind;
	long val;          /* Z_NUM */
	unsigned cp;       /* Z_CH */
	int letter, roman; /* Z_LAT */
};

struct zp {
	const char *text;
	struct ztok *t;
	size_t n, i;
	struct ref_item *items;
	size_t ni;
};

static const struct {
	const char *name;
	const char *doc;
} zh_names[] = {
    {"网络犯罪公约附加议定书", "budapest-p1"},
    {"联合国打击网络犯罪公约", "uncc"},
    {"布达佩斯公约", "budapest"},
    {"网络犯罪公约", "budapest"},
};

/* ---- Tokens ----------------------------------------------------------- */

/* Is cp part of a number written in Chinese numerals or digits? (Its value is eid.c's.) */
static int numeral(unsigned cp)
{
	static const unsigned cn[] = {0x96F6, 0x3007, 0x4E00, 0x4E8C, 0x4E24, 0x4E09,
	                              0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D,
	                              0x5341, 0x767E, 0x5343}; /* 零〇一二两三四五六七八九十百千 */
	if (ref_digit(cp) >= 0)
		return 1;
	for (size_t k = 0; k < sizeof cn / sizeof cn[0]; k++)
		if (cn[k] == cp)
			return 1;
	return 0;
}

/* A number at text[*i]: one script's digits or Chinese numerals, not a mixture. */
static int read_num(const char *s, size_t len, size_t *i, long *out)
{
	size_t j = *i;
	int digits = -1;
	while (j < len) {
		size_t k = j;
		unsigned cp = corpus_u8_next(s, len, &k);
		int d = ref_digit(cp) >= 0;
		if (!numeral(cp) || (digits >= 0 && d != digits))
			break;
		digits = d;
		j = k;
	}
	if (j == *i)
		return 0;
	*out = ref_number(s + *i, j - *i);
	*i = j;
	return 1;
}

static int is_latin(unsigned cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

static int zlex(struct zp *z, const char *s, size_t len)
{
	size_t cap = 0, i = 0;
	while (i < len) {
		size_t k = i;
		unsigned cp = corpus_u8_next(s, len, &k);
		struct ztok t = {0};
		t.s = i;
		if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x3000) {
			i = k;
			continue;
		}
		if (read_num(s, len, &i, &t.val)) {
			t.kind = Z_NUM;
		} else if (is_latin(cp)) {
			char w[12];
			size_t n = 0;
			while (i < len && is_latin((unsigned char)s[i])) {
				if (n < sizeof w - 1)
					w[n++] = (char)(s[i] | 0x20);
				i++;
			}
			w[n] = '\0';
			t.kind = Z_LAT;
			t.letter = ref_letter(w, n);
			t.roman = ref_roman(w, n);
		} else {
			t.kind = cp == '(' || cp == 0xFF08   ? Z_LP
			         : cp == ')' || cp == 0xFF09 ? Z_RP
			                                     : Z_CH;
			t.cp = cp;
			i = k;
		}
		t.e = i;
		if (z->n == cap) {
			size_t nc = cap ? cap * 2 : 64;
			struct ztok *nt = realloc(z->t, nc * sizeof *nt);
			if (!nt)
				return -1;
			z->t = nt, cap = nc;
		}
		z->t[z->n++] = t;
	}
	return 0;
}

/* ---- Grammar -------------------------------------------------------- */

static const struct ztok *zt(const struct zp *z, size_t at)
{
	return at < z->n ? &z->t[at] : NULL;
}

static int is_ch(const struct zp *z, size_t at, unsigned cp)
{
	const struct ztok *t = zt(z, at);
	return t && t->kind == Z_CH && t->cp == cp;
}

static int level_of(const struct zp *z, size_t at)
{
	const struct ztok *t = zt(z, at);
	if (!t || t->kind != Z_CH)
		return -1;
	switch (t->cp) {
	case 0x6761:
		return L_ART; /* 条 */
	case 0x6B3E:
		return L_PARA; /* 款 */
	case 0x9879:
		return L_POINT; /* 项 */
	case 0x76EE:
		return L_SUB; /* 目 */
	default:
		return -1;
	}
}

/* 、 和 及 或 以及 */
static size_t zsep(const struct zp *z, size_t at)
{
	if (is_ch(z, at, 0x4EE5) && is_ch(z, at + 1, 0x53CA))
		return 2;
	return is_ch(z, at, 0x3001) || is_ch(z, at, 0x548C) || is_ch(z, at, 0x53CA) ||
	               is_ch(z, at, 0x6216)
	           ? 1
	           : 0;
}

static int zrange(const struct zp *z, size_t at)
{
	return is_ch(z, at, 0x81F3) || is_ch(z, at, 0x5230); /* 至 到 */
}

/*
 * One level of a citation at z->i: "第二十九条", "第一款", "(b)项",
 * "第(二)项", "(i)目", or "第九" whose level comes later ("第九、第十条").
 * *lvl receives the level (-1: not yet known).  0 when nothing is there.
 */
static int component(struct zp *z, int *lvl, long *v)
{
	size_t j = z->i;
	int di = is_ch(z, j, 0x7B2C); /* 第 */
	if (di)
		j++;
	const struct ztok *t = zt(z, j);
	if (!t)
		return 0;
	if (di && t->kind == Z_NUM) {
		*v = t->val;
		*lvl = level_of(z, j + 1);
		z->i = *lvl >= 0 ? j + 2 : j + 1;
		/* 第二条之二: article 2 bis */
		const struct ztok *k = zt(z, z->i + 1);
		if (*lvl == L_ART && is_ch(z, z->i, 0x4E4B) && k && k->kind == Z_NUM &&
		    k->val >= 1 && k->val <= REF_MAX_NUM && *v >= 1 && *v <= REF_MAX_NUM &&
		    corpus_eid_suffix_name((int)k->val))
			*v += k->val * REF_SUF, z->i += 2;
		return 1;
	}
	if (t->kind == Z_LP && zt(z, j + 2) && zt(z, j + 2)->kind == Z_RP) {
		const struct ztok *in = zt(z, j + 1);
		int l = level_of(z, j + 3);
		if (l == L_POINT && in->kind == Z_NUM)
			*v = in->val;
		else if (l == L_POINT && in->kind == Z_LAT && in->letter)
			*v = in->letter;
		else if (l == L_SUB && in->kind == Z_LAT && in->roman)
			*v = in->roman;
		else if (l == L_SUB && in->kind == Z_NUM)
			*v = in->val;
		else
			return 0;
		*lvl = l;
		z->i = j + 4;
		return 1;
	}
	return 0;
}

/* A citation: components going inward, "第二十九条第一款(b)项". */
static int path(struct zp *z, struct ref_item *it, int *pending, long *pv)
{
	int lvl, last = -1, got = 0;
	long v;
	size_t save = z->i;
	it->set = 0, it->rlvl = -1;
	*pending = 0;
	while (component(z, &lvl, &v)) {
		if (lvl < 0) {
			/* "第九、": the level comes with a later number */
			if (got) {
				z->i = save;
				break;
			}
			*pending = 1, *pv = v;
			return 1;
		}
		if (lvl <= last) {
			z->i = save;
			break;
		}
		it->v[lvl] = v, it->set |= 1u << lvl;
		last = lvl, got = 1, save = z->i;
	}
	z->i = save;
	return got;
}

static void zpush(struct zp *z, const struct ref_item *it)
{
	if (z->ni < REF_MAX_ITEMS)
		z->items[z->ni++] = *it;
}

static int top_of(const struct ref_item *it)
{
	for (int l = 0; l < L_N; l++)
		if (it->set & 1u << l)
			return l;
	return L_N;
}

static int deep_of(const struct ref_item *it)
{
	for (int l = L_N - 1; l >= 0; l--)
		if (it->set & 1u << l)
			return l;
	return -1;
}

/* A later citation in a list keeps the outer levels of the one before: "第五条第一款和第二款". */
static void inherit(struct ref_item *it, const struct ref_item *prev)
{
	int top = top_of(it);
	for (int l = 0; l < top; l++)
		if (prev->set & 1u << l)
			it->v[l] = prev->v[l], it->set |= 1u << l;
}

/* "至第十条", "至二十一条": the end of a range begun by it. */
static void zrange_end(struct zp *z, struct ref_item *it)
{
	size_t save = z->i;
	struct ref_item e;
	int pending;
	long pv;
	if (!zrange(z, z->i))
		return;
	z->i++;
	if (!is_ch(z, z->i, 0x7B2C) && zt(z, z->i) && zt(z, z->i)->kind == Z_NUM &&
	    level_of(z, z->i + 1) == deep_of(it)) {
		/* "第十四至二十一条" with the second 第 left out */
		it->rlvl = deep_of(it), it->hi = zt(z, z->i)->val;
		z->i += 2;
		return;
	}
	if (path(z, &e, &pending, &pv) && !pending) {
		inherit(&e, it);
		int d = deep_of(it);
		if (deep_of(&e) == d && top_of(&e) == d) {
			it->rlvl = d, it->hi = e.v[d];
			return;
		}
		if (deep_of(&e) == d) {
			int diff = top_of(it);
			while (diff < d && e.v[diff] == it->v[diff])
				diff++;
			if (diff == d) {
				it->rlvl = d, it->hi = e.v[d];
				return;
			}
		}
	}
	z->i = save;
}

/* "第十四条至第二十一条、第二十三条和第九、第十条": citations and ranges. */
static int zlist(struct zp *z)
{
	long pend[REF_MAX_ITEMS];
	size_t np = 0;
	struct ref_item it;
	int pending;
	long pv;
	size_t start_n = z->ni;
	for (;;) {
		size_t save = z->i;
		if (!path(z, &it, &pending, &pv)) {
			z->i = save;
			break;
		}
		if (pending) {
			if (np < REF_MAX_ITEMS)
				pend[np++] = pv;
			size_t k = zsep(z, z->i);
			if (!k) {
				/* "第十四至二十一条" */
				if (zrange(z, z->i) && zt(z, z->i + 1) &&
				    zt(z, z->i + 1)->kind == Z_NUM && level_of(z, z->i + 2) >= 0) {
					struct ref_item r = {0};
					int l = level_of(z, z->i + 2);
					r.set = 1u << l, r.v[l] = pv, r.rlvl = l;
					r.hi = zt(z, z->i + 1)->val;
					np--;
					if (z->ni > start_n)
						inherit(&r, &z->items[z->ni - 1]);
					zpush(z, &r);
					z->i += 3;
					goto next;
				}
				z->i = save;
				np--;
				break;
			}
			z->i += k;
			continue;
		}
		if (z->ni > start_n)
			inherit(&it, &z->items[z->ni - 1]);
		for (size_t q = 0; q < np; q++) {
			struct ref_item p = it;
			int d = top_of(&it);
			p.v[d] = pend[q], p.set = it.set & ((1u << (d + 1)) - 1);
			zpush(z, &p);
		}
		np = 0;
		zrange_end(z, &it);
		zpush(z, &it);
	next:;
		size_t k = zsep(z, z->i);
		if (!k || z->ni >= REF_MAX_ITEMS)
			break;
		size_t before = z->i;
		z->i += k;
		size_t probe = z->i;
		int lv;
		long vv;
		if (!component(z, &lv, &vv)) {
			z->i = before;
			break;
		}
		z->i = probe;
	}
	return z->ni > start_n;
}

/* ---- Documents and the scan -------------------------------------------- */

/* A known name at token at, in 《》 or not; *end: the token after it. */
static const char *zname(const struct zp *z, size_t at, size_t len, size_t *end, int *external)
{
	size_t s = z->t[at].s, j = at;
	int book = is_ch(z, at, 0x300A) && at + 1 < z->n; /* 《 */
	*external = 0;
	if (book)
		s = z->t[++j].s;
	for (size_t k = 0; k < sizeof zh_names / sizeof zh_names[0]; k++) {
		size_t m = strlen(zh_names[k].name);
		if (s + m > len || strncmp(z->text + s, zh_names[k].name, m) != 0)
			continue;
		while (j < z->n && z->t[j].s < s + m)
			j++;
		if (book && is_ch(z, j, 0x300B))
			j++;
		*end = j;
		return zh_names[k].doc;
	}
	if (book) {
		/* another instrument in 《》: outside the corpus */
		for (size_t q = j; q < z->n && q < j + 64; q++)
			if (is_ch(z, q, 0x300B)) {
				*end = q + 1, *external = 1;
				return NULL;
			}
	}
	return NULL;
}

/* How a reference names its document. */
struct zdoc {
	int docsel;
	const char *doc;
	int draft;
};

static int emit(struct ref_out *out, struct zp *z, size_t start_tok, const struct zdoc *d,
                int self_lvl, int doc_only, int chapter)
{
	struct ref_chain c;
	memset(&c, 0, sizeof c);
	c.start = z->t[start_tok].s;
	c.end = z->t[z->i - 1].e;
	c.items = z->items, c.n = z->ni;
	c.self_lvl = self_lvl;
	c.docsel = d->docsel, c.doc_id = d->doc, c.draft = d->draft;
	c.doc_only = doc_only;
	c.chapter = chapter;
	return ref_emit(out, &c);
}

/* 草案 at token at: a draft.  "公约草案", "案文草案", "修订草案" name what is drafted. */
static size_t zdraft(const struct zp *z, size_t at, int *noun)
{
	size_t j = at;
	*noun = 0;
	if (is_ch(z, j, 0x6848) && is_ch(z, j + 1, 0x6587)) /* 案文 */
		j += 2, *noun = 1;
	if (is_ch(z, j, 0x4FEE) && is_ch(z, j + 1, 0x8BA2)) /* 修订 */
		j += 2;
	if (!is_ch(z, j, 0x8349) || !is_ch(z, j + 1, 0x6848)) /* 草案 */
		return 0;
	return j + 2 - at;
}

/* A reference starting at token s; 1 when found (z->i past it), -1 out of memory. */
static int zat(struct ref_out *out, struct zp *z, size_t s, size_t len)
{
	struct zdoc d = {D_OWN, NULL, 0};
	int ext, noun = 0, named;
	size_t j = s, end, k;
	z->ni = 0;
	if ((d.doc = zname(z, s, len, &end, &ext)) != NULL || ext) {
		d.docsel = ext ? D_EXTERNAL : D_ID, j = end;
	} else if (is_ch(z, s, 0x672C) && is_ch(z, s + 1, 0x516C) && is_ch(z, s + 2, 0x7EA6)) {
		j = s + 3; /* 本公约 */
	} else if (is_ch(z, s, 0x672C) && is_ch(z, s + 1, 0x8BAE) && is_ch(z, s + 2, 0x5B9A) &&
	           is_ch(z, s + 3, 0x4E66)) {
		j = s + 4; /* 本议定书 */
	} else if (is_ch(z, s, 0x516C) && is_ch(z, s + 1, 0x7EA6) &&
	           !(s > 0 && is_ch(z, s - 1, 0x672C))) {
		d.docsel = D_PARENT, j = s + 2, noun = 1; /* 公约 */
	}
	if (d.docsel != D_ID && d.docsel != D_EXTERNAL && (k = zdraft(z, j, &named)) > 0)
		d.docsel = D_DRAFT, d.draft = 1, noun |= named, j += k;
	if (is_ch(z, j, 0x7684)) /* 的 */
		j++;
	int rel = -1;
	if (is_ch(z, j, 0x672C) && (level_of(z, j + 1) == L_ART || level_of(z, j + 1) == L_PARA)) {
		rel = level_of(z, j + 1); /* 本条, 本款 */
		j += 2;
	}
	z->i = j;
	if (is_ch(z, j, 0x7B2C) && zt(z, j + 1) && zt(z, j + 1)->kind == Z_NUM &&
	    is_ch(z, j + 2, 0x7AE0)) {
		/* 第二章: a chapter */
		struct ref_item it = {0};
		it.set = 1, it.v[L_ART] = zt(z, j + 1)->val, it.rlvl = -1;
		zpush(z, &it);
		z->i = j + 3;
		return emit(out, z, s, &d, -1, 0, 1) < 0 ? -1 : 1;
	}
	if (zlist(z)) {
		if (d.docsel != D_ID && d.docsel != D_EXTERNAL && (k = zdraft(z, z->i, &named)) > 0)
			d.docsel = D_DRAFT, d.draft = 1, z->i += k; /* 第十七条草案 */
		return emit(out, z, s, &d, -1, 0, 0) < 0 ? -1 : 1;
	}
	z->i = j;
	if (rel >= 0)
		return emit(out, z, s, &d, rel, 0, 0) < 0 ? -1 : 1;
	if (j > s && d.docsel != D_OWN && (d.docsel != D_DRAFT || noun))
		return emit(out, z, s, &d, -1, 1, 0) < 0 ? -1 : 1;
	return 0;
}

int ref_zh_scan(struct ref_out *out, const char *text, size_t len)
{
	struct zp z = {0};
	int rc = 0;
	z.text = text;
	z.items = malloc(REF_MAX_ITEMS * sizeof *z.items);
	if (!z.items || zlex(&z, text, len) < 0) {
		free(z.items);
		free(z.t);
		return -1;
	}
	for (size_t s = 0; s < z.n;) {
		int r = zat(out, &z, s, len);
		if (r < 0) {
			rc = -1;
			break;
		}
		s = r > 0 && z.i > s ? z.i : s + 1;
	}
	free(z.items);
	free(z.t);
	return rc;
}
