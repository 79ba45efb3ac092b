"""What the commands share: atomic output files and the errors of writing them."""
from __future__ import annotations

import errno
import io
import os

import pytest

from qfacts.cli import common
from qfacts.cli.common import GuardedStream, OutputError, atomic_output, probe_output


class FullDisk(io.StringIO):
    """A stream that fails like a full disk after ``room`` characters."""

    def __init__(self, room: int = 0) -> None:
        super().__init__()
        self.room = room

    def write(self, text: str) -> int:
        if self.tell() + len(text) > self.room:
            raise OSError(errno.ENOSPC, "No space left on device")
        return super().write(text)


def deny_new_files(monkeypatch):
    """mkstemp fails as in a read-only folder (chmod does not stop root, so the error is simulated)."""
    def mkstemp(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(common.tempfile, "mkstemp", mkstemp)


def fill_the_disk(monkeypatch, room: int = 0):
    """Files opened by atomic_output fail with ENOSPC once ``room`` characters are written."""
    real = os.fdopen

    class Full:
        def __init__(self, fh):
            self.fh, self.written = fh, 0

        def write(self, text):
            if self.written + len(text) > room:
                raise OSError(errno.ENOSPC, "No space left on device")
            self.written += len(text)
            return self.fh.write(text)

        def __getattr__(self, name):
            return getattr(self.fh, name)

    monkeypatch.setattr(common.os, "fdopen", lambda fd, *a, **k: Full(real(fd, *a, **k)))


def test_atomic_output_replaces_the_file_only_at_the_end(tmp_path):
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    with atomic_output(str(target)) as fh:
        fh.write("new\n")
        assert target.read_text(encoding="utf-8") == "old\n"
    assert target.read_text(encoding="utf-8") == "new\n"
    assert os.listdir(tmp_path) == ["out.jsonl"]


def test_a_folder_that_cannot_hold_a_file_is_an_early_output_error(tmp_path, monkeypatch):
    deny_new_files(monkeypatch)
    target = tmp_path / "out.jsonl"
    with pytest.raises(OutputError) as caught:
        with atomic_output(str(target)):
            pytest.fail("the block must not run")
    assert caught.value.early and caught.value.exit_code == 2
    assert str(caught.value) == f"--output {target}: cannot create a file in {tmp_path}: permission denied"


def test_a_full_disk_is_an_output_error_naming_the_path_and_the_old_file_stays(tmp_path, monkeypatch):
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    fill_the_disk(monkeypatch, room=3)
    with pytest.raises(OutputError) as caught:
        with atomic_output(str(target)) as fh:
            fh.write("abc")
            fh.write("def")
    assert not caught.value.early and caught.value.exit_code == 1
    assert str(caught.value) == f"--output {target}: no space left on device; {target} is left as it was"
    assert target.read_text(encoding="utf-8") == "old\n"
    assert os.listdir(tmp_path) == ["out.jsonl"]


def test_a_full_disk_on_a_new_file_says_it_was_not_written(tmp_path, monkeypatch):
    target = tmp_path / "out.jsonl"
    fill_the_disk(monkeypatch)
    with pytest.raises(OutputError, match="not written$"):
        with atomic_output(str(target)) as fh:
            fh.write("abc")
    assert os.listdir(tmp_path) == []


def test_a_long_valid_file_name_still_gets_its_temporary_file(tmp_path):
    target = tmp_path / ("n" * 240 + ".jsonl")  # 246 characters: valid, but not with a temporary prefix added
    with atomic_output(str(target)) as fh:
        fh.write("x\n")
    assert target.read_text(encoding="utf-8") == "x\n"


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="needs /dev/null")
def test_a_device_is_written_in_place_never_replaced():
    before = os.stat("/dev/null")
    with atomic_output("/dev/null") as fh:
        fh.write("discarded\n")
    after = os.stat("/dev/null")
    assert (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)


def test_an_interrupted_block_leaves_the_old_file_and_no_temporary_file(tmp_path):
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(common.Terminated):
        with atomic_output(str(target)) as fh:
            fh.write("half")
            raise common.Terminated()
    assert os.listdir(tmp_path) == ["out.jsonl"] and target.read_text(encoding="utf-8") == "old\n"


def test_probe_output_fails_early_and_leaves_nothing(tmp_path, monkeypatch):
    probe_output(str(tmp_path / "snapshot.jsonl"), "--expect")
    assert os.listdir(tmp_path) == []
    deny_new_files(monkeypatch)
    with pytest.raises(OutputError, match=r"^--expect .*snapshot.jsonl: cannot create a file in .*: permission denied$"):
        probe_output(str(tmp_path / "snapshot.jsonl"), "--expect")


def test_guarded_stream_names_the_stream_and_lets_a_closed_pipe_through():
    with pytest.raises(OutputError, match="^standard output: no space left on device$"):
        GuardedStream(FullDisk(), "standard output").write("x")

    class Closed(io.StringIO):
        def write(self, text):
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")

    with pytest.raises(BrokenPipeError):
        GuardedStream(Closed(), "standard output").write("x")


def test_collection_is_paused_while_the_pipeline_loads_then_what_loaded_is_frozen():
    import gc

    was_enabled, frozen_before = gc.isenabled(), gc.get_freeze_count()
    gc.enable()
    try:
        with common.collection_paused():
            assert not gc.isenabled()
            kept = [[i] for i in range(1000)]  # tracked objects made while loading
        assert gc.isenabled()
        assert gc.get_freeze_count() >= frozen_before + len(kept)
        gc.disable()
        with common.collection_paused():
            pass
        assert not gc.isenabled()  # a caller's own pause is left as it was
        with pytest.raises(ValueError):
            with common.collection_paused():
                raise ValueError("bad model")
        assert not gc.isenabled()
    finally:
        gc.unfreeze()
        if was_enabled:
            gc.enable()
        else:
            gc.disable()
