/* gen_archive.c: write a synthetic ten-year archive of daily digests.
 *
 *   gen_archive OUTDIR [DAYS]
 *
 * For each day from 2015-01-01 (DAYS days, default 3653) three files:
 *   OUTDIR/en/YYYY/MM/DD.md       English table digest; the title-cell style
 *                                 and a leading Category column change by era
 *   OUTDIR/ko/YYYY/MM/DD.md       Korean digest, ***What's New*** sections
 *   OUTDIR/cls/YYYY/MM/DD.md|json classified table (Classification, GitHub
 *                                 and HuggingFace URL columns) on even days,
 *                                 the same as a JSON day file on odd days
 * About 20 papers a day with real-looking arXiv ids (YYMM.NNNNN); the same
 * papers appear in all three files of a day, so the library merges them.
 * Summaries are 600-1200 characters.  Deterministic (fixed seed).
 * Prints "FILES BYTES" when done.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

struct out {
	char *p;
	size_t len, cap;
};

static void o_add(struct out *o, const char *s, size_t n)
{
	if (o->len + n + 1 > o->cap) {
		size_t c = o->cap ? o->cap * 2 : 65536;
		while (c < o->len + n + 1)
			c *= 2;
		o->p = realloc(o->p, c);
		if (!o->p) {
			fprintf(stderr, "gen_archive: out of memory\n");
			exit(1);
		}
		o->cap = c;
	}
	memcpy(o->p + o->len, s, n);
	o->len += n;
}

static void o_puts(struct out *o, const char *s)
{
	o_add(o, s, strlen(s));
}

__attribute__((format(printf, 2, 3)))
static void o_printf(struct out *o, const char *fmt, ...)
{
	char tmp[1024];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	o_add(o, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

static uint64_t rng = 0x853c49e6748fea9bULL;

static uint32_t rnd(uint32_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)((rng >> 11) % n);
}

#define PICK(a) ((a)[rnd(sizeof(a) / sizeof((a)[0]))])

static const char *const adj[] = {
	"Scalable", "Efficient", "Robust", "Unified", "Sparse", "Multimodal", "Adaptive",
	"Hierarchical", "Self-Supervised", "Contrastive", "Generative", "Latent", "Causal",
	"Interpretable", "Long-Context", "Diffusion-Based", "Autoregressive", "Open",
	"Lightweight", "Zero-Shot", "Few-Shot", "Agentic", "Multilingual", "Streaming",
};
static const char *const noun[] = {
	"Transformers", "Language Models", "Vision Encoders", "Reward Models", "Agents",
	"Retrieval", "Tokenizers", "Benchmarks", "Video Generation", "Speech Models",
	"Mixture-of-Experts", "World Models", "Policy Optimization", "Embeddings",
	"Code Generation", "Reasoning", "Alignment", "Distillation", "Quantization",
	"3D Reconstruction", "Text-to-Image Synthesis", "Graph Networks", "Memory",
};
static const char *const names[] = {
	"Yu Shu", "Yemin Shi", "Zhiting Hu", "Jaward Sesay", "Guangyi Liu", "Jiaran Hao",
	"Jason Klein Liu", "Tianhao Cheng", "Siming Huang", "Benyou Wang", "Chen Zhang",
	"Shunian Chen", "Xidong Wang", "Gaojie Lin", "Jiaqi Yang", "Chao Liang", "Ann Smith",
	"Maria Garcia", "Hiroshi Tanaka", "Minji Kim", "Jisoo Park", "Lukas Meyer", "tianyumyum",
	"janphu", "songdj", "mdizhang", "bitwjg", "dongguanting", "Olivia Brown", "Wei Li",
};
static const char *const words[] = {
	"model", "models", "training", "data", "the", "a", "of", "and", "to", "in", "with",
	"performance", "benchmark", "method", "approach", "novel", "large", "language",
	"framework", "results", "state-of-the-art", "tasks", "evaluation", "efficient",
	"learning", "representation", "attention", "inference", "accuracy", "significantly",
	"improves", "reduces", "latency", "compared", "baselines", "experiments", "dataset",
	"tokens", "reasoning", "alignment", "scaling", "parameters", "open-source",
	"practitioners", "fine-tuning", "pre-training", "architecture", "context", "memory",
};
static const char *const ko_words[] = {
	"이", "연구는", "새로운", "방법을", "제안합니다", "모델의", "성능을", "향상시킵니다",
	"대형", "언어", "모델", "데이터셋을", "활용하여", "실험", "결과", "기존", "방법보다",
	"우수한", "성능을", "보였습니다", "효율적인", "학습", "구조를", "통해", "추론",
	"능력을", "평가했습니다", "다양한", "벤치마크에서", "높은", "정확도를", "달성했습니다",
	"계층적", "트랜스포머", "아키텍처를", "사용하여", "지연", "시간을", "줄였습니다",
};
static const char *const ko_terms[] = {
	"(Large Language Models; LLMs)", "(Transformer)", "(Fine-Tuning)", "(Benchmark)",
	"(Reinforcement Learning)", "(Diffusion Model)", "(Mixture-of-Experts)", "(Tokenizer)",
};
static const char *const cats[] = {
	"Multi-Modal", "Natural Language Processing", "Computer Vision", "Reinforcement Learning",
	"Machine Learning", "Audio",
};
static const char *const classes[] = {
	"'Multimodal'", "'Natural Language Processing'", "'Text Generation'", "'Computer Vision'",
	"'Image-to-Text'", "'Reinforcement Learning'", "'Audio'", "'Question Answering'",
};

struct paper {
	char id[40];
	char title[160];
	char authors[256];
	char summary[1400];	/* English, 600-1200 chars */
	int votes;
	int cat, ncls, cls[3];
	int github;
};

