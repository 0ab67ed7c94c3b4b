"""``newsnorm models``: list, browse, install and remove Argos Translate models.

``install FROM TO`` (and ``available``) are the only commands that use the network.
"""

from __future__ import annotations

import typer

from normalizer.errors import UsageError
from normalizer.translate import packages


def run_list() -> int:
    found = packages.installed_packages()
    where = packages.packages_dir()
    if not found:
        typer.echo(f"no Argos models installed in {where}; install one with "
                   "`newsnorm models install FROM TO`")
        return 0
    typer.echo(f"# {where}")
    for p in found:
        typer.echo(f"{p.from_code}\t{p.to_code}\t{p.package_version or '-'}\t{p.code}\t{p.path}")
    return 0


def run_available(index: str | None) -> int:
    installed = {(p.from_code, p.to_code): p.package_version
                 for p in packages.installed_packages()}
    for e in sorted(packages.load_index(index), key=lambda e: (e.from_code, e.to_code)):
        mark = "installed" if (e.from_code, e.to_code) in installed else ""
        typer.echo(f"{e.from_code}\t{e.to_code}\t{e.package_version or '-'}\t{e.code}\t{mark}"
                   .rstrip())
    return 0


def run_install(pair: list[str], file: str | None, index: str | None) -> int:
    if file and pair:
        raise UsageError("give either FROM TO or --file MODEL.argosmodel, not both")
    if file:
        pkg = packages.install_archive(file)
    elif len(pair) == 2:
        pkg = packages.install_from_index(pair[0], pair[1], index)
    else:
        raise UsageError("give FROM TO (e.g. `newsnorm models install fr en`) or "
                         "--file MODEL.argosmodel")
    typer.echo(f"installed {pkg.code} ({pkg.from_code} -> {pkg.to_code}, version "
               f"{pkg.package_version or '-'}) in {pkg.path}")
    return 0


def run_remove(what: list[str]) -> int:
    if len(what) not in (1, 2):
        raise UsageError("give a package code (see `newsnorm models list`) or FROM TO")
    for pkg in packages.remove_package(what[0], what[1] if len(what) == 2 else None):
        typer.echo(f"removed {pkg.code} ({pkg.from_code} -> {pkg.to_code})")
    return 0
