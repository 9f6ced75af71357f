"""Running rules on documents: selection, options, isolation of failures, suppression."""

from __future__ import annotations

import os
import traceback

from prose_lint import env as environment
from prose_lint import patterns
from prose_lint.config import Settings
from prose_lint.diagnostic import Diagnostic, Severity
from prose_lint.errors import ConfigError, ProseLintError, ToolError
from prose_lint.parse import parse_source
from prose_lint.registry import Registry, Selection, load_registry, selector_matches
from prose_lint.result import FileResult
from prose_lint.rule import Rule, RuleContext
from prose_lint.source import Source, read_source


class Linter:
    def __init__(self, settings: Settings, registry: Registry | None = None) -> None:
        self.settings = settings
        self.registry = registry or load_registry(settings.pack_dirs)
        where = settings.where
        for selector in [*(settings.select or []), *settings.extend_select, *settings.ignore]:
            self._check_selector(selector, where)
        for _, selectors in settings.per_file_ignores:
            for selector in selectors:
                self._check_selector(selector, f"{where}: per-file-ignores")
        ignore = list(settings.ignore)
        if settings.no_grammar:
            ignore += [f for f in settings.GRAMMAR_FAMILIES if f in self.registry.rules]
        self.selection = Selection(self.registry, settings.select, settings.extend_select, ignore)
        if settings.report_unused_suppressions:
            self.selection.select.append("unused-suppression")
        self.active: list[tuple[Rule, RuleContext]] = []
        self._unknown_ids: dict[str, str | None] = {}
        for rule_id in settings.rules:
            problem = self.registry.unknown_selector(rule_id, settings.language, not settings.no_grammar) \
                if self.registry.find(rule_id) is not None else "unknown rule (see `prose-lint rules`)"
            if problem is not None:
                raise ConfigError(f"{where}: key 'rules.{rule_id}': {problem}")
        # Every configured rule's options are checked here, selected or not, so that a bad value is a
        # config error (exit 2) before any file is linted, whatever --select a run uses.
        self._options: dict[str, dict] = {}
        for rule_id, spec in settings.rules.items():
            rule = self.registry.rules.get(rule_id)
            if rule is None:
                if spec.options:  # a detail id (grammar/<LanguageTool id>) takes a severity only
                    raise ConfigError(f"{where}: key 'rules.{rule_id}': options ({', '.join(spec.options)}) "
                                      f"belong to the rule {self.registry.find(rule_id).id}, not to one of its ids")
                continue
            self._options[rule_id] = rule.validate_options(spec.options, f"{where}: rules.{rule_id}")
        for rule in self.registry:
            if not self.selection.runs(rule) or rule.id in ENGINE_RULES:
                continue
            spec = settings.rules.get(rule.id)
            options = self._options.get(rule.id) or dict(rule.options)
            severity = spec.severity if spec and spec.severity else rule.severity
            ctx = RuleContext(rule.id, severity, options, settings.language, settings.vocabulary,
                              {"languagetool": settings.languagetool, "statistics": settings.statistics})
            self.active.append((rule, ctx))
        # Twins (rules/lexicons/twins.toml): a prose-lint rule whose LanguageTool twin runs is run even
        # when it is ignored, so that ignoring it also drops the LanguageTool diagnostic of the same
        # defect (and ignoring the LanguageTool id drops the prose-lint one): see _reported(). A rule
        # that is merely not selected (select = ["grammar"]) is not run: its twin is reported.
        self.shadow: set[str] = set()
        if any(rule.id in settings.GRAMMAR_FAMILIES for rule, _ in self.active):
            from prose_lint.twins import twin_rules

            running = {rule.id for rule, _ in self.active}
            for rule_id in sorted(twin_rules() - running):
                rule = self.registry.rules.get(rule_id)
                if rule is None or not any(selector_matches(s, rule_id) for s in settings.ignore):
                    continue
                options = self._options.get(rule.id) or dict(rule.options)
                ctx = RuleContext(rule.id, rule.severity, options, settings.language, settings.vocabulary,
                                  {"languagetool": settings.languagetool, "statistics": settings.statistics})
                self.active.append((rule, ctx))
                self.shadow.add(rule.id)
        # The grammar and spelling rules share one LanguageTool service (languagetool/service.py), owned by
        # this Linter: another Linter (another configuration) has its own, and they share no state.
        self.languagetool = None
        if any(rule.id in settings.GRAMMAR_FAMILIES for rule, _ in self.active):
            from prose_lint.languagetool.service import LanguageToolService

            self.languagetool = LanguageToolService(settings.languagetool)
            for _, ctx in self.active:
                ctx.languagetool = self.languagetool

    def _check_selector(self, selector: str, where: str) -> None:
        problem = self.registry.unknown_selector(selector, self.settings.language, not self.settings.no_grammar)
        if problem is not None:
            raise ConfigError(f"{where}: {problem}")

    # ------------------------------------------------------------------
    def lint_path(self, path: str, remembered=None) -> FileResult:
        """What every executor runs for a file. ``remembered(source, lint_source)``, the warm server's
        result cache (server_cache.py), may answer for a text it has seen instead of linting it again."""
        try:
            source = read_source(path, self.settings.max_file_size)
        except ProseLintError as exc:
            return FileResult(path, error=str(exc))
        if remembered is not None:
            return remembered(source, self.lint_source)
        return self.lint_source(source)

    def lint_source(self, source: Source) -> FileResult:
        from prose_lint.suppress import apply_suppressions, parse_suppressions

        doc = parse_source(source, self.settings.markup, self.settings.language)
        result = FileResult(source.path, source.text)
        # Which language (English variety) the file was checked as: --statistics and SARIF show it.
        result.properties["language"] = dict(doc.memo("variety", lambda d: {"variety": d.language, "chosen": "configured"}))
        ignores = self._file_ignores(source.path)
        diagnostics: list[Diagnostic] = []
        twins = self._twin_rules()
        running = [(rule, ctx) for rule, ctx in self.active
                   if rule.dynamic_details or rule.id in twins or not any(selector_matches(s, rule.id) for s in ignores)]
        # Rules that started background work (LanguageTool) run last: their wait overlaps the others.
        started = {id(rule) for rule, ctx in running if rule.prepare(doc, ctx)}
        running.sort(key=lambda rc: id(rc[0]) in started)
        collected: list[tuple[Diagnostic, str]] = []  # (diagnostic, id of the rule that reported it)
        for rule, ctx in running:
            ctx.document_properties = result.properties
            try:
                found = list(rule.check(doc, ctx))
            except ToolError as exc:
                result.error = f"{source.path}: {exc}"
                continue
            except Exception as exc:  # a broken rule must not end the run
                if RAISE_INTERNAL_ERRORS:
                    raise
                diagnostics.append(_internal_error(rule, exc))
                continue
            for d in found:
                if not (0 <= d.start <= d.end <= len(doc.text)):
                    bad = ValueError(f"rule {rule.id}: region {d.start}-{d.end} outside the file {source.path}")
                    if RAISE_INTERNAL_ERRORS:
                        raise bad
                    diagnostics.append(_internal_error(rule, bad))
                    break
                collected.append((d, rule.id))
        if twins:
            from prose_lint.twins import merge_twins

            collected = merge_twins(collected)
        for d, rule_id in collected:
            if self._reported(d, rule_id, ignores):
                diagnostics.append(self._with_severity(d))
        suppressions = parse_suppressions(doc)
        diagnostics = apply_suppressions(diagnostics, suppressions)
        if self.selection.enabled("unknown-suppression-id"):
            diagnostics.extend(self._unknown_suppression_ids(suppressions))
        if self.selection.enabled("unused-suppression"):
            for s in suppressions:
                if not s.used:
                    diagnostics.append(Diagnostic("unused-suppression", Severity.INFO, s.comment[0], s.comment[1],
                                                  "suppression comment suppresses nothing"))
        result.diagnostics = sorted(set(diagnostics), key=Diagnostic.sort_key)
        return result

    def _unknown_suppression_ids(self, suppressions) -> list[Diagnostic]:
        out = []
        for s in suppressions:
            for rule_id in s.rules:
                if rule_id not in self._unknown_ids:
                    self._unknown_ids[rule_id] = self.registry.unknown_selector(
                        rule_id, self.settings.language, not self.settings.no_grammar)
                problem = self._unknown_ids[rule_id]
                if problem is not None:
                    rule = self.registry.rules["unknown-suppression-id"]
                    out.append(self._with_severity(Diagnostic(
                        rule.id, rule.severity, s.comment[0], s.comment[1], f"suppression comment: {problem}",
                        properties={"id": rule_id})))
        return out

    def _twin_rules(self) -> frozenset[str]:
        if not any(rule.id in self.settings.GRAMMAR_FAMILIES for rule, _ in self.active):
            return frozenset()
        from prose_lint.twins import twin_rules

        return twin_rules()

    def _reported(self, d: Diagnostic, rule_id: str, ignores: list[str]) -> bool:
        """Whether ``d`` (reported by rule ``rule_id``) is reported: its id is selected and not ignored
        for this file, and so is every twin id merged into it (ignoring either twin ignores both)."""
        if rule_id in self.shadow:
            return False
        if d.rule != rule_id and not self.selection.enabled(d.rule):
            return False
        from prose_lint.twins import ids_of

        for i, id_ in enumerate(ids_of(d)):
            if i and (id_ in self.shadow or not self.selection.enabled(id_)):
                return False
            if any(selector_matches(s, id_) for s in ignores):
                return False
        return True

    def _with_severity(self, d: Diagnostic) -> Diagnostic:
        """Per-rule severity from config also applies to detail ids (rules."grammar/X")."""
        best = None
        for rule_id, spec in self.settings.rules.items():
            if spec.severity and selector_matches(rule_id, d.rule):
                if best is None or len(rule_id) > len(best[0]):
                    best = (rule_id, spec.severity)
        if best and best[1] != d.severity:
            from dataclasses import replace

            return replace(d, severity=best[1])
        return d

    def _file_ignores(self, path: str) -> list[str]:
        result = []
        rel = patterns.relative(path, self.settings.root)
        for glob, selectors in self.settings.per_file_ignores:
            if patterns.matches(rel, glob):
                result.extend(selectors)
        return result


# Rules the engine reports itself (checks/internal.py): never run as rules.
ENGINE_RULES = ("internal-error", "unused-suppression", "unknown-suppression-id")


# Set by the test suite (tests/conftest.py) and by contributors debugging a rule: a rule that raises (or
# reports a region outside the file) ends the run with its traceback instead of becoming an
# internal-error diagnostic, so that a crashing rule cannot pass a test that looks only at its own ids.
RAISE_INTERNAL_ERRORS = environment.get("PROSE_LINT_RAISE_INTERNAL_ERRORS", "") not in ("", "0")


def _internal_error(rule: Rule, exc: Exception) -> Diagnostic:
    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = f" at {os.path.basename(frame.filename)}:{frame.lineno}" if frame else ""
    return Diagnostic("internal-error", Severity.ERROR, 0, 0,
                      f"rule {rule.id} failed: {type(exc).__name__}: {exc}{where}")
