"""Bad input through the Python API: a ReadError naming the file, line and reason; nothing lost."""

from __future__ import annotations

import pytest
import standpoints
from standpoints import ReadError, StandpointsError


def read_error(path, **kw) -> ReadError:
    with pytest.raises(ReadError) as info:
        standpoints.read(path, **kw)
    e = info.value
    assert isinstance(e, ValueError) and isinstance(e, StandpointsError)
    assert e.path == str(path) and str(path) in str(e)
    assert e.reason and e.reason in str(e)
    return e


def test_invalid_utf8_names_the_byte_offset_and_line(write):
    data = b"Title\n20220203\nhttps://a.org/\nfine line\nbad \xc3\x28 here\n"
    e = read_error(write("a.txt", data))
    assert e.byte_offset == data.index(b"\xc3\x28")
    assert e.line == 5
    assert "UTF-8" in e.reason and str(e.byte_offset) in e.reason


@pytest.mark.parametrize("bad", [b"\xff", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xe2\x82"])
def test_invalid_sequences(write, bad):
    data = b"Title\nok " + bad + b" end\n"
    e = read_error(write("a.txt", data))
    assert e.byte_offset == len(b"Title\nok ")
    doc = standpoints.Analyzer(errors="replace").read(write("b.txt", data))
    assert doc.title == "Title"
    assert doc.paragraphs[1].text == data[len(b"Title\n"):].strip().decode("utf-8", "replace")


def test_truncated_sequence_at_end_of_file(write):
    e = read_error(write("a.txt", b"Title\nend \xe2\x82"))
    assert e.byte_offset == len(b"Title\nend ")


def test_bom_then_invalid(write):
    # the offset counts bytes of the file, BOM included
    data = b"\xef\xbb\xbfTitle\n\xff\n"
    e = read_error(write("a.txt", data))
    assert e.byte_offset == data.index(b"\xff")


def test_empty_file(write):
    e = read_error(write("a.txt", b""))
    assert "empty" in e.reason


def test_whitespace_only_file(write):
    read_error(write("a.txt", " \n\r\n\t\u3000\n".encode()))


def test_binary_file(write):
    read_error(write("a.bin", bytes(range(256)) * 8))


def test_nul_byte(write):
    data = b"Title\n20220203\nhttps://a.org/\nbody\x00more\n"
    e = read_error(write("a.txt", data))
    assert "NUL" in e.reason and e.line == 4 and e.byte_offset == data.index(b"\x00")


def test_nul_byte_is_an_error_also_with_replace(write):
    with pytest.raises(ReadError):
        standpoints.Analyzer(errors="replace").read(write("a.txt", b"T\nx\x00y\n"))


def test_utf16_file_is_an_error_not_garbage(write):
    read_error(write("a.txt", "Title\nBody text.\n".encode("utf-16")))


def test_a_folder_is_an_error(tmp_path):
    with pytest.raises((ReadError, OSError)) as info:
        standpoints.read(tmp_path)
    assert str(tmp_path) in str(info.value)


def test_readerror_fields():
    e = ReadError("bad thing", "x.txt", 3, 17)
    assert (e.reason, e.path, e.line, e.byte_offset) == ("bad thing", "x.txt", 3, 17)
    assert str(e) == "x.txt:3: bad thing"
    assert str(ReadError("bad")) == "<input>: bad"
