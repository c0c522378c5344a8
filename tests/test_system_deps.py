"""scripts/system-deps.sh on a fresh machine: what it checks, what it installs, and in which order.

The script runs for real under bash, on an empty root (SYSTEM_DEPS_ROOT) with a PATH that holds
only stand-ins for `id` and `apt-get`, which record their calls instead of changing the machine.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "system-deps.sh"
ALL = ["nodejs", "npm", "chromium", "chromium-driver", "postgresql"]


def tool(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    path.chmod(0o755)


class Machine:
    """An empty root and a PATH of stand-ins; `apt-get install` fails `fail_installs` times."""

    def __init__(self, tmp: Path, uid: int = 0, fail_installs: int = 0, apt: bool = True) -> None:
        self.root, self.bin, self.log = tmp / "root", tmp / "bin", tmp / "apt.log"
        self.root.mkdir()
        self.bin.mkdir()
        (tmp / "fails").write_text(str(fail_installs))
        tool(self.bin, "id", f"echo {uid}")
        if apt:
            tool(self.bin, "apt-get", f"""echo "$*" >> {self.log}
case "$1" in update) exit 0;; esac
read n < {tmp / 'fails'}; if [ "$n" -gt 0 ]; then echo $((n - 1)) > {tmp / 'fails'}; exit 100; fi""")

    def add(self, *paths: str) -> None:
        for rel in paths:
            target = self.root / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            tool(target.parent, target.name, "exit 0")

    def run(self, mode: str = "test") -> subprocess.CompletedProcess[str]:
        env = {"PATH": str(self.bin), "SYSTEM_DEPS_ROOT": str(self.root), "HOME": str(self.root)}
        return subprocess.run(["/bin/bash", str(SCRIPT), mode], env=env, capture_output=True, text=True,
                              timeout=60, check=False)

    def calls(self) -> list[str]:
        return self.log.read_text().splitlines() if self.log.exists() else []


def test_a_fresh_machine_fetches_the_package_lists_then_installs_everything(tmp_path: Path) -> None:
    machine = Machine(tmp_path)
    result = machine.run()
    assert result.returncode == 0, result.stderr
    assert machine.calls() == ["update -q", "install -y -q " + " ".join(ALL)]
    assert result.stderr == f"system-deps: installing {' '.join(ALL)} from Debian's archive\n"


def test_with_package_lists_a_stale_index_is_refreshed_and_the_install_retried(tmp_path: Path) -> None:
    machine = Machine(tmp_path, fail_installs=1)
    machine.add("var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4")
    result = machine.run()
    assert result.returncode == 0, result.stderr
    install = "install -y -q " + " ".join(ALL)
    assert machine.calls() == [install, "update -q", install]


def test_an_install_that_fails_twice_fails_the_command(tmp_path: Path) -> None:
    machine = Machine(tmp_path, fail_installs=2)
    assert machine.run().returncode != 0


def test_building_needs_only_node_and_npm(tmp_path: Path) -> None:
    machine = Machine(tmp_path)
    assert machine.run("build").returncode == 0
    assert machine.calls()[-1] == "install -y -q nodejs npm"


def test_what_the_tests_find_is_not_installed_again(tmp_path: Path) -> None:
    machine = Machine(tmp_path)
    tool(machine.bin, "npm", "exit 0")
    machine.add("usr/bin/chromium", "usr/bin/chromedriver", "usr/lib/postgresql/15/bin/initdb",
                "usr/lib/postgresql/15/bin/pg_ctl")
    result = machine.run()
    assert result.returncode == 0 and machine.calls() == [] and result.stderr == ""


def test_chromium_elsewhere_on_the_path_is_not_what_the_tests_drive(tmp_path: Path) -> None:
    machine = Machine(tmp_path)
    for name in ("npm", "chromium", "chromedriver", "initdb", "pg_ctl"):
        tool(machine.bin, name, "exit 0")  # as a snap or a hand-built copy would be
    assert machine.run().returncode == 0
    assert machine.calls()[-1] == "install -y -q chromium chromium-driver"


def test_postgres_binaries_named_by_the_tests_variable_count(tmp_path: Path) -> None:
    machine = Machine(tmp_path)
    tool(machine.bin, "npm", "exit 0")
    machine.add("usr/bin/chromium", "usr/bin/chromedriver", "opt/pg/initdb", "opt/pg/pg_ctl")
    env = {"PATH": str(machine.bin), "SYSTEM_DEPS_ROOT": str(machine.root),
           "NEWSEVENTS_PG_BIN": str(machine.root / "opt" / "pg")}
    result = subprocess.run(["/bin/bash", str(SCRIPT), "test"], env=env, capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0 and machine.calls() == []


@pytest.mark.parametrize(("uid", "apt"), [(1000, True), (0, False)])
def test_without_root_or_apt_it_names_the_packages_and_fails(tmp_path: Path, uid: int, apt: bool) -> None:
    machine = Machine(tmp_path, uid=uid, apt=apt)
    result = machine.run()
    assert result.returncode == 1 and machine.calls() == []
    (line,) = result.stderr.splitlines()
    assert line.startswith("system-deps: missing " + " ".join(ALL))


def test_the_script_is_what_make_calls() -> None:
    makefile = (SCRIPT.parents[1] / "Makefile").read_text(encoding="utf-8")
    assert "bash scripts/system-deps.sh build" in makefile and "bash scripts/system-deps.sh test" in makefile