static void en_text(char *dst, size_t cap, size_t minlen, size_t maxlen, const char *bullet)
{
	size_t target = minlen + rnd((uint32_t)(maxlen - minlen));
	size_t n = 0;
	int start = 1;

	if (target >= cap)
		target = cap - 1;
	while (n + 40 < target) {
		const char *w;
		int m;
		if (start && bullet) {
			m = snprintf(dst + n, cap - n, "%s", n ? bullet : "- ");
			n += (size_t)m;
		} else if (start && n) {
			dst[n++] = ' ';
		}
		w = PICK(words);
		if (start)
			m = snprintf(dst + n, cap - n, "%c%s", w[0] >= 'a' && w[0] <= 'z' ?
			    w[0] - 'a' + 'A' : w[0], w + 1);
		else
			m = snprintf(dst + n, cap - n, " %s", w);
		n += (size_t)m;
		start = 0;
		if (rnd(12) == 0) {
			m = snprintf(dst + n, cap - n, rnd(4) ? ", achieving %u.%u%% on %s-%u." :
			    " (%u.%u%% on %s-%u).", rnd(100), rnd(10), PICK(noun), rnd(100));
			n += (size_t)m;
			if (dst[n - 1] == '.')
				start = 1;
		}
	}
	dst[n] = '\0';
	if (n && dst[n - 1] != '.' && n + 1 < cap) {
		dst[n++] = '.';
		dst[n] = '\0';
	}
}

static void make_paper(struct paper *p, int yy, int mm, int seq)
{
	int na = 2 + (int)rnd(6);
	size_t n = 0;

	snprintf(p->id, sizeof p->id, "%02d%02d.%05d", yy % 100, mm, seq);
	{
		char acr[8];
		int k = 3 + (int)rnd(5);
		for (int i = 0; i < k; i++)
			acr[i] = (char)(i == 0 || rnd(2) ? 'A' + rnd(26) : 'a' + rnd(26));
		acr[k] = '\0';
		snprintf(p->title, sizeof p->title, "%s: %s %s for %s %s", acr, PICK(adj),
		    PICK(noun), PICK(adj), PICK(noun));
	}
	for (int i = 0; i < na; i++)
		n += (size_t)snprintf(p->authors + n, sizeof p->authors - n, "%s%s",
		    i ? ", " : "", PICK(names));
	en_text(p->summary, sizeof p->summary, 600, 1200, NULL);
	p->votes = (int)rnd(120);
	p->cat = (int)rnd(sizeof cats / sizeof cats[0]);
	p->ncls = 1 + (int)rnd(3);
	for (int i = 0; i < p->ncls; i++)
		p->cls[i] = (int)rnd(sizeof classes / sizeof classes[0]);
	p->github = rnd(3) == 0;
}

static void ko_text(struct out *o, size_t minbytes)
{
	size_t start = o->len;

	while (o->len - start < minbytes) {
		o_puts(o, PICK(ko_words));
		if (rnd(10) == 0) {
			o_puts(o, PICK(ko_terms));
		}
		o_puts(o, rnd(9) == 0 ? "습니다. " : " ");
	}
	o_puts(o, "습니다.");
}

