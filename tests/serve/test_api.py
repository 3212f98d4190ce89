"""The HTTP API against a real ``docgen serve`` on 127.0.0.1: every endpoint, every error class."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from docx import Document

from tests.docx_builder import make_docx, p, run
from tests.hostile_docx import hyperlink, with_references
from tests.serve.conftest import Server
from tests.test_web_links_cmd import URL, web_links

pytestmark = pytest.mark.real

MINUTES = "fixtures/school/xxgc-jg1/2026/minutes/2026-11-zhiweihui.yaml"


def minutes_data(repo: Path) -> dict[str, Any]:
    data = yaml.safe_load((repo / MINUTES).read_text("utf-8"))
    data.pop("branch")  # the roster file beside the fixture is not the server's to read
    return json.loads(json.dumps(data, default=str))


def docx_text(content: bytes) -> str:
    doc = Document(io.BytesIO(content))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_templates_list_show_and_schemas(server: Server) -> None:
    with server.client() as http:
        listed = http.get("/api/templates").json()
        names = {t["name"] for t in listed}
        assert "reports/zhiweihui-jilu" in names
        shown = http.get("/api/templates/reports/zhiweihui-jilu").json()
        assert shown["kind"] == "minutes"
        assert shown["example"]["meeting_type"] == "支委会"
        assert {f["name"] for f in shown["fields"]} >= {"meeting_type", "time", "attendance"}
        form = http.get(shown["form_schema_url"]).json()
        assert form["properties"]["meeting_type"]["title"] == "会议类型"
        assert "支委会" in form["properties"]["meeting_type"]["enum"]
        assert "$ref" not in json.dumps(form)
        english = http.get(shown["form_schema_url"], headers={"Accept-Language": "en"}).json()
        assert english["properties"]["meeting_type"]["title"] == "Meeting Type"
        full = http.get(shown["schema_url"]).json()
        assert "会议类型" in json.dumps(full, ensure_ascii=False)
        kinds = http.get("/api/kinds").json()
        assert {"name": "minutes", "label": "会议记录"} in kinds
        bundles = http.get("/api/bundles").json()
        assert {b["name"] for b in bundles} >= {"zhenggai", "zuzhi-shenghuohui"}
        thumb = http.get("/api/templates/reports/zhiweihui-jilu/thumbnail.png")
        assert thumb.status_code == 200
        assert thumb.content.startswith(b"\x89PNG")


def test_render_every_format(server: Server, repo: Path) -> None:
    body = {"template": "reports/zhiweihui-jilu", "data": minutes_data(repo)}
    with server.client() as http:
        docx = http.post("/api/render", json=body)
        assert docx.status_code == 200, docx.text
        assert "审查预备党员何嘉禾同志转正材料" in docx_text(docx.content)
        assert "filename*=UTF-8''" in docx.headers["content-disposition"]
        pdf = http.post("/api/render", json=body, headers={"Accept": "application/pdf"})
        assert pdf.headers["content-type"] == "application/pdf"
        assert pdf.content.startswith(b"%PDF")
        html = http.post("/api/render", json={**body, "format": "html"})
        assert "何嘉禾" in html.text
        md = http.post("/api/render", json={**body, "format": "md"})
        assert md.headers["content-type"].startswith("text/markdown")
        assert "何嘉禾" in md.text


def test_render_with_an_uploaded_data_file(server: Server, repo: Path) -> None:
    path = repo / "fixtures/school/rectification.xlsx"
    with server.client() as http:
        answer = http.post(
            "/api/render/file",
            data={"template": "plans/zhenggai-fangan"},
            files={"file": ("整改清单.xlsx", path.read_bytes())},
        )
    assert answer.status_code == 200, answer.text
    first_problem = openpyxl.load_workbook(path)["问题清单"]["D2"].value
    assert str(first_problem)[:10] in docx_text(answer.content)


def test_invalid_data_lists_every_error_in_the_asked_language(server: Server) -> None:
    data = {"meeting_type": "支委会", "time": "不是日期", "attendance": {"due": 5, "present": "七"}}
    body = {"template": "reports/zhiweihui-jilu", "data": data}
    with server.client() as http:
        zh = http.post("/api/render", json=body)
        en = http.post("/api/render", json=body, headers={"Accept-Language": "en-GB, zh;q=0.5"})
        checked = http.post("/api/validate", json={"kind": "会议记录", "data": data}).json()
    assert zh.status_code == 422
    problems = zh.json()["error"]["problems"]
    assert {p["field"] for p in problems} >= {"time", "attendance.present"}
    assert all(p["location"].startswith("request.json:") for p in problems)
    assert zh.json()["error"]["code"] == "data_error"
    assert [p["code"] for p in en.json()["error"]["problems"]] == [p["code"] for p in problems]
    assert en.json()["error"]["problems"][0]["message"] != problems[0]["message"]
    assert en.json()["error"]["problems"][0]["message"][:10].isascii()
    assert checked["ok"] is False
    assert [p["code"] for p in checked["problems"]] == [p["code"] for p in problems]


def test_domain_rule_warnings_and_errors_before_rendering(server: Server, repo: Path) -> None:
    data = minutes_data(repo)
    data["attendance"].update(due=5, present=2, due_voting=5, present_voting=2)
    with server.client() as http:
        checked = http.post(
            "/api/validate", json={"template": "reports/zhiweihui-jilu", "data": data}
        ).json()
    codes = {p["code"] for p in checked["problems"]}
    assert "committee_quorum" in codes
    assert checked["ok"] is False


def test_a_branch_id_opens_no_file_outside_the_work_folder(server: Server, repo: Path) -> None:
    """``branch: <id>`` is not looked up in ``branches/`` folders above the work folder."""
    planted = server.workdir.parent / "branches" / "xxgc-jg1.yaml"
    planted.parent.mkdir(exist_ok=True)
    planted.write_bytes((repo / "fixtures/school/branches/xxgc-jg1.yaml").read_bytes())
    data = minutes_data(repo) | {"branch": "xxgc-jg1"}
    try:
        with server.client() as http:
            checked = http.post(
                "/api/validate", json={"template": "reports/zhiweihui-jilu", "data": data}
            ).json()
    finally:
        planted.unlink()
    assert "branch_not_found" in {p["code"] for p in checked["problems"]}


def test_error_classes(server: Server, repo: Path) -> None:
    with server.client() as http:
        bad_json = http.post(
            "/api/render", content=b"{not json", headers={"Content-Type": "application/json"}
        )
        unknown = http.post("/api/render", json={"template": "reports/nope", "data": {}})
        traversal = http.post("/api/render", json={"template": "../../etc/passwd", "data": {}})
        upload_ref = http.post("/api/render", json={"template": "upload:" + "0" * 64, "data": {}})
        kind = http.post("/api/validate", json={"kind": "recipe", "data": {}})
        refused = http.post(
            "/api/validate",
            json={
                "kind": "minutes",
                "data": {"branch_file": "/etc/passwd", "meeting_type": "支委会"},
            },
        )
        suffix = http.post("/api/validate/file", files={"file": ("a.exe", b"MZ")})
    assert bad_json.status_code == 400
    assert bad_json.json()["error"]["code"] == "bad_json"
    assert unknown.status_code == 404
    assert unknown.json()["error"]["code"] == "template_not_found"
    assert traversal.status_code == 404
    assert upload_ref.status_code == 404
    assert kind.status_code == 422
    assert kind.json()["error"]["problems"][0]["code"] == "unknown_kind"
    assert [p["code"] for p in refused.json()["problems"]] == ["file_reference_refused"]
    assert suffix.status_code == 415


def test_upload_template_checked_first_and_stored_by_hash(server: Server, repo: Path) -> None:
    good = (repo / "templates/reports/zhiweihui-jilu/template.docx").read_bytes()
    broken = _broken_template()
    with server.client() as http:
        bad = http.post("/api/templates", files={"file": ("bad.docx", broken)})
        stored = http.post("/api/templates", files={"file": ("mine.docx", good)})
        rendered = http.post(
            "/api/render",
            json={
                "template": stored.json()["template"],
                "data": {"kind": "minutes", "meeting_type": "支委会", "time": "2026-03-05"},
            },
        )
    assert bad.status_code == 422
    assert len(bad.json()["error"]["problems"]) >= 2
    assert stored.status_code == 201
    digest = stored.json()["sha256"]
    assert (server.workdir / "templates" / f"{digest}.docx").read_bytes() == good
    assert rendered.status_code == 200, rendered.text
    assert "2026年3月支委会记录" in docx_text(rendered.content).replace(" ", "")


def _broken_template() -> bytes:
    return make_docx(p(run("{{ a ")) + p(run("{% for x in y %}")) + p(run("{{ b }")))


def test_oversized_upload_is_413(server: Server) -> None:
    with server.client() as http:
        big = http.post("/api/validate/file", files={"file": ("a.yaml", b"a: 1\n" * 2_000_000)})
        huge = http.post("/api/templates", files={"file": ("t.docx", b"0" * (11 * 1024 * 1024))})
    assert big.status_code == 413
    assert big.json()["error"]["code"] == "too_large"
    assert huge.status_code == 413


def test_data_parse_and_export(server: Server, repo: Path) -> None:
    path = repo / "fixtures/school/rectification.xlsx"
    with server.client() as http:
        parsed = http.post("/api/data/parse", files={"file": ("整改.xlsx", path.read_bytes())})
        data = parsed.json()["data"]
        as_yaml = http.post(
            "/api/data/export", json={"kind": "rectification", "data": data, "format": "yaml"}
        )
        as_xlsx = http.post(
            "/api/data/export", json={"kind": "rectification", "data": data, "format": "xlsx"}
        )
    assert parsed.json()["kind"] == "rectification"
    assert data["problems"]
    again = yaml.safe_load(as_yaml.text)
    assert again["problems"][0]["title"] == data["problems"][0]["title"]
    book = openpyxl.load_workbook(io.BytesIO(as_xlsx.content))
    assert "基本信息" in book.sheetnames


def test_bundle_zip_and_merged(server: Server, repo: Path) -> None:
    data = (repo / "fixtures/school/rectification.xlsx").read_bytes()
    with server.client() as http:
        zipped = http.post(
            "/api/bundles/zhenggai", files={"file": ("整改.xlsx", data)}, data={"package": "zip"}
        )
        merged = http.post(
            "/api/bundles/zhenggai", files={"file": ("整改.xlsx", data)}, data={"package": "merged"}
        )
    assert zipped.status_code == 200, zipped.text
    names = zipfile.ZipFile(io.BytesIO(zipped.content)).namelist()
    assert len(names) == 3
    assert any("整改台账" in n for n in names)
    text = docx_text(merged.content)
    assert "整改方案" in text.replace(" ", "")
    assert "整改情况" in text.replace(" ", "")


def test_bundle_failure_keeps_its_code(server: Server, repo: Path) -> None:
    """Minutes sent to the 整改 bundle: 422 data_error (not a bare bundle_error), the kind said."""
    data = (repo / "fixtures/school/xxgc-jg1/2026/minutes/2026-03-zhiweihui.yaml").read_bytes()
    with server.client() as http:
        answer = http.post("/api/bundles/zhenggai", files={"file": ("记录.yaml", data)})
        english = http.post("/api/bundles/zhenggai?lang=en", files={"file": ("记录.yaml", data)})
    assert answer.status_code == 422, answer.text
    error = answer.json()["error"]
    assert error["code"] == "data_error"
    (problem,) = error["problems"]
    assert problem["code"] == "data_error"
    assert "需要整改（rectification）数据，这个文件是会议记录（minutes）" in problem["message"]
    assert "minutes" in english.json()["error"]["problems"][0]["message"]
    assert "需要" not in english.json()["error"]["problems"][0]["message"]


def test_pages_reference_no_external_url(server: Server) -> None:
    import re

    with server.client() as http:
        seen: set[str] = set()
        queue = ["/", "/docs"]
        while queue:
            path = queue.pop()
            if path in seen:
                continue
            seen.add(path)
            answer = http.get(path)
            assert answer.status_code == 200, path
            if path.endswith((".html", "/", "/docs")) or path.endswith(".css"):
                links = re.findall(r'(?:src|href)="([^"]+)"|url\(([^)]+)\)', answer.text)
                for found in (a or b for a, b in links):
                    target = found.strip("'\"")
                    if target.startswith(("data:", "#")):
                        continue
                    assert target.startswith("/"), f"{path} links to {target}"
                    queue.append(target)
        openapi = http.get("/openapi.json").json()
    assert {"/static/app.js", "/static/vendor/swagger-ui/swagger-ui-bundle.js"} <= seen
    assert "/api/render" in openapi["paths"]


def test_web_links_are_taken_out_unless_the_request_keeps_them(server: Server) -> None:
    """JSON and form requests: the link's text stays, the link only with keep_web_links."""
    linking = with_references(
        p("{{ a }}") + hyperlink("rIdW", "支部网站"), ("rIdW", "hyperlink", URL)
    )
    with server.client() as http:
        stored = http.post("/api/templates", files={"file": ("links.docx", linking)})
        ref = stored.json()["template"]
        asked = {"template": ref, "data": {"a": "正文"}}
        plain = http.post("/api/render", json=asked)
        kept = http.post("/api/render", json={**asked, "keep_web_links": True})
        form = http.post(
            "/api/render/file",
            data={"template": ref, "keep_web_links": "true"},
            files={"file": ("d.json", b'{"a": "x"}')},
        )
    assert stored.status_code == 201, stored.text
    for response in (plain, kept, form):
        assert response.status_code == 200, response.text
    assert web_links(plain.content) == []
    assert "支部网站" in docx_text(plain.content)
    assert web_links(kept.content) == [URL]
    assert web_links(form.content) == [URL]


def test_the_photo_page_opens_no_file_for_data_sent_to_the_service(
    server: Server, repo: Path
) -> None:
    """Photos named in data from strangers are never read (issue 14 §1): the page prints
    each caption with （照片未读取）, and no picture enters the document."""
    photo = repo / "fixtures/school/xxgc-jg1/2026/minutes/photos/2026-11-zhuti-dangri/01.jpg"
    data = {
        "meeting_type": "主题党日",
        "time": "2026-11-18 14:30",
        "photos": [{"file": str(photo), "content": "重温入党誓词"}, "../../etc/passwd"],
    }
    with server.client() as http:
        body = {"template": "reports/yingxiang-ziliao", "data": data}
        answer = http.post("/api/render", json=body)
    assert answer.status_code == 200, answer.text
    text = docx_text(answer.content)
    assert text.count("（照片未读取）") == 2
    assert "内容：重温入党誓词" in text
    with zipfile.ZipFile(io.BytesIO(answer.content)) as archive:
        assert not [n for n in archive.namelist() if n.startswith("word/media/")]
