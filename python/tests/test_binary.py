"""The binary lookup order: FEEDSAFE_BINARY, the wheel's bundled binary, PATH, a checkout."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import feedsafe
from feedsafe import binary


def _fake(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\nexit 0\n")
    path.chmod(0o755)
    return path


@pytest.fixture
def nowhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No FEEDSAFE_BINARY, no bundled binary, an empty PATH, a working directory outside any
    checkout, and this package's own folder not inside one either."""
    monkeypatch.delenv("FEEDSAFE_BINARY", raising=False)
    monkeypatch.setattr(binary, "BUNDLED", tmp_path / "wheel" / "bin" / "feedsafe")
    monkeypatch.setattr(binary, "__file__", str(tmp_path / "site" / "feedsafe" / "binary.py"))
    monkeypatch.setenv("PATH", str(tmp_path / "empty-path"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_nothing_found_is_a_clear_error_listing_every_place(nowhere: Path) -> None:
    with pytest.raises(feedsafe.BinaryNotFoundError) as caught:
        feedsafe.find_binary()
    message = caught.value.message
    for place in ("FEEDSAFE_BINARY", "bundled in the wheel", "PATH", ".build/release/feedsafe"):
        assert place in message
    assert isinstance(caught.value, FileNotFoundError)


def test_a_checkout_build_is_found_from_the_working_directory(nowhere: Path) -> None:
    (nowhere / "clone").mkdir()
    (nowhere / "clone" / "Package.swift").write_text("// swift-tools-version: 6.1\n")
    built = _fake(nowhere / "clone" / ".build" / "release" / "feedsafe")
    os.chdir(nowhere / "clone")
    assert feedsafe.find_binary() == built


def test_path_comes_before_a_checkout_and_the_bundle_before_path(
    nowhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (nowhere / "Package.swift").write_text("// swift-tools-version: 6.1\n")
    _fake(nowhere / ".build" / "release" / "feedsafe")
    on_path = _fake(nowhere / "empty-path" / "feedsafe")
    assert feedsafe.find_binary() == on_path
    bundled = _fake(binary.BUNDLED)
    assert feedsafe.find_binary() == bundled
    explicit = _fake(nowhere / "mine" / "feedsafe")
    monkeypatch.setenv("FEEDSAFE_BINARY", str(explicit))
    assert feedsafe.find_binary() == explicit


def test_a_wrong_feedsafe_binary_is_an_error_not_skipped(
    nowhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake(binary.BUNDLED)
    monkeypatch.setenv("FEEDSAFE_BINARY", str(nowhere / "missing"))
    with pytest.raises(feedsafe.BinaryNotFoundError, match="FEEDSAFE_BINARY=.*missing"):
        feedsafe.find_binary()
