from __future__ import annotations

import codecs

import pytest

from prose_lint.errors import SourceError
from prose_lint.source import decode, read_source, write_atomically


def test_utf8_with_and_without_bom():
    assert decode(b"caf\xc3\xa9", "a.txt").text == "café"
    src = decode(codecs.BOM_UTF8 + b"caf\xc3\xa9", "a.txt")
    assert src.text == "café" and src.encode("café!") == codecs.BOM_UTF8 + "café!".encode()


def test_utf16_with_bom():
    data = codecs.BOM_UTF16_LE + "hello".encode("utf-16-le")
    assert decode(data, "a.txt").text == "hello"


def test_undecodable_names_file_and_byte():
    with pytest.raises(SourceError, match=r"^bad\.txt: not valid UTF-8 \(invalid byte 0xff at offset 3\)"):
        decode(b"abc\xff", "bad.txt")


@pytest.mark.parametrize("data", [b"%PDF-1.4\n...", b"\x89PNG\r\n\x1a\n", b"\x00\x01\x02\x00" * 100])
def test_binary_is_rejected(data):
    with pytest.raises(SourceError, match="binary file"):
        decode(data, "x.txt")


def test_a_stray_nul_is_text():
    assert decode(b"one\x00 two three four five six seven", "n.txt").text.startswith("one\x00")


def test_empty_file():
    assert decode(b"", "e.txt").text == ""


def test_missing_and_directory(tmp_path):
    with pytest.raises(SourceError, match="no such file"):
        read_source(str(tmp_path / "nope.md"))
    with pytest.raises(SourceError, match="is a directory"):
        read_source(str(tmp_path))


def test_write_atomically_keeps_mode(tmp_path):
    target = tmp_path / "f.md"
    target.write_text("old")
    target.chmod(0o640)
    write_atomically(str(target), b"new")
    assert target.read_text() == "new"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["f.md"]
