"""Hatchling build hook: puts the static `feedsafe` binary into the wheel.

`scripts/build-wheel.sh` sets FEEDSAFE_WHEEL_BINARY to the binary `scripts/build-static.sh` built
and FEEDSAFE_WHEEL_PLATFORM to the platform tag that binary needs (read off its glibc symbol
versions). The wheel then holds `feedsafe/bin/feedsafe` and is tagged `py3-none-<platform>`, so
pip installs it only where the binary runs. Without FEEDSAFE_WHEEL_BINARY the wheel is pure
Python (`py3-none-any`) and finds a binary at run time (see `feedsafe/binary.py`).
"""

import os
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class BundledBinaryHook(BuildHookInterface):
    """Adds the binary and the platform tag to a wheel build when a binary is given."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        binary = os.environ.get("FEEDSAFE_WHEEL_BINARY")
        if self.target_name != "wheel" or not binary:
            return
        if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
            raise RuntimeError(f"FEEDSAFE_WHEEL_BINARY={binary} is not an executable file")
        platform = os.environ.get("FEEDSAFE_WHEEL_PLATFORM", "linux_x86_64")
        build_data["force_include"][binary] = "feedsafe/bin/feedsafe"
        build_data["pure_python"] = False
        build_data["tag"] = f"py3-none-{platform}"
