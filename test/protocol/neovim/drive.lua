-- Drives Neovim's own LSP client (0.7 and later), set up by the README's configuration ($HSCONFIG_NVIM_INIT), against
-- hsconfig's language server, headless, in a site folder the test writes; records what a user would see as JSON in
-- $HSCONFIG_NVIM_OUT, then quits. test/protocol/neovim.test.ts
-- runs it and checks the record. Nothing here knows the answers: it only asks and writes down.

local root = os.getenv('HSCONFIG_ROOT')
local out = {}
local TIMEOUT = 10000

local function write_out()
  local f = assert(io.open(os.getenv('HSCONFIG_NVIM_OUT'), 'w'))
  f:write(vim.fn.json_encode(out))
  f:close()
end

local function code_of(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or vim.NIL
end

local function codes(buf)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do table.insert(found, code_of(d)) end
  table.sort(found)
  return found
end

--- The 0-based position just inside the first `needle` in the buffer.
local function find(buf, needle)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local col = line:find(needle, 1, true)
    if col then return { line = i - 1, character = col } end
  end
  error('not in the buffer: ' .. needle)
end

local function request(buf, method, params)
  local answers = vim.lsp.buf_request_sync(buf, method, params, TIMEOUT) or {}
  for _, answer in pairs(answers) do
    if answer.err then error(method .. ': ' .. vim.inspect(answer.err)) end
    return answer.result
  end
end

local ok, problem = pcall(function()
  -- The README's configuration, as a user pastes it into init.lua (the test writes it with this checkout's server).
  dofile(os.getenv('HSCONFIG_NVIM_INIT'))
  local client
  local function attached()
    for _, c in pairs(vim.lsp.get_active_clients()) do
      if c.name == 'hsconfig' and c.initialized ~= false then client = c end
    end
    return client ~= nil
  end
  local function open(name)
    vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/' .. name))
    local buf = vim.api.nvim_get_current_buf()
    assert(vim.wait(TIMEOUT, attached, 20), 'the README configuration started no hsconfig client for ' .. name)
    return buf
  end
  local function checked(buf)
    vim.wait(TIMEOUT, function() return #vim.diagnostic.get(buf) > 0 end, 20)
    return codes(buf)
  end
  local function doc(buf) return { uri = vim.uri_from_bufnr(buf) } end

  -- The config first, so that the handset file's profile names come from it.
  local config = open('dp750.txt')
  local encoding = client.offset_encoding or 'utf-16'
  out.config = { filetype = vim.bo[config].filetype, codes = checked(config) }

  local handset = open('handsets/ipei_02c332b510.xml')
  out.handset = { filetype = vim.bo[handset].filetype, codes = checked(handset) }
  local hover = request(handset, 'textDocument/hover', { textDocument = doc(handset), position = find(handset, '<hs_name>') })
  out.hover = hover and hover.contents and (hover.contents.value or hover.contents) or vim.NIL
  local completion = request(handset, 'textDocument/completion', { textDocument = doc(handset), position = find(handset, 'Office') })
  out.completion = {}
  for _, item in ipairs((completion and (completion.items or completion)) or {}) do table.insert(out.completion, item.label) end

  -- A quick fix for the missing XML declaration, as the client's code-action request asks for it.
  local diagnostic = vim.diagnostic.get(handset)[1]
  -- As the client's own code action request builds it from the diagnostic it shows (0.7 keeps only the code aside).
  local lsp_diagnostic = {
    range = { start = { line = diagnostic.lnum, character = diagnostic.col }, ['end'] = { line = diagnostic.end_lnum, character = diagnostic.end_col } },
    message = diagnostic.message,
    severity = diagnostic.severity,
    source = diagnostic.source,
    code = code_of(diagnostic),
  }
  local actions = request(handset, 'textDocument/codeAction', {
    textDocument = doc(handset),
    range = lsp_diagnostic.range,
    context = { diagnostics = { lsp_diagnostic } },
  }) or {}
  out.actions = {}
  for _, a in ipairs(actions) do table.insert(out.actions, a.title) end
  local fix = actions[1]
  vim.lsp.util.apply_workspace_edit(fix.edit, encoding)
  vim.wait(TIMEOUT, function() return #vim.diagnostic.get(handset) == 0 end, 20)
  out.after_fix = { first_line = vim.api.nvim_buf_get_lines(handset, 0, 1, false)[1], codes = codes(handset) }

  local edits = request(handset, 'textDocument/formatting', { textDocument = doc(handset), options = { tabSize = 2, insertSpaces = true } }) or {}
  vim.lsp.util.apply_text_edits(edits, handset, encoding)
  out.formatted = vim.api.nvim_buf_get_lines(handset, 0, -1, false)

  -- A rename from the handset file reaches the other handset file (closed) and the config that defines the name.
  local edit = request(handset, 'textDocument/rename', { textDocument = doc(handset), position = find(handset, 'Office'), newName = 'HQ' })
  out.renamed_files = {}
  for uri, _ in pairs(edit.changes or {}) do table.insert(out.renamed_files, vim.fn.fnamemodify(vim.uri_to_fname(uri), ':t')) end
  table.sort(out.renamed_files)
  vim.lsp.util.apply_workspace_edit(edit, encoding)
  local other = vim.uri_to_bufnr(vim.uri_from_fname(root .. '/handsets/ipei_02c332b511.xml'))
  out.after_rename = {
    handset = table.concat(vim.api.nvim_buf_get_lines(handset, 0, -1, false), '\n'),
    other = table.concat(vim.api.nvim_buf_get_lines(other, 0, -1, false), '\n'),
    config = table.concat(vim.api.nvim_buf_get_lines(config, 0, -1, false), '\n'),
  }

  -- A foreign XML file stays silent.
  local pom = open('pom.xml')
  vim.wait(1500, function() return #vim.diagnostic.get(pom) > 0 end, 20)
  out.pom = {
    filetype = vim.bo[pom].filetype,
    codes = codes(pom),
    hover = request(pom, 'textDocument/hover', { textDocument = doc(pom), position = find(pom, '<modelVersion>') }) or vim.NIL,
  }
end)

if not ok then out.error = tostring(problem) end
write_out()
vim.cmd('qa!')
