"""Hostile input (issue 11): nothing lost, nothing hangs. Each test reproduces one way a user broke
a run; the command line is run as a user runs it, in a subprocess."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time

import pytest
import standpoints
from standpoints import Analyzer, KnowledgeError, ReadError

GOOD = {"id": "a", "text": "Moscow warned Kyiv."}


def lines_of(stdout: bytes) -> list[dict]:
    """Every output line parsed; the output must be valid UTF-8 whatever the input held."""
    return [json.loads(x) for x in stdout.decode("utf-8").splitlines()]


def jsonl(*records: dict | bytes) -> bytes:
    return b"".join((r if isinstance(r, bytes) else json.dumps(r).encode()) + b"\n" for r in records)


# -- 1. a bad byte or a syntax error next to a non-ASCII character loses one record, not the run

@pytest.mark.parametrize("bad", [b'{"id":"b","text":"bad \xff byte"}', b'{"text":1\xc3\xa9}',
                                 b'{"text":1\xff}', b'{"id":"c", "text": "\xc3"}'])
def test_one_bad_jsonl_record_is_one_error_line(cli, write, bad):
    p = write("x.jsonl", jsonl(GOOD, bad, {"id": "z", "text": "Paris replied."}))
    r = cli("extract", str(p))
    assert r.returncode == 1, r.stderr
    recs = lines_of(r.stdout)
    assert [x.get("id") for x in recs] == ["a", None, "z"]
    assert recs[1]["line"] == 2 and recs[1]["path"] == str(p) and recs[1]["error"]
    assert "3 documents, 2 ok, 1 failed" in r.stderr.decode()
    assert b"Traceback" not in r.stderr


def test_invalid_utf8_in_a_record_names_the_byte(cli, write):
    line = b'{"id":"b","text":"bad \xff byte"}'
    r = cli("extract", str(write("x.jsonl", jsonl(GOOD, line))))
    err = lines_of(r.stdout)[1]
    assert "UTF-8" in err["error"] and err["byte_offset"] == line.index(b"\xff")


def test_invalid_utf8_in_a_record_with_errors_replace(cli, write):
    p = write("x.jsonl", jsonl(GOOD, b'{"id":"b","text":"bad \xff byte"}'))
    r = cli("extract", "--errors", "replace", str(p))
    assert r.returncode == 0, r.stderr
    assert lines_of(r.stdout)[1]["text"] == "bad \ufffd byte"


def test_read_jsonl_survives_a_bad_byte(write):
    p = write("x.jsonl", jsonl(GOOD, b'{"text":1\xc3\xa9}', GOOD))
    results = list(standpoints.read_jsonl(p))
    assert [type(x).__name__ for x in results] == ["Document", "ReadError", "Document"]
    assert results[1].line == 2 and "\\xc3" in results[1].reason


def test_a_json_actor_file_with_a_bad_byte_is_a_knowledge_error(write):
    p = write("actors.json", b'[{"name": "Jane Roe", "actor": \xff}]')
    with pytest.raises(KnowledgeError) as info:
        Analyzer(actors=p)
    assert "actors.json" in str(info.value)


def test_news_with_a_latin1_line_in_the_middle(cli, write):
    good = [json.dumps({"id": f"d{i}", "text": f"Russia warned NATO on day {i}."}).encode() for i in range(40)]
    good.insert(20, '{"id": "latin", "text": "Caf\xe9 in M\xfcnchen"}'.encode("latin-1"))
    r = cli("extract", str(write("x.jsonl", b"\n".join(good) + b"\n")))
    recs = lines_of(r.stdout)
    assert len(recs) == 41 and "error" in recs[20] and recs[20]["line"] == 21
    assert "41 documents, 40 ok, 1 failed" in r.stderr.decode()


# -- 2. file names that are not UTF-8

def test_a_file_name_that_is_not_utf8_in_a_folder(cli, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"b\xff.txt")
    (folder / name).write_text("Title\n20220203\nhttps://a.org/\nRussia warned NATO.\n", encoding="utf-8")
    (folder / os.fsdecode(b"c\xfe.txt")).write_bytes(b"")  # an error record naming it
    (folder / "d.txt").write_text("Later\n20220203\nhttps://a.org/\nThe talks went on.\n", encoding="utf-8")
    r = cli("extract", str(folder))
    assert r.returncode == 1, r.stderr
    recs = lines_of(r.stdout)
    assert len(recs) == 3
    # carried as Python carries such names (os.fsdecode): json.loads gives back the same str
    assert recs[0]["id"] == os.fsdecode(b"b\xff")
    assert recs[1]["path"] == os.fsdecode(os.fsencode(folder) + b"/c\xfe.txt") and recs[1]["error"]
    assert recs[2]["id"] == "d"


def test_a_file_name_that_is_not_utf8_as_an_argument(cli, tmp_path):
    bad = tmp_path / os.fsdecode(b"x\xff.txt")
    bad.write_bytes(b"T\nbad \xff\n")
    good = tmp_path / "good.txt"
    good.write_text("Title\nRussia warned NATO.\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "standpoints", "extract", os.fsencode(bad), str(good)],
                       capture_output=True)
    recs = lines_of(r.stdout)
    assert len(recs) == 2 and recs[0]["path"] == str(bad) and recs[1]["id"] == "good"


def test_the_python_api_carries_such_names(tmp_path):
    p = tmp_path / os.fsdecode(b"n\xe9e.txt")
    p.write_text("Title\nRussia warned NATO.\n", encoding="utf-8")
    doc = standpoints.read(p)
    assert doc.id == os.fsdecode(b"n\xe9e")
    assert json.loads(doc.to_json())["id"] == doc.id
    q = tmp_path / os.fsdecode(b"m\xe9.txt")
    q.write_bytes(b"")
    (err,) = standpoints.analyze_many([q])
    assert isinstance(err, ReadError) and err.path == str(q)


# -- 3. a FIFO in a scanned folder

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_in_a_folder_is_not_read(cli, tmp_path):
    (tmp_path / "a.txt").write_text("Title\nRussia warned NATO.\n", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    os.mkfifo(tmp_path / "pipe.jsonl")
    r = cli("extract", str(tmp_path), timeout=60)
    assert r.returncode == 0, r.stderr
    assert [x["id"] for x in lines_of(r.stdout)] == ["a"]


# -- 4. -o naming an input, or inside a scanned folder

def test_output_naming_an_input_is_a_usage_error(cli, write):
    p = write("v.jsonl", jsonl(GOOD, GOOD))
    before = p.read_bytes()
    r = cli("extract", str(p), "-o", str(p))
    assert r.returncode == 2 and b"input" in r.stderr
    assert p.read_bytes() == before


def test_output_inside_a_scanned_folder_is_a_usage_error(cli, tmp_path, write):
    write("in/a.txt", "Title\nRussia warned NATO.\n")
    out = tmp_path / "in" / "sub" / "out.jsonl"
    out.parent.mkdir()
    r = cli("extract", str(tmp_path / "in"), "-o", str(out))
    assert r.returncode == 2 and b"folder" in r.stderr
    assert not out.exists()


def test_output_through_a_symlink_to_an_input(cli, tmp_path, write):
    p = write("v.jsonl", jsonl(GOOD))
    link = tmp_path / "link.jsonl"
    link.symlink_to(p)
    assert cli("extract", str(p), "-o", str(link)).returncode == 2
    assert p.read_bytes() == jsonl(GOOD)


# -- 5. wrong types: one ReadError per bad item, the same rules in Python and on the command line

def test_analyze_many_gives_one_error_per_bad_dict():
    items = [{"text": "Russia warned NATO."}, {"text": 5}, {"paragraphs": [1, None, "x"]}, {"text": "Paris."}]
    results = list(standpoints.analyze_many(items))
    assert [type(r).__name__ for r in results] == ["Document", "ReadError", "ReadError", "Document"]


def test_paragraphs_with_wrong_types_same_in_python_and_cli(cli, write):
    rec = {"id": "p", "paragraphs": [1, None, "x"]}
    (py,) = standpoints.analyze_many([rec])
    r = cli("extract", str(write("p.jsonl", jsonl(rec))))
    (line,) = lines_of(r.stdout)
    assert isinstance(py, ReadError) and "error" in line
    assert py.reason == line["error"]


def test_a_dict_that_is_no_json_is_an_error():
    (r,) = standpoints.analyze_many([{"text": "x", "date": float("inf")}])
    assert isinstance(r, ReadError)


# -- 6. add_actor from several threads at once

def test_add_actor_from_threads_keeps_every_actor():
    a = Analyzer()
    names = [f"Quillon Vexbar{chr(ord('a') + i)}" for i in range(8)]
    threads = [threading.Thread(target=a.add_actor, args=(n,), kwargs={"actor": "FRAGOV", "country": "FRA"})
               for n in names]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    doc = a.parse(" ".join(f"{n} spoke." for n in names), date="2022-01-01")
    found = {m.text for m in doc.mentions if m.actor == "FRAGOV"}
    assert found == set(names)


# -- 8. the record is streamed, not held twice

def test_a_big_record_is_written_in_pieces():
    doc = standpoints.parse("Russia warned NATO about the talks in Geneva. " * 60_000)
    pieces: list[int] = []

    class Sink:
        def write(self, b: bytes) -> int:
            pieces.append(len(b))
            return len(b)

    total = doc.write_json(Sink())
    assert total == sum(pieces) == len(doc.to_json().encode("utf-8"))
    assert len(pieces) > 3 and max(pieces) < 2 << 20


# -- 9. closed standard input, unreadable folders, numbers, dates, a full disk, absurd workers

def test_closed_stdin_does_not_break_a_run_without_dash(write):
    p = write("a.txt", "Title\nRussia warned NATO.\n")
    r = subprocess.run(f'exec "{sys.executable}" -m standpoints extract "{p}" "-" <&-', shell=True,
                       capture_output=True)
    recs = lines_of(r.stdout)
    assert r.returncode == 1, r.stderr
    assert recs[0]["id"] == "a" and "closed" in recs[1]["error"]


def test_stdin_is_read_only_when_asked(write):
    p = write("a.txt", "Title\nRussia warned NATO.\n")
    r = subprocess.run(f'exec "{sys.executable}" -m standpoints extract "{p}" <&-', shell=True, capture_output=True)
    assert r.returncode == 0, r.stderr


def _without_root_powers() -> None:
    """preexec_fn: a root child loses the capabilities that let root read any folder (and does not
    regain them at exec), so that a folder of mode 000 is unreadable to it as to anyone."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    secbit_noroot, secbit_noroot_locked, pr_set_securebits = 1, 2, 28
    if libc.prctl(pr_set_securebits, secbit_noroot | secbit_noroot_locked, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl")

    class Header(ctypes.Structure):
        _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]

    class Data(ctypes.Structure):
        _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]

    none = (Data * 2)()
    if libc.capset(ctypes.byref(Header(0x20080522, 0)), none) != 0:
        raise OSError(ctypes.get_errno(), "capset")


