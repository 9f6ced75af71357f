"""--fix and --update-baseline write through links, keep mode, owner and group, and refuse read-only files and
files with several hard links unless --force-write is given (issue item 11)."""

from __future__ import annotations

import os
import stat

import pytest

from prose_lint.cli import main

BAD = "We met in order to plan the launch.\n"
FIXED = "We met to plan the launch.\n"


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / ".prose-lint.toml").write_text('select = ["wordy"]\n')
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_fix_writes_through_a_symlink(project):
    (project / "real").mkdir()
    target = project / "real" / "chapter.md"
    target.write_text(BAD)
    link = project / "chapter.md"
    link.symlink_to(os.path.join("real", "chapter.md"))
    assert main(["check", "--fix", "chapter.md"]) == 0
    assert link.is_symlink() and os.readlink(link) == os.path.join("real", "chapter.md")
    assert target.read_text() == FIXED
    assert not [p for p in project.rglob("*.prose-lint.tmp")]


def test_fix_keeps_mode_owner_and_group(project):
    target = project / "chapter.md"
    target.write_text(BAD)
    os.chmod(target, 0o640)
    if os.getuid() == 0:
        os.chown(target, 4321, 4322)  # root: another user's file must stay theirs
        owner = (4321, 4322)
    else:
        owner = (os.getuid(), os.getgroups()[-1] if os.getgroups() else os.getgid())
        os.chown(target, -1, owner[1])
    assert main(["check", "--fix", "chapter.md"]) == 0
    info = os.stat(target)
    assert target.read_text() == FIXED
    assert stat.S_IMODE(info.st_mode) == 0o640
    assert (info.st_uid, info.st_gid) == owner


def test_read_only_file_is_refused_unless_forced(project, capsys):
    target = project / "chapter.md"
    target.write_text(BAD)
    os.chmod(target, 0o444)
    assert main(["check", "--fix", "chapter.md"]) == 2
    err = capsys.readouterr().err
    assert "prose-lint: error: chapter.md: is read-only; not fixed" in err and "Traceback" not in err
    assert target.read_text() == BAD
    assert main(["check", "--fix", "--force-write", "chapter.md"]) == 0
    assert target.read_text() == FIXED
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o444


def test_hard_linked_file_is_refused_unless_forced(project, capsys):
    target = project / "chapter.md"
    target.write_text(BAD)
    other = project / "copy.md"
    os.link(target, other)
    assert main(["check", "--fix", "chapter.md"]) == 2
    err = capsys.readouterr().err
    assert "chapter.md: has 2 hard links; not fixed" in err and "Traceback" not in err
    assert target.read_text() == BAD and other.read_text() == BAD
    assert main(["check", "--fix", "--force-write", "chapter.md"]) == 0
    # written in place: both names still share one inode and both see the fix
    assert os.stat(target).st_ino == os.stat(other).st_ino
    assert other.read_text() == FIXED


def test_update_baseline_writes_through_a_symlink_and_refuses_read_only(project, capsys):
    (project / "chapter.md").write_text(BAD)
    (project / "shared").mkdir()
    real = project / "shared" / "baseline.json"
    real.write_text('{"version": 1, "fingerprints": {}}\n')
    link = project / "baseline.json"
    link.symlink_to(real)
    assert main(["check", "chapter.md", "--baseline", "baseline.json", "--update-baseline"]) == 0
    assert link.is_symlink() and "chapter.md" in real.read_text()
    capsys.readouterr()
    os.chmod(real, 0o444)
    before = real.read_text()
    (project / "chapter.md").write_text(BAD + "\nIn order to see it.\n")
    assert main(["check", "chapter.md", "--baseline", "baseline.json", "--update-baseline"]) == 2
    err = capsys.readouterr().err
    assert "baseline.json: is read-only; baseline not written" in err and "Traceback" not in err
    assert real.read_text() == before
