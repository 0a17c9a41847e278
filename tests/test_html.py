"""The notebook display, opened in a real browser: headless Chromium (Debian package `chromium`,
installed by .ci/run) loads the HTML that Jupyter would show, a script on the page reads the DOM as
laid out, and the test checks what a reader would see: names coloured by type with their actor
codes, statement links that lead to their triggers, boilerplate greyed, the title once, long
articles cut with a count."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest
import standpoints

ARTICLE = ("Russia warns NATO over Ukraine\n20220203\nhttps://www.example.com/a\n"
           "Kremlin spokesman Dmitry Peskov said on Monday that Moscow rejected the proposal from Washington.\n"
           "\u201cWe will respond,\u201d Vladimir Putin warned NATO in Moscow, accusing the alliance of "
           "expanding east.\n"
           "Zelenskyy urged Germany to send weapons to Kyiv.\n"
           "Follow us on Twitter for more news.\n")

# Runs in the page after it is laid out; writes what it finds into <pre id="result">.
PROBE = """
<pre id="result"></pre><script>
const out = {marks: [], links: [], paragraphs: {}, more: null, titles: 0};
for (const m of document.querySelectorAll('#one .sp-body mark.sp-mention, #one .sp-title mark.sp-mention')) {
  const r = m.getBoundingClientRect(), code = m.querySelector('.sp-code');
  out.marks.push({type: m.dataset.type, actor: m.dataset.actor, code: code ? code.textContent : '',
                  name: m.firstChild.textContent, visible: r.width > 0 && r.height > 0,
                  background: getComputedStyle(m).backgroundColor});
}
for (const a of document.querySelectorAll('#one a.sp-trigger-link')) {
  const t = document.getElementById(a.getAttribute('href').slice(1));
  out.links.push({text: a.textContent, target: t ? t.textContent : null,
                  isTrigger: !!t && t.classList.contains('sp-trigger')});
}
const body = document.querySelector('#one .sp-paragraph:not(.sp-boilerplate)');
const boiler = document.querySelector('#one .sp-paragraph.sp-boilerplate');
out.paragraphs = {body: body && getComputedStyle(body).color, boilerplate: boiler && getComputedStyle(boiler).color};
const more = document.querySelector('#long .sp-more');
out.more = more ? more.textContent : null;
const plain = document.querySelector('#one .sp-document').cloneNode(true);
for (const c of plain.querySelectorAll('.sp-code, .sp-statements')) c.remove();
out.titles = plain.textContent.split('Russia warns NATO over Ukraine').length - 1;
out.tables = Array.from(document.querySelectorAll('#lists table')).map(t => t.rows.length);
document.getElementById('result').textContent = JSON.stringify(out);
</script>
"""


def chromium() -> str:
    exe = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if exe is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is missing: .ci/run installs it (apt-get install chromium)")
        pytest.skip("headless Chromium is not installed (Debian: apt-get install chromium)")
    return exe


def run_chromium(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                           "--hide-scrollbars", *args], capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    doc = standpoints.read(_write(tmp_path_factory.mktemp("a") / "a.txt", ARTICLE))
    long = standpoints.parse("\n".join(f"Paragraph {i}: Russia warned NATO again and again." for i in range(400)),
                             title="A long one", id="long")
    html = (f"<!doctype html><html><head><meta charset='utf-8'></head><body>"
            f"<div id='one'>{doc._repr_html_()}</div><div id='long'>{long._repr_html_()}</div>"
            f"<div id='lists'>{doc.mentions._repr_html_()}{doc.entities._repr_html_()}"
            f"{doc.statements._repr_html_()}</div>{PROBE}</body></html>")
    path = tmp_path_factory.mktemp("page") / "page.html"
    path.write_text(html, encoding="utf-8")
    return doc, path


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def dom(page):
    doc, path = page
    r = run_chromium("--dump-dom", path.as_uri())
    assert r.returncode == 0, r.stderr[-2000:]
    start = r.stdout.index('<pre id="result">') + len('<pre id="result">')
    found = json.loads(r.stdout[start:r.stdout.index("</pre>", start)].replace("&quot;", '"').replace("&amp;", "&"))
    return doc, found


def test_names_are_coloured_by_type_with_their_codes_visible(dom):
    doc, found = dom
    names = [m for m in doc.mentions if m.kind == "name"]
    assert [m["name"] for m in found["marks"]] == [m.text for m in names]
    assert all(m["visible"] for m in found["marks"])
    for m in found["marks"]:
        assert m["code"] == m["actor"], "the code is written beside the name, not only on hover"
    colours = {m["type"]: m["background"] for m in found["marks"]}
    assert {"PERSON", "GPE", "ORG"} <= set(colours)
    assert len({colours["PERSON"], colours["GPE"], colours["ORG"]}) == 3


def test_statements_link_to_their_triggers(dom):
    doc, found = dom
    assert len(found["links"]) == len(doc.statements) >= 2
    for link in found["links"]:
        assert link["isTrigger"] and link["target"] == link["text"]


def test_boilerplate_is_greyed_and_the_title_shown_once(dom):
    _, found = dom
    assert found["paragraphs"]["boilerplate"] and found["paragraphs"]["body"] != found["paragraphs"]["boilerplate"]
    assert found["titles"] == 1


def test_long_articles_are_cut_with_a_count(dom):
    _, found = dom
    assert found["more"] is not None and "more paragraphs" in found["more"]
    n = int(found["more"].split()[1])
    assert 0 < n < 400


def test_lists_render_as_tables(dom):
    doc, found = dom
    assert found["tables"] == [len(doc.mentions) + 1, len(doc.entities) + 1, len(doc.statements) + 1]


def test_screenshot(page, tmp_path):
    _, path = page
    shot = tmp_path / "shot.png"
    r = run_chromium(f"--screenshot={shot}", "--window-size=1000,900", path.as_uri())
    assert r.returncode == 0, r.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