static int mkdirs(char *path)
{
	for (char *s = path + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(path, 0777) < 0 && errno != EEXIST) {
			fprintf(stderr, "gen_archive: mkdir %s: %s\n", path, strerror(errno));
			return -1;
		}
		*s = '/';
	}
	return 0;
}

static int write_file(const char *dir, const char *sub, int y, int m, int d, const char *ext,
    const struct out *o, size_t *bytes)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s/%04d/%02d/%02d.%s", dir, sub, y, m, d, ext);
	if (mkdirs(path) < 0)
		return -1;
	f = fopen(path, "wb");
	if (!f || fwrite(o->p, 1, o->len, f) != o->len || fclose(f) != 0) {
		fprintf(stderr, "gen_archive: %s: %s\n", path, strerror(errno));
		return -1;
	}
	*bytes += o->len;
	return 0;
}

static void title_cell(struct out *o, const struct paper *p, int style)
{
	/* A title broken over two physical lines now and then, as in real digests. */
	const char *brk = rnd(15) == 0 ? strchr(p->title, ' ') : NULL;

	if (brk) {
		o_add(o, p->title, (size_t)(brk - p->title));
		o_puts(o, "\n  ");
		o_puts(o, brk + 1);
	} else {
		o_puts(o, p->title);
	}
	if (style == 1)
		o_printf(o, " - read more on [arXiv](https://arxiv.org/abs/%s) or "
		    "[HuggingFace](https://huggingface.co/papers/%s)", p->id, p->id);
	else if (style >= 2)
		o_printf(o, " (Read more on [arXiv](https://arxiv.org/abs/%s) or "
		    "[HuggingFace](https://huggingface.co/papers/%s))", p->id, p->id);
}

static void gen_en(struct out *o, const char *date, const struct paper *ps, int n, int style)
{
	o_printf(o, "\n\n## Papers for %s\n\n", date);
	if (style == 0)
		o_puts(o, "| Title | Authors | Summary | Link |\n|-------|---------|---------|------|\n");
	else if (style == 3)
		o_puts(o, "| Category | Title | Authors | Summary |\n"
		    "|----------|-------|---------|---------|\n");
	else
		o_puts(o, "| Title | Authors | Summary |\n|-------|---------|---------|\n");
	for (int i = 0; i < n; i++) {
		const struct paper *p = &ps[i];
		o_puts(o, "| ");
		if (style == 3) {
			o_puts(o, cats[p->cat]);
			o_puts(o, " | ");
		}
		title_cell(o, p, style);
		o_puts(o, " | ");
		o_puts(o, p->authors);
		o_puts(o, " | ");
		o_puts(o, p->summary);
		if (rnd(40) == 0)
			o_puts(o, " It maximises \xcf\x80(y|x) directly.");
		if (style == 0)
			o_printf(o, " | [Read more](https://arxiv.org/abs/%s) |\n", p->id);
		else
			o_puts(o, " |\n");
	}
}

static void gen_ko(struct out *o, const char *date, const struct paper *ps, int n)
{
	o_printf(o, "## Daily Papers (%s)\n\n", date);
	for (int i = 0; i < n; i++) {
		const struct paper *p = &ps[i];
		o_printf(o, "### [%s](https://arxiv.org/abs/%s)\n\n"
		    "![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/%s.png)\n\n"
		    "Vote: %d\n\nAuthors: %s\n\n", p->title, p->id, p->id, p->votes, p->authors);
		o_puts(o, "- ***What's New***: ");
		ko_text(o, 200 + rnd(250));
		o_puts(o, "\n- ***Technical Details***: ");
		ko_text(o, 200 + rnd(250));
		o_puts(o, "\n- ***Performance Highlights***: ");
		ko_text(o, 200 + rnd(300));
		o_puts(o, "\n\n");
	}
}

