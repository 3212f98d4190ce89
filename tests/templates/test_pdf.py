"""Each built template, rendered and converted by a direct ``soffice`` call, shows its data."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.templates.conftest import case_id
from tests.templates.reading import Docx

#: Data each rendered document must show in its PDF text (the full fixtures).
EXPECTED = {
    "plans/zhenggai-fangan": ["整改方案", "一、指导思想", "五、保障措施", "理论学习的系统性"],
    "plans/dangfei-gongshi": ["党费交纳情况公示", "甘海涛", "257.20", "应交29578.08元"],
    "plans/dangfei-taizhang": ["党费收缴台账", "12860.00", "1—12月", "（大写：贰万玖仟"],
    "reports/dangfei-jianmian-shenqing": [
        "甘海涛同志少交党费",
        "258.60",
        "壹佰叁拾捌元陆角",
        "关于石鸣川同志少交党费的申请",
        "特申请2026年12月按30.00元交纳党费",
        "肆拾捌元壹角伍分",
    ],
    "plans/dangfei-shangjiao": ["党费上交汇总单", "7429.17", "全年实收29578.08元", "经手人"],
    "plans/zhenggai-taizhang": ["整改台账", "整改措施", "整改状态", "程一帆", "长期坚持"],
    "plans/niandu-gongzuo-jihua": ["2026年工作计划", "四、月度安排", "研究部署全年工作"],
    "plans/xuexi-anpai-biao": ["学习活动年度安排表", "参加人员", "回望来路", "孟庆岚"],
    "plans/zhuti-dangri-jihua": ["主题党日活动计划", "三、月度主题", "校企联建"],
    "plans/minzhu-ceping-biao": ["民主评议党员测评表", "编号：30（共30份）", "甘海涛", "基本合格"],
    "reports/minzhu-pingyi-pingding": ["评定意见", "有效21份、无效1份", "甘海涛", "57.1%"],
    "reports/minzhu-pingyi-tongbao": ["结果的通报", "支部全体党员：", "杭卫东", "二、有关要求"],
    "reports/qiandao-biao": ["支部党员大会签到表", "本人签名", "何嘉禾", "预备党员1人"],
    "reports/sanhui-yike-baobei": ["计划报备表", "支委会12次", "研究部署全年工作", "孟庆岚"],
    "reports/yingxiang-ziliao": ["主题党日活动影像资料", "共6张照片", "14:55", "过政治生日"],
    "reports/zhiweihui-jilu": ["支委会记录", "信息楼A座418会议室", "表决通过", "何嘉禾"],
    "speeches/dangke-jianggao": ["从党章看新时代党员教师的标准", "孟庆岚", "（三）师德上过关"],
    "speeches/peixunban-kaiban": ["开班式上的讲话", "温致远", "一是把抓党建当作分内事"],
    "speeches/qiyi-biaozhang": ["守初心", "（2026年7月1日）", "三、从严律己"],
    "speeches/zuzhi-shenghuohui-zhuchici": ["组织生活会主持词", "23名", "第五项议程"],
    "reports/wenti-duice": ["一、存在的困难和问题", "针对学习形式比较单一", "2026年10月28日"],
    "reports/jingyan-jiaoliu": ["——信息工程学院教工第一党支部", "一、联学促思想", "批评指正"],
    "reports/niandu-zongjie": ["2026年度工作总结", "三、下一步工作打算", "何嘉禾"],
    "reports/zhenggai-qingkuang-baogao": ["整改情况的报告", "12个问题中", "予以销号", "长期坚持"],
    "reports/dangyuan-dahui-jilu": ["支部党员大会记录", "有表决权", "赞成19票", "表决通过"],
    "reports/dangxiaozu-jilu": ["党小组会记录", "第一党小组", "三、议定事项", "谈心谈话"],
    "reports/dangke-jilu": ["党课记录", "一、党课提纲", "（三）对照标准找差距"],
    "reports/zhuti-dangri-jilu": [
        "主题党日活动记录",
        "规定动作",
        "完成规定动作4项",
        "三、志愿服务",
    ],
    "reports/zuzhi-shenghuohui-jilu": ["组织生活会记录", "民主评议党员", "优秀5名", "基本合格"],
    "reports/zuzhi-shenghuohui-tongzhi": ["的通知", "（星期三）14:00", "四、会前准备", "邵嘉明"],
    "reports/fazhan-dahui-jueyi": [
        "按期转为中共正式党员的决议",
        "实到20名，超过半数",
        "赞成19票，反对0票，",
        "2026年11月19日",
    ],
    "reports/fazhan-dahui-jilu": [
        "何嘉禾同志转正问题的支部党员大会记录",
        "另有预备党员3名到会",
        "会前书面表示",
        "赞成共20票",
        "表决通过",
    ],
    "reports/fazhan-zhiweihui-jilu": [
        "为入党积极分子的支委会记录",
        "2026年4月16日",
        "经群团组织推优",
        "记录人（签字）：",
    ],
    "reports/fazhan-beian-baogao": [
        "为入党积极分子的备案报告",
        "中共星河大学信息工程学院委员会：",
        "特此报告，请予备案。",
        "2026年4月23日",
    ],
    "reports/fazhan-yushen-qingshi": [
        "进行发展党员预审的请示",
        "入党介绍人为裴文博、贺知秋",
        "请予预审。",
        "2026年12月1日",
    ],
    "reports/fazhan-baopi-qingshi": [
        "关于接收纪明月同志为中共预备党员的请示",
        "实到19名",
        "请审批。",
        "2026年10月15日",
    ],
    "reports/fazhan-tanhua-jilu": [
        "入党谈话记录",
        "黎晓雯",
        "谈话内容",
        "谈话对象（签字）：",
    ],
    "reports/fazhan-guidang-mulu": [
        "发展党员档案材料目录",
        "支部党员大会讨论转正的决议",
        "2026年12月1日",
        "审核人（签字）：",
    ],
    "reports/fazhan-tuijian-piao": ["推荐入党积极分子推荐票", "方晴川", "不同意", "按弃权计"],
    "reports/fazhan-tuijian-tongji": ["推荐情况统计表", "易思远", "收回推荐票", "监票人（签字）："],
    "reports/fazhan-zhengshen-baogao": ["政治审查综合报告", "柏子衿", "亲属和社会关系", "1月15日"],
    "reports/fazhan-hantiao-xin": ["关于协助进行政治审查的函", "（关系）", "寄回我支部", "8800"],
    "reports/fazhan-biaojue-piao": ["支部党员大会表决票", "接收柏子衿同志为中共预备党员", "不同意"],
    "reports/fazhan-jipiao-dan": ["表决计票单", "接收简书白同志为中共预备党员", "书面赞成"],
    "reports/fazhan-dahui-zhuchici": ["支部党员大会主持词", "一、讨论柏子衿同志", "现在散会。"],
    "reports/fazhan-gongshi": [
        "拟转为中共正式党员的公示",
        "入党介绍人贺知秋、程一帆。",
        "2026年11月9日至2026年11月13日",
        "组织委员邵嘉明",
    ],
    "reports/fazhan-jishi-biao": [
        "发展党员全程纪实表",
        "党组织派人谈话",
        "2026年5月14日",
        "支部党员大会",
        "支部书记签字",
    ],
    "reports/duizhao-jiancha": ["对照检查材料", "（六）制度建设方面", "三、产生问题的原因"],
}


@pytest.fixture(scope="module")
def pdf_texts(
    rendered: dict[tuple[str, str], Docx], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, str]:
    """The pdftotext output of every full render, from one LibreOffice call."""
    for tool in ("soffice", "pdftotext"):
        assert shutil.which(tool), f"{tool} is needed for this test (see scripts/apt-packages.txt)"
    folder = tmp_path_factory.mktemp("pdf")
    names = {}
    for (name, variant), doc in rendered.items():
        if variant == "full":
            path = folder / f"{case_id((name, variant)).replace('/', '__')}.docx"
            path.write_bytes(doc.blob)
            names[name] = path
    subprocess.run(
        [
            "soffice",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *map(str, names.values()),
        ],
        capture_output=True,
        check=True,
        timeout=180,
    )
    texts = {}
    for name, path in names.items():
        pdf = path.with_suffix(".pdf")
        texts[name] = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
    return texts


@pytest.mark.real
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_pdf_shows_data(pdf_texts: dict[str, str], name: str) -> None:
    """The PDF text holds the template's wording, the fixture's data and a page number."""
    text = pdf_texts[name].replace(" ", "")
    for phrase in EXPECTED[name]:
        assert phrase in text, phrase
    assert "—1—" in text


def test_every_built_template_has_expected_phrases() -> None:
    """Each template built from the catalogue is covered by the PDF test above."""
    from tests.templates.conftest import built_templates

    assert {m.name for m in built_templates()} == set(EXPECTED)