def test_an_unreadable_subfolder_is_an_error_record(tmp_path):
    root = tmp_path / "in"
    (root / "locked").mkdir(parents=True)
    (root / "a.txt").write_text("Title\nRussia warned NATO.\n", encoding="utf-8")
    (root / "locked" / "b.txt").write_text("Title\nRussia warned NATO.\n", encoding="utf-8")
    (root / "locked").chmod(0)
    try:
        as_root = sys.platform == "linux" and os.geteuid() == 0
        try:
            r = subprocess.run([sys.executable, "-m", "standpoints", "extract", str(root)], capture_output=True,
                               preexec_fn=_without_root_powers if as_root else None)
        except subprocess.SubprocessError as e:
            pytest.skip(f"cannot drop root's powers here: {e}")
        recs = lines_of(r.stdout)
        assert r.returncode == 1, r.stderr
        assert recs[0]["id"] == "a"
        assert recs[1]["path"].endswith("locked") and "Permission denied" in recs[1]["error"]
        assert len(recs) == 2
    finally:
        (root / "locked").chmod(0o755)


def test_a_number_out_of_range_is_a_clear_error(cli, write):
    r = cli("extract", str(write("x.jsonl", b'{"text": "Russia warned NATO.", "date": 1e400}\n')))
    (rec,) = lines_of(r.stdout)
    assert "internal" not in rec["error"] and "1e400" in rec["error"]


