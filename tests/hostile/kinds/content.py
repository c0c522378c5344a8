"""Kinds made of content: HTML pages, other languages, degenerate articles, huge figures and
articles, and sidecar metadata that lies."""

from __future__ import annotations

import json
from pathlib import Path

from tests.hostile.kinds import Kind, Made, Outcome, Stored, made, sane_dates
from tests.hostile.kinds.prose import article, body, number, with_figure

CHINESE = "中国政府周二表示，将继续推进经济改革，并加强与邻国的合作。官员说，下一轮会谈将于下周在北京举行。"
ARABIC = ("قالت الحكومة يوم الثلاثاء إنها ستواصل المحادثات مع المعارضة، "
          "وأضاف المتحدث أن الاجتماع المقبل سيعقد الأسبوع القادم في العاصمة.")
RUSSIAN = ("Правительство заявило во вторник, что продолжит переговоры с оппозицией, "
           "а следующая встреча состоится на следующей неделе в столице.")
LONG_ARTICLE_CHARS = 1_200_000


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _page(tag: str, head: str = "", extra: str = "") -> str:
    paragraphs = "".join(f"<p>{s}.</p>" for s in body(tag).split(". "))
    return (f"<!DOCTYPE html><html><head><title>Talks stall {number(tag)}</title>{head}</head>"
            f"<body>{extra}<article><h1>Talks stall {number(tag)}</h1>{paragraphs}</article></body></html>")


def _safe_urls(found: Stored) -> str | None:
    bad = [u for u in found.urls if u and not u.startswith(("http://", "https://"))]
    return f"stored non-http URLs {bad}" if bad else None


def html_no_body(folder: Path) -> Made:
    page = "<html><head><title>Empty</title></head><body><nav>Home | News</nav></body></html>"
    return made(_write(folder / "empty.html", page), 1, 0, "E112")


def html_javascript_url(folder: Path) -> Made:
    head = ('<link rel="canonical" href="javascript:alert(1)">'
            '<meta property="og:url" content="javascript:alert(document.cookie)">')
    path = _write(folder / "js.html", _page("javascript url", head))
    return made(path, 1, 1, also=(Outcome(2, 1),), verify=_safe_urls)  # a line per bad field is fine


def html_huge_script(folder: Path) -> Made:
    script = "<script>var a = '" + "A" * 2_000_000 + "';</script>"
    return made(_write(folder / "script.html", _page("huge script", extra=script)), 0, 1)


def html_malformed(folder: Path) -> Made:
    page = _page("malformed page").replace("</p>", "").replace("</article>", "<div><span>")
    return made(_write(folder / "broken.html", page), 0, 1)


def _foreign(name: str, text: str, times: int) -> Kind:
    def write(folder: Path) -> Made:
        return made(_write(folder / f"{name}.txt", f"{text[:20]}\n\n" + text * times + "\n"), 1, 0, "E106")

    return Kind(name, "content", write)


def chinese_short(folder: Path) -> Made:
    """Two Chinese sentences under a title: too short for stopwords to tell, still not English."""
    return made(_write(folder / "short.txt", f"中国政府表示\n\n{CHINESE}\n"), 1, 0, "E106")


def mostly_cjk(folder: Path) -> Made:
    text = f"新闻\n\n{CHINESE * 4} The talks will resume in the capital next week, the minister said.\n"
    return made(_write(folder / "mixed.txt", text), 1, 0, "E106")


def only_title(folder: Path) -> Made:
    return made(_write(folder / "title.txt", "Talks on the water dispute stall\n"), 1, 0)


def only_furniture(folder: Path) -> Made:
    """Nothing but page furniture: the README does not say whether that is an article, so it may
    be refused in one line or stored (with its furniture never coded); never a traceback."""
    text = "Share\n\nPhoto: AFP\nAdvertisement\nFollow us on Twitter\n"
    return made(_write(folder / "furniture.txt", text), 1, 0, also=(Outcome(0, 1),))


