"""The command line, run as a user runs it: ``python -m standpoints extract ...`` in a subprocess."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys

import pytest

ARTICLE = "A title\n20220203\nhttps://www.example.com/a\nRussia warned NATO on Monday.\nThe talks went on.\n"


def records(stdout: bytes) -> list[dict]:
    lines = stdout.decode("utf-8").splitlines()
    return [json.loads(line) for line in lines]


def summary(stderr: bytes) -> str:
    lines = [x for x in stderr.decode("utf-8").splitlines() if x.strip()]
    assert lines, "no summary on standard error"
    return lines[-1]


def test_one_article(cli, write):
    p = write("one.txt", ARTICLE)
    r = cli("extract", str(p))
    assert r.returncode == 0, r.stderr
    (rec,) = records(r.stdout)
    assert rec["id"] == "one"
    assert rec["date"] == "2022-02-03" and rec["source"] == "example.com"
    assert rec["text"] == "A title\nRussia warned NATO on Monday.\nThe talks went on."
    assert "1 ok" in summary(r.stderr) and "0 failed" in summary(r.stderr)


def test_bundled_example(cli, example):
    r = cli("extract", str(example.parent))
    assert r.returncode == 0, r.stderr
    recs = records(r.stdout)
    assert [x["id"] for x in recs] == sorted(p.stem for p in example.parent.glob("*.txt"))
    assert all("error" not in x for x in recs)


def test_folder_mixing_good_and_broken_files(cli, tmp_path, write):
    write("good1.txt", ARTICLE)
    write("sub/good2.txt", ARTICLE.replace("A title", "Another title"))
    write("bad_utf8.txt", b"Title\n20220203\nabc \xff\xfe def\n")
    write("empty.txt", b"")
    write("binary.txt", bytes(range(256)) * 4)
    write("nul.txt", b"Title\n20220203\nhttps://a.org/\nbody\x00more\n")
    write("notes.md", "not an input: ignored")
    write("docs.jsonl", "\n".join([json.dumps({"id": "j1", "text": "One."}), "{broken json",
                                   "", json.dumps({"id": "j3", "title": "T", "paragraphs": ["x", "y"]})]) + "\n")
    r = cli("extract", str(tmp_path))
    assert r.returncode == 1
    recs = records(r.stdout)
    # 6 txt files + 3 non-empty JSON Lines lines; notes.md is no input
    assert len(recs) == 9
    good = sorted(x["id"] for x in recs if "error" not in x)
    assert good == ["good1", "good2", "j1", "j3"]
    errors = {os.path.basename(x["path"]) + (f":{x['line']}" if "line" in x else ""): x for x in recs if "error" in x}
    assert set(errors) >= {"docs.jsonl:2"}
    assert {os.path.basename(x["path"]) for x in errors.values()} == {"bad_utf8.txt", "empty.txt", "binary.txt",
                                                                      "nul.txt", "docs.jsonl"}
    bad = next(x for x in errors.values() if x["path"].endswith("bad_utf8.txt"))
    assert "UTF-8" in bad["error"] and bad["byte_offset"] == len(b"Title\n20220203\nabc ")
    assert bad["line"] == 3
    nul = next(x for x in errors.values() if x["path"].endswith("nul.txt"))
    assert "NUL" in nul["error"] and nul["line"] == 4
    for x in errors.values():
        assert x["error"] and x["path"].startswith(str(tmp_path))
    s = summary(r.stderr)
    assert "9 documents" in s and "4 ok" in s and "5 failed" in s


def test_errors_replace(cli, write):
    p = write("bad.txt", b"Title\n20220203\nhttps://a.org/\nabc \xff def\n")
    assert cli("extract", str(p)).returncode == 1
    r = cli("extract", "--errors", "replace", str(p))
    assert r.returncode == 0, r.stderr
    (rec,) = records(r.stdout)
    assert rec["text"] == "Title\nabc \ufffd def"


def test_missing_date_and_url_lines_are_no_errors(cli, write):
    p = write("nodate.txt", "Title\nhttps://www.a.org/x\nBody.\n")
    q = write("nourl.txt", "Title\n20220802\nBody.\n")
    r = cli("extract", str(p), str(q))
    assert r.returncode == 0, r.stderr
    a, b = records(r.stdout)
    assert (a["date"], a["url"], a["source"]) == (None, "https://www.a.org/x", "a.org")
    assert (b["date"], b["url"], b["source"]) == ("2022-08-02", None, None)
    assert a["text"] == b["text"] == "Title\nBody."


def test_missing_file(cli, tmp_path):
    r = cli("extract", str(tmp_path / "nope.txt"))
    assert r.returncode == 1
    (rec,) = records(r.stdout)
    assert rec["path"].endswith("nope.txt") and rec["error"]


def test_malformed_jsonl_line_among_good_lines(cli, write):
    lines = [json.dumps({"id": f"d{i}", "text": f"Doc {i}."}) for i in range(5)]
    lines[2] = '{"id": "d2", "text": '
    r = cli("extract", str(write("d.jsonl", "\n".join(lines) + "\n")))
    assert r.returncode == 1
    recs = records(r.stdout)
    assert len(recs) == 5
    assert [x.get("id") for x in recs] == ["d0", "d1", None, "d3", "d4"]
    assert recs[2]["line"] == 3 and recs[2]["path"].endswith("d.jsonl") and "JSON" in recs[2]["error"]


def test_jsonl_gz_input(cli, tmp_path):
    p = tmp_path / "d.jsonl.gz"
    with gzip.open(p, "wt", encoding="utf-8") as f:
        for i in range(3):
            f.write(json.dumps({"id": f"g{i}", "title": "T", "text": "Zipped."}) + "\n")
    r = cli("extract", str(p))
    assert r.returncode == 0, r.stderr
    assert [x["id"] for x in records(r.stdout)] == ["g0", "g1", "g2"]


def test_truncated_gz_is_an_error_record(cli, tmp_path):
    p = tmp_path / "d.jsonl.gz"
    p.write_bytes(gzip.compress(b'{"id": "x", "text": "Zipped."}\n' * 50)[:30])
    r = cli("extract", str(p))
    assert r.returncode == 1
    recs = records(r.stdout)
    assert recs and all("error" in x for x in recs)


def test_stdin_article(cli):
    r = cli("extract", "-", stdin=ARTICLE.encode())
    assert r.returncode == 0, r.stderr
    (rec,) = records(r.stdout)
    assert rec["title"] == "A title" and rec["date"] == "2022-02-03"


def test_stdin_jsonl(cli):
    data = "\n".join(json.dumps({"id": f"s{i}", "text": "Hi."}) for i in range(3)) + "\n"
    r = cli("extract", "-", stdin=data.encode())
    assert r.returncode == 0, r.stderr
    assert [x["id"] for x in records(r.stdout)] == ["s0", "s1", "s2"]


def test_format_json_is_one_valid_array(cli, write):
    a, b = write("a.txt", ARTICLE), write("b.txt", b"")
    r = cli("extract", "--format", "json", str(a), str(b))
    assert r.returncode == 1
    arr = json.loads(r.stdout)
    assert isinstance(arr, list) and len(arr) == 2
    assert arr[0]["id"] == "a" and "error" in arr[1]


def test_a_folder_without_inputs_is_one_error(cli, tmp_path):
    (tmp_path / "empty_folder").mkdir()
    r = cli("extract", "--format", "json", str(tmp_path / "empty_folder"))
    assert r.returncode == 1
    (rec,) = json.loads(r.stdout)
    assert rec["path"].endswith("empty_folder") and rec["error"]


def test_output_file(cli, tmp_path, write):
    p = write("a.txt", ARTICLE)
    out = tmp_path / "out.jsonl"
    r = cli("extract", str(p), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert r.stdout == b""
    (rec,) = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    assert rec["id"] == "a"


def test_output_is_utf8_whatever_the_locale(cli, write):
    p = write("u.txt", "Київ 🙂\n20220203\nhttps://a.org/\nЗеленський сказав.\n")
    env = dict(os.environ, LC_ALL="C", LANG="C", PYTHONIOENCODING="ascii")
    r = subprocess.run([sys.executable, "-m", "standpoints", "extract", str(p)], capture_output=True, env=env)
    assert r.returncode == 0, r.stderr
    (rec,) = records(r.stdout)
    assert rec["title"] == "Київ 🙂"


def test_workers_give_the_same_output(cli, tmp_path, write):
    for i in range(20):
        write(f"a{i:02}.txt", ARTICLE.replace("A title", f"Title {i}"))
    one = cli("extract", str(tmp_path), "--workers", "1")
    two = cli("extract", str(tmp_path), "--workers", "2")
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout
    assert len(records(one.stdout)) == 20


@pytest.mark.parametrize("args", [["extract", "--bogus", "x.txt"], ["extract"], [], ["frobnicate", "x"],
                                  ["extract", "--format", "xml", "x.txt"], ["extract", "--workers", "0", "x.txt"],
                                  ["extract", "--workers", "many", "x.txt"]])
def test_usage_errors_exit_2(cli, args):
    r = cli(*args)
    assert r.returncode == 2
    assert r.stdout == b""
    assert b"usage" in r.stderr.lower() or b"error" in r.stderr.lower()


def test_help_and_version(cli):
    assert cli("--help").returncode == 0
    assert cli("extract", "--help").returncode == 0
    r = cli("--version")
    assert r.returncode == 0 and b"0." in r.stdout


def test_console_script(tmp_path, write):
    exe = shutil.which("standpoints", path=os.path.dirname(sys.executable))
    if exe is None:
        pytest.skip("the standpoints console script is not next to this Python")
    r = subprocess.run([exe, "extract", str(write("a.txt", ARTICLE))], capture_output=True)
    assert r.returncode == 0 and records(r.stdout)[0]["id"] == "a"


def test_a_single_very_long_line(cli, tmp_path):
    """One ~20 MB paragraph: read in one piece, one record, in reasonable time."""
    sentence = "Russia said the talks with NATO would go on. "
    body = sentence * (20_000_000 // len(sentence))
    p = tmp_path / "long.txt"
    p.write_text("Long\n20220203\nhttps://a.org/\n" + body + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    r = cli("extract", str(p), "-o", str(out), "--stage", "segment", timeout=240)
    assert r.returncode == 0, r.stderr
    with open(out, encoding="utf-8") as f:
        lines = f.readlines()
    assert len(lines) == 1
    rec = json.loads(lines[0])
    assert rec["text"] == "Long\n" + body.strip()
    assert len(rec["paragraphs"]) == 2
    assert len(rec["sentences"]) == 1 + body.count(". ")


def test_long_jsonl_line(cli, tmp_path):
    body = "Word " * 2_000_000
    p = tmp_path / "long.jsonl"
    p.write_text(json.dumps({"id": "L", "text": body}) + "\n" + json.dumps({"id": "S", "text": "Short."}) + "\n")
    r = cli("extract", str(p), "--stage", "segment", timeout=240)
    assert r.returncode == 0, r.stderr
    recs = records(r.stdout)
    assert [x["id"] for x in recs] == ["L", "S"]
    assert recs[0]["text"] == body.strip()
