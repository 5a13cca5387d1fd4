"""Jinja's compiled templates, with autoescaped output that skips one object per value.

With autoescape on, Jinja writes every `{{ value }}` as `escape(value)`, which
wraps the escaped text in a new `Markup` object only for the page to join it
straight away. An archive page prints a few hundred values, so that wrapping
was a quarter of the cost of rendering a large archive. Here a plain string is
escaped by markupsafe's own routine and printed as the `str` it returns; any
other value (a number, `Markup`, anything with `__html__`) still goes through
`escape`. The text is the same character for character: only printing
`{{ }}` changes; buffers, filters, macros and `~` remain Jinja's own.
"""

from __future__ import annotations

from typing import Any

import jinja2
import markupsafe
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame

# The routine markupsafe.escape runs on a str (markupsafe >= 3); where it is missing, escape itself.
_escape_text = getattr(markupsafe, "_escape_inner", markupsafe.escape)


def escaped(value: Any) -> str:
    """`markupsafe.escape(value)`, as a plain str when `value` is one."""
    return _escape_text(value) if type(value) is str else markupsafe.escape(value)


class EscapingCodeGenerator(CodeGenerator):
    def visit_Template(self, node: nodes.Template, frame: Frame | None = None) -> None:
        self.writeline(f"from {__name__} import escaped as escaped_output")
        super().visit_Template(node, frame)

    def _output_child_pre(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        if frame.eval_ctx.autoescape and not frame.eval_ctx.volatile and finalize.src is None:
            self.write("escaped_output(")
        else:
            super()._output_child_pre(node, frame, finalize)


class EscapingEnvironment(jinja2.Environment):
    code_generator_class = EscapingCodeGenerator