@pytest.mark.parametrize("date", ["2020-13-45", "2021-02-29", "2020-00-10"])
def test_an_actor_file_with_an_impossible_date(write, date):
    p = write("actors.tsv", f"id\ttype\tname\tactor\tcountry\tfrom\tto\nx\tPERSON\tJane Roe\tFRAGOV\tFRA\t{date}\t\n")
    with pytest.raises(KnowledgeError) as info:
        Analyzer(actors=p)
    assert "actors.tsv" in str(info.value) and info.value.line == 2
    with pytest.raises(KnowledgeError):
        Analyzer().add_actor("Jane Roe", actor="FRAGOV", start=date)


def test_an_actor_file_with_an_impossible_date_on_the_command_line(cli, write):
    bad = write("actors.tsv", "id\ttype\tname\tactor\tcountry\tfrom\tto\nx\tPERSON\tJane Roe\tFRAGOV\tFRA\t2020-13-45\t\n")
    r = cli("extract", "--actors", str(bad), str(write("a.txt", "T\nx\n")))
    assert r.returncode == 2 and b"actors.tsv" in r.stderr and b"Traceback" not in r.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_a_full_disk_is_a_clear_error(cli, write):
    p = write("a.txt", "Title\nRussia warned NATO.\n")
    r = cli("extract", str(p), "-o", "/dev/full")
    assert r.returncode == 1
    assert b"No space left" in r.stderr and b"Traceback" not in r.stderr
    with open("/dev/full", "wb") as full:
        r = subprocess.run([sys.executable, "-m", "standpoints", "extract", str(p)], stdout=full,
                           stderr=subprocess.PIPE)
    assert r.returncode == 1 and b"No space left" in r.stderr and b"Traceback" not in r.stderr


