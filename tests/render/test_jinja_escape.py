import jinja2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup, escape

from newsgen.render.jinja_escape import EscapingEnvironment, escaped

TEMPLATES = {
    "base.html": "<title>{% block title %}{{ title }}{% endblock %}</title>{% block body %}{% endblock %}",
    "page.html": """{% extends "base.html" %}
{% block body %}<p title="{{ title }}">{{ title }} {{ count }} {{ safe }} {{ items|length }} {{ missing_ok|default("d") }}</p>
{% for item in items %}<li>{{ item }}{{ loop.index if loop is defined else "" }}</li>{% endfor %}
{% set held %}<b>{{ title }}</b>{% endset %}{{ held }} {{ title ~ "&" ~ safe }} {{ title|upper }}
{% macro cell(v) %}<td>{{ v }}</td>{% endmacro %}{{ cell(title) }}{{ cell(safe) }}
{% autoescape false %}{{ raw }}{% endautoescape %}{{ data|tojson }}{% include "part.html" %}{% endblock %}""",
    "part.html": "{% for k, v in data.items() %}<i>{{ k }}={{ v }}</i>{% endfor %}",
}


def _render(environment_class, **values) -> str:
    env = environment_class(loader=jinja2.DictLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined)
    return env.get_template("page.html").render(**values)


HOSTILE = st.text(alphabet=st.sampled_from(list("<>&'\"aé\u2028 \\/{}%")), max_size=20)


@settings(max_examples=100, deadline=None)
@given(title=HOSTILE, raw=HOSTILE, items=st.lists(st.one_of(HOSTILE, st.integers()), max_size=4),
       key=HOSTILE, value=HOSTILE)
def test_pages_are_the_text_jinja_itself_renders(title, raw, items, key, value):
    values = dict(title=title, count=len(title), safe=Markup("<em>ok</em>"), items=items, raw=raw,
                  data={key: value})
    assert _render(EscapingEnvironment, **values) == _render(jinja2.Environment, **values)


@pytest.mark.parametrize("value", ['<script>"x" & \'y\'</script>', "", "plain", 3, 2.5, None,
                                   Markup("<b>kept</b>"), ["<a>"]])
def test_escaped_is_markupsafe_escape_as_text(value):
    assert escaped(value) == str(escape(value))


def test_escaped_strings_are_plain_strings():
    assert type(escaped("<a>")) is str  # no Markup object per printed value: what makes it cheaper
