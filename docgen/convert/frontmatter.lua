-- docgen: keep the front matter of a .docx in the body.
-- pandoc's docx reader lifts paragraphs styled Title, Subtitle, Author, Date and Abstract out of
-- the body into metadata, so a plain HTML or Markdown conversion would lose the document title.
-- This filter puts each one back at the top, in a Div named after it (class "title" …), as
-- paragraphs rather than headings, so the heading levels stay those of the document.
local keys = {"title", "subtitle", "author", "date", "abstract"}

local function as_blocks(value)
  local kind = pandoc.utils.type(value)
  if kind == "Blocks" then
    return value
  elseif kind == "Inlines" then
    return {pandoc.Para(value)}
  elseif kind == "List" then
    local out = {}
    for _, item in ipairs(value) do
      for _, block in ipairs(as_blocks(item)) do table.insert(out, block) end
    end
    return out
  end
  return {pandoc.Para({pandoc.Str(pandoc.utils.stringify(value))})}
end

function Pandoc(doc)
  local front = {}
  for _, key in ipairs(keys) do
    local value = doc.meta[key]
    if value ~= nil then
      table.insert(front, pandoc.Div(as_blocks(value), pandoc.Attr("", {key})))
      if key == "title" then doc.meta.pagetitle = pandoc.utils.stringify(value) end
      doc.meta[key] = nil
    end
  end
  for i = #front, 1, -1 do table.insert(doc.blocks, 1, front[i]) end
  return doc
end
