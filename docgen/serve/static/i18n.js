// Words of the page in Chinese (default) and English, and json-editor's own buttons.
"use strict";
window.DOCGEN_WORDS = {
  zh: {
    brand: "docgen 党支部文书", apiDocs: "接口文档", switchTo: "English",
    chooseLead: "选择要生成的文书，填写表单，预览后下载 Word 或 PDF。",
    back: "← 返回", bringData: "导入数据（Excel/YAML/JSON）", saveYaml: "保存为 YAML",
    saveXlsx: "保存为 Excel", getDocx: "下载 Word", getPdf: "下载 PDF", preview: "预览",
    genres: { plans: "计划与方案", reports: "记录与报告", speeches: "讲话稿", bundles: "成套材料" },
    previewing: "正在生成预览…", previewReady: "预览已更新（共 {n} 页）",
    previewBlocked: "请先改正表单中的错误，预览随后更新",
    errors: "需要改正", warnings: "提醒", noProblems: "检查通过",
    working: "正在生成…", done: "已下载", failed: "失败",
    bundleOne: "一份数据，整套材料", bundleData: "选择数据文件（填好的 Excel 或 YAML）",
    bundleZip: "下载全部文书（zip）", bundleMerged: "下载合订本", chooseFile: "请先选择文件",
    batchTitle: "批量生成（按花名册每行一套）", batchRoster: "花名册（Excel/CSV）",
    batchFiles: "花名册中列出的数据文件（可多选）", batchStart: "开始批量", batchCancel: "取消",
    batchResult: "下载结果（zip）", batchReport: "下载 批量结果.xlsx",
    batchProgress: "已完成 {done} / {total} 行", batchDone: "完成：{total} 行，失败 {failed} 行",
    batchCancelled: "已取消", loaded: "已导入 {name}",
  },
  en: {
    brand: "docgen party-branch documents", apiDocs: "API docs", switchTo: "中文",
    chooseLead: "Choose a document, fill in the form, look at the preview, download Word or PDF.",
    back: "← Back", bringData: "Load data (Excel/YAML/JSON)", saveYaml: "Save as YAML",
    saveXlsx: "Save as Excel", getDocx: "Download Word", getPdf: "Download PDF", preview: "Preview",
    genres: { plans: "Plans", reports: "Minutes and reports", speeches: "Speeches", bundles: "Bundles" },
    previewing: "Making the preview…", previewReady: "Preview updated (pages: {n})",
    previewBlocked: "Fix the errors in the form; the preview follows",
    errors: "To fix", warnings: "Warnings", noProblems: "All checks pass",
    working: "Working…", done: "Downloaded", failed: "Failed",
    bundleOne: "One data file, the whole set", bundleData: "Choose the data file (filled Excel or YAML)",
    bundleZip: "Download every document (zip)", bundleMerged: "Download the bound volume",
    chooseFile: "Choose a file first",
    batchTitle: "Batch (one set per roster row)", batchRoster: "Roster (Excel/CSV)",
    batchFiles: "Data files the roster names (several allowed)", batchStart: "Start batch",
    batchCancel: "Cancel", batchResult: "Download results (zip)", batchReport: "Download 批量结果.xlsx",
    batchProgress: "{done} of {total} rows done", batchDone: "Done: {total} rows, {failed} failed",
    batchCancelled: "Cancelled", loaded: "Loaded {name}",
  },
};

if (window.JSONEditor) {
  JSONEditor.defaults.languages.zh = Object.assign({}, JSONEditor.defaults.languages.en, {
    button_add_row_title: "添加{{0}}", button_delete_row_title: "删除此{{0}}",
    button_delete_row_title_short: "删除", button_delete_all_title: "全部删除",
    button_move_down_title: "下移", button_move_up_title: "上移", button_collapse: "收起",
    button_expand: "展开", button_copy_row_title: "复制{{0}}", button_copy_row_title_short: "复制",
    button_delete_last_title: "删除最后一个{{0}}", button_object_properties: "字段",
    button_properties: "字段", button_delete_node_warning: "确定删除吗？",
  });
}