def long_line(folder: Path) -> Made:
    """150,000 characters with no line break at all."""
    text = " ".join(body(f"long line {i}") for i in range(150))
    return made(_write(folder / "oneline.txt", text), 0, 1)


def long_article(folder: Path) -> Made:
    """1.2 million characters of real-looking paragraphs: parsed in windows, or refused in one
    line above a documented limit; either way the batch goes on."""
    paragraphs, size, i = [], 0, 0
    while size < LONG_ARTICLE_CHARS:
        paragraphs.append(body(f"long article paragraph {i}"))
        size, i = size + len(paragraphs[-1]) + 2, i + 1
    return made(_write(folder / "long.txt", "A very long report\n\n" + "\n\n".join(paragraphs)), 0, 1)


def _no_value(*values: int) -> object:
    def verify(found: Stored) -> str | None:
        bad = [v for v in found.values if v in values or (v is not None and abs(v) >= 2**63)]
        return f"stored figure values {bad}" if bad else None

    return verify


def _figure(name: str, figure: str, *forbidden: int) -> Kind:
    def write(folder: Path) -> Made:
        path = _write(folder / "figure.txt", with_figure(name, figure))
        return made(path, 0, 1, verify=_no_value(*forbidden))  # type: ignore[arg-type]

    return Kind(name, "content", write)


def _sidecar(name: str, meta: object, problems: int, verify: object = None) -> Kind:
    def write(folder: Path) -> Made:
        text = article(name) + "The first meeting took place last week.\n"
        path = _write(folder / "story.txt", text)
        raw = meta if isinstance(meta, str) else json.dumps(meta)
        _write(folder / "story.meta.json", raw)
        return made(path, problems, 1, verify=verify)  # type: ignore[arg-type]

    return Kind(name, "sidecar", write)


def orphan_sidecar(folder: Path) -> Made:
    """A NAME.meta.json with no NAME.txt is metadata, not an article: nothing to say."""
    return made(_write(folder / "alone.meta.json", '{"url": "https://example.org/"}'), 0, 0)


KINDS = [
    Kind("html_no_body", "html", html_no_body),
    Kind("html_javascript_url", "html", html_javascript_url),
    Kind("html_huge_script", "html", html_huge_script),
    Kind("html_malformed", "html", html_malformed),
    _foreign("chinese", CHINESE, 8),
    _foreign("arabic", ARABIC, 8),
    _foreign("russian", RUSSIAN, 8),
    Kind("chinese_short", "content", chinese_short),
    Kind("mostly_cjk", "content", mostly_cjk),
    Kind("only_title", "content", only_title),
    Kind("only_furniture", "content", only_furniture),
    Kind("long_line", "content", long_line),
    Kind("long_article", "content", long_article, heavy=True),
    _figure("figure_int64", "At least 9,223,372,036,854,775,808 people were killed"),
    _figure("figure_billions", "At least 3 billion people were displaced"),
    _figure("figure_googol", "At least 10^100 people were killed", 100, 10),
    _figure("figure_1e100", "At least 1e100 people were killed", 100, 1),
    _figure("figure_400_digits", "At least " + "9" * 400 + " people were killed"),
    _sidecar("sidecar_date_0001", {"publication_date": "0001-01-01"}, 1, sane_dates),
    _sidecar("sidecar_date_9999", {"publication_date": "9999-12-31"}, 1, sane_dates),
    _sidecar("sidecar_broken", '{"url": "https://example.org/x", ', 1),
    _sidecar("sidecar_not_object", "[1, 2, 3]", 1),
    _sidecar("sidecar_wrong_types", {"url": 5, "outlet": [], "publication_date": 3}, 3),
    _sidecar("sidecar_javascript_url", {"url": "javascript:alert(1)"}, 1, _safe_urls),
    Kind("orphan_sidecar", "sidecar", orphan_sidecar),
]
