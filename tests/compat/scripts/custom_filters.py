"""A jinja_env with custom filters, a custom test and a global function."""

import jinja2
from docxtpl import DocxTemplate


def with_suffix(value, suffix):
    return value + suffix


def plus(value, amount):
    return value + amount


jinja_env = jinja2.Environment()  # noqa: S701 -- docxtpl users write exactly this
jinja_env.filters["with_suffix"] = with_suffix
jinja_env.filters["plus"] = plus
jinja_env.tests["even_number"] = lambda n: n % 2 == 0
jinja_env.globals["unit_name"] = lambda: "机关党委"
tpl = DocxTemplate("templates/custom_filters_tpl.docx")
tpl.render({"branch": "教工第二", "amount": 99.5, "count": 4}, jinja_env)
tpl.save("output/custom_filters.docx")
