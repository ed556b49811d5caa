"""CLI exit codes and Dutch output, via subprocess (python -m knowledge)."""
from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

from knowledge import cli
from knowledge.store import build_store

from conftest import FIXTURE_CONTENT, ROOT, subprocess_env


@pytest.fixture
def built_url(sqlite_url, content_dir):
    build_store(sqlite_url, content_dir)
    return sqlite_url


def run(*args, url=None, **env):
    command = [sys.executable, "-m", "knowledge", *args]
    extra = {"WERKBAAR_KNOWLEDGE_URL": url} if url else {}
    extra.update(env)
    return subprocess.run(command, capture_output=True, text=True, cwd=str(ROOT),
                          env=subprocess_env(**extra), timeout=120)


def test_zoek_prints_ranked_hits(built_url):
    result = run("zoek", "supported employment", "--doelgroep", "professional",
                 "--aantal", "2", url=built_url)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("1. Supported employment helpt bij psychische aandoeningen")
    assert "[bewezen (niveau 1)]" in out
    assert "individual placement and support" in " ".join(out.split())  # professional text
    assert "Bron: Multidisciplinaire richtlijn Chronisch zieken en werk" in out
    assert "paragraaf 2.1" in out
    many = run("zoek", "vermoeidheid werktijden", "--aantal", "2", url=built_url).stdout
    assert "\n2. " in many and "\n3. " not in many


def test_zoek_nothing_found_exit_1(built_url):
    result = run("zoek", "xqzwv", url=built_url)
    assert result.returncode == 1
    assert "Niets gevonden" in result.stdout


def test_organisaties_known_condition(built_url):
    result = run("organisaties", "MS", url=built_url)
    assert result.returncode == 0, result.stderr
    assert "Organisaties en coaches voor Multiple sclerose (MS):" in result.stdout
    assert "http://msvereniging.nl/ms-coaches/" in result.stdout
    assert "Algemene organisaties en hulpmiddelen:" in result.stdout


def test_organisaties_unknown_condition_gives_umbrella(built_url):
    result = run("organisaties", "lupus", url=built_url)
    assert result.returncode == 0, result.stderr
    assert "De aandoening 'lupus' ken ik niet" in result.stdout
    assert "Ieder(in)" in result.stdout and "https://iederin.nl/leden/" in result.stdout


def test_organisaties_no_results_exit_1(tmp_path):
    content = tmp_path / "zonder_organisaties"
    content.mkdir()
    (content / "conditions.yaml").write_text((FIXTURE_CONTENT / "conditions.yaml").read_text())
    (content / "items.yaml").write_text(
        "items:\n  - id: a\n    kind: achtergrond\n    title: T\n    text: T.\n"
        "    audiences: [werkende]\n    themes: [werkdruk]\n"
        "    source: {document: ser, section: Inleiding}\n")
    url = f"sqlite:///{tmp_path / 'leeg.db'}"
    build_store(url, content)
    result = run("organisaties", "MS", url=url)
    assert result.returncode == 1
    assert "Geen organisaties gevonden." in result.stdout


def test_bad_usage_exit_2(built_url):
    assert run("zoek", url=built_url).returncode == 2
    assert run("onzin", url=built_url).returncode == 2
    assert run("zoek", "x", "--doelgroep", "iedereen", url=built_url).returncode == 2
    assert run("kennisbank", url=built_url).returncode == 2
    assert run("zoek", "x", "--aantal", "0", url=built_url).returncode == 2


def test_missing_store_exit_3(tmp_path):
    result = run("zoek", "moe", url=f"sqlite:///{tmp_path / 'geen.db'}")
    assert result.returncode == 3
    assert "De kennisbank ontbreekt" in result.stderr


def test_kennisbank_laden_en_controleren(tmp_path, content_dir):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    first = run("kennisbank", "laden", "--inhoud", str(content_dir), url=url)
    assert first.returncode == 0, first.stderr
    assert "Kennisbank opnieuw opgebouwd: 10 adviezen" in first.stdout
    second = run("kennisbank", "laden", "--inhoud", str(content_dir), url=url)
    assert "was al actueel" in second.stdout
    check = run("kennisbank", "controleren", "--inhoud", str(content_dir), url=url)
    assert check.returncode == 0 and "actueel en leesbaar" in check.stdout
    path = content_dir / "items.yaml"
    path.write_text(path.read_text().replace("Een gesprek met", "Een fijn gesprek met"))
    stale = run("kennisbank", "controleren", "--inhoud", str(content_dir), url=url)
    assert stale.returncode == 1 and "verouderd" in stale.stdout
    path.write_text(path.read_text().replace("themes: [concentratie]", "themes: [focus]"))
    broken = run("kennisbank", "laden", "--inhoud", str(content_dir), url=url)
    assert broken.returncode == 3
    assert "items.yaml, item 'rl-3.2-concentratie', veld 'themes'" in broken.stderr


def test_register_adds_subcommands_to_another_parser(built_url, capsys):
    parser = argparse.ArgumentParser(prog="werkbaar")
    cli.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["organisaties", "multiple", "sclerose", "--database", built_url])
    assert args.func(args) == 0
    assert "MS Vereniging Nederland" in capsys.readouterr().out
    assert cli.main(["zoek", "werkplekaanpassingen", "--database", built_url]) == 0