static void gen_cls_md(struct out *o, const char *date, const struct paper *ps, int n)
{
	char bl[1400];

	o_printf(o, "\n\n## Papers for %s\n\n", date);
	o_puts(o, "| Title | Authors | Summary | Classification | GitHub URLs | HuggingFace URLs |\n"
	    "|-------|---------|---------|----------------|-------------|-----------------|\n");
	for (int i = 0; i < n; i++) {
		const struct paper *p = &ps[i];
		en_text(bl, sizeof bl, 600, 1200, " - ");
		o_printf(o, "| [%s](https://arxiv.org/abs/%s) | %s | ", p->title, p->id, p->authors);
		o_puts(o, bl);
		o_puts(o, " | [");
		for (int k = 0; k < p->ncls; k++)
			o_printf(o, "%s%s", k ? ", " : "", classes[p->cls[k]]);
		o_puts(o, "] | ");
		if (p->github)
			o_printf(o, "[Link](github.com/lab%u/%s)", rnd(1000), p->id);
		o_printf(o, " | [Link](hf.co/papers/%s) |\n", p->id);
	}
}

static void gen_json(struct out *o, const struct paper *ps, int n)
{
	char bl[1400];

	o_puts(o, "[\n");
	for (int i = 0; i < n; i++) {
		const struct paper *p = &ps[i];
		/* JSON day files keep bullets on separate lines. */
		en_text(bl, sizeof bl, 600, 1200, "\\n- ");
		o_printf(o, "    {\n        \"title\": \"%s\",\n        \"authors\": \"%s\",\n"
		    "        \"link\": \"https://arxiv.org/abs/%s\",\n        \"github_repo\": ",
		    p->title, p->authors, p->id);
		if (p->github)
			o_printf(o, "\"https://github.com/lab%u/%s\"", rnd(1000), p->id);
		else
			o_puts(o, "null");
		o_puts(o, ",\n        \"summary\": \"");
		o_puts(o, bl);
		o_puts(o, "\",\n        \"classification\": [");
		for (int k = 0; k < p->ncls; k++)
			o_printf(o, "%s\"%.*s\"", k ? ", " : "", (int)strlen(classes[p->cls[k]]) - 2,
			    classes[p->cls[k]] + 1);
		o_printf(o, "],\n        \"github_urls\": [],\n        \"huggingface_urls\": "
		    "[\"https://huggingface.co/papers/%s\"]\n    }%s\n", p->id, i + 1 < n ? "," : "");
	}
	o_puts(o, "]");
}

static int days_in(int y, int m)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return dm[m - 1] + (m == 2 && leap);
}

int main(int argc, char **argv)
{
	int ndays = argc > 2 ? atoi(argv[2]) : 3653;
	int y = 2015, m = 1, d = 1, seq = 1, lastm = 0;
	size_t files = 0, bytes = 0;
	struct out o = { NULL, 0, 0 };
	struct paper ps[32];

	if (argc < 2 || ndays <= 0) {
		fprintf(stderr, "usage: gen_archive OUTDIR [DAYS]\n");
		return 2;
	}
	for (int day = 0; day < ndays; day++) {
		char date[48];
		int n = 13 + (int)rnd(12), nko = 8 + (int)rnd(6), style;

		if (m != lastm) {
			seq = 1 + (int)rnd(50);
			lastm = m;
		}
		snprintf(date, sizeof date, "%04d-%02d-%02d", y, m, d);
		for (int i = 0; i < n; i++) {
			make_paper(&ps[i], y, m, seq);
			seq += 1 + (int)rnd(40);
		}
		/* Eras of the English digest: Link column, "- read more", "(Read more", Category. */
		style = y < 2017 ? 0 : y < 2019 ? 1 : y < 2022 ? 2 : 3;

		o.len = 0;
		gen_en(&o, date, ps, n, style);
		if (write_file(argv[1], "en", y, m, d, "md", &o, &bytes) < 0)
			return 1;
		o.len = 0;
		gen_ko(&o, date, ps + (n - nko), nko);	/* overlapping subset */
		if (write_file(argv[1], "ko", y, m, d, "md", &o, &bytes) < 0)
			return 1;
		o.len = 0;
		if (day % 2 == 0) {
			gen_cls_md(&o, date, ps, n);
			if (write_file(argv[1], "cls", y, m, d, "md", &o, &bytes) < 0)
				return 1;
		} else {
			gen_json(&o, ps, n);
			if (write_file(argv[1], "cls", y, m, d, "json", &o, &bytes) < 0)
				return 1;
		}
		files += 3;
		if (++d > days_in(y, m)) {
			d = 1;
			if (++m > 12) {
				m = 1;
				y++;
			}
		}
	}
	free(o.p);
	printf("%zu %zu\n", files, bytes);
	return 0;
}