@pytest.mark.parametrize("n", ["99999999999", "-2", "100000"])
def test_absurd_workers_are_a_usage_error(cli, write, n):
    r = cli("extract", "--workers", n, str(write("a.txt", "T\nx\n")))
    assert r.returncode == 2 and b"--workers" in r.stderr and b"Traceback" not in r.stderr


def test_absurd_workers_in_python():
    with pytest.raises(ValueError):
        standpoints.analyze_many(["x"], workers=99999999999)


# -- output as each result arrives; Ctrl-C stops promptly with the summary

def test_each_record_is_written_as_it_arrives():
    """A record comes out before the next input is even sent (standard input, JSON Lines)."""
    with subprocess.Popen([sys.executable, "-m", "standpoints", "extract", "-"], stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE) as p:
        try:
            assert p.stdin is not None and p.stdout is not None
            p.stdin.write(jsonl(GOOD))
            p.stdin.flush()
            first = p.stdout.readline()  # blocks until the record is written: hangs if batched
            assert json.loads(first)["id"] == "a"
            p.stdin.write(jsonl({"id": "b", "text": "Paris replied."}))
            p.stdin.close()
            assert json.loads(p.stdout.readline())["id"] == "b"
            assert p.wait(timeout=60) == 0
        finally:
            p.kill()


def test_ctrl_c_stops_promptly_with_the_summary(tmp_path):
    big = tmp_path / "big.jsonl"
    with open(big, "w") as f:
        for i in range(20_000):
            f.write(json.dumps({"id": f"d{i}", "text": "Russia warned NATO about the talks in Geneva. " * 20}) + "\n")
    out = tmp_path / "out.jsonl"
    with subprocess.Popen([sys.executable, "-m", "standpoints", "extract", str(big), "-o", str(out)],
                          stderr=subprocess.PIPE) as p:
        try:
            deadline = time.monotonic() + 120
            while (not out.exists() or out.stat().st_size < 10_000) and time.monotonic() < deadline:
                time.sleep(0.05)
            p.send_signal(signal.SIGINT)
            t0 = time.monotonic()
            rc = p.wait(timeout=30)
            assert time.monotonic() - t0 < 5
        finally:
            p.kill()
        assert p.stderr is not None
        err = p.stderr.read().decode()
    assert rc == 130 and "interrupted" in err and "Traceback" not in err
    written = out.read_bytes().decode("utf-8").splitlines()
    assert 0 < len(written) < 20_000
    assert all(json.loads(x)["id"] for x in written)  # only whole records
    assert f"{len(written)} documents" in err


def test_a_reader_that_goes_away_ends_the_run_cleanly(tmp_path):
    """`standpoints extract ... | head -1`: exit status 1, no abort while documents are in flight."""
    big = tmp_path / "big.jsonl"
    big.write_text("".join(json.dumps({"id": f"d{i}", "text": "Russia warned NATO in Geneva. " * 20000}) + "\n"
                           for i in range(12)))
    with subprocess.Popen([sys.executable, "-m", "standpoints", "extract", str(big), "--workers", "2"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE) as p:
        assert p.stdout is not None and p.stderr is not None
        p.stdout.readline()
        p.stdout.close()
        rc = p.wait(timeout=120)
        err = p.stderr.read()
    assert rc == 1, err
    assert b"terminate" not in err and b"Traceback" not in err


def test_leaving_a_batch_early_then_exiting_is_clean():
    code = ("import standpoints\n"
            "items = ['Russia warned NATO about the talks in Geneva. ' * 20000] * 8\n"
            "it = standpoints.analyze_many(items, workers=2)\n"
            "next(it)\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=300)
    assert r.returncode == 0, r.stderr
