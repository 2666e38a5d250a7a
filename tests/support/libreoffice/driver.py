#!/usr/bin/python3
"""Drive ONE running LibreOffice listener over UNO for the integration tests.

Run with Debian's /usr/bin/python3 (python3-uno is built for it, not for pyenv or venv Pythons):

    /usr/bin/python3 driver.py --port 2002 [OPS.json]      # ops from the file, or from stdin

Input: a JSON list of operations (or {"ops": [...]}). Output on stdout: one JSON object
{"ok": true, "results": [...]} with one result per operation, or {"ok": false, "error": "...",
"opIndex": i, "results": [...]} (exit code 1) when an operation fails; later operations do not run.

Documents stay open in the listener between runs and are found again by their path, so a test can
open a file in one run and type into it in the next. Operations that act on a document take
"doc": path (absolute); without it they act on the document opened last in this run, or on the only
open document.

Cells are addressed as a user would: "sheet" (name or 0-based index) and "cell" ("B3") or
"range" ("A1:C10"). Operations are listed in OPS below; tests/support/libreoffice.ts types them.

Why some things are done the way they are:
- Highlight colours: UNO has no getter for the colour a conditional format shows. Calc's HTML export
  writes each cell's background after applying the conditional format result (ScHTMLExport::WriteCell
  calls ScDocument::GetCondResult, the same evaluation the screen uses, including "first matching
  entry wins"). We export the document to HTML and map <td> elements back to cells, replaying the
  export's own layout rules (data start, hidden rows and columns skipped, merged cells as spans), and
  check every mapped cell's text against the cell's displayed string so a wrong mapping fails loudly.
- Recalculation on load: LibreOffice trusts cached results in .xlsx unless
  /org.openoffice.Office.Calc/Formula/Load/OOXMLRecalcMode is 0 ("always"); "open" sets it.
"""

import json
import os
import re
import sys
import tempfile
import time
from html.parser import HTMLParser

import uno  # noqa: F401  (installs the com.sun.star import hook)
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

CELL_RE = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")

CELL_TYPES = {"EMPTY": "empty", "VALUE": "value", "TEXT": "text", "FORMULA": "formula"}
# com.sun.star.sheet.FormulaResult constants
FORMULA_RESULT = {1: "value", 2: "text", 4: "error"}
# com.sun.star.sheet.ConditionOperator (used by validation and old-style conditions)
CONDITION_OPERATORS = [
    "none", "equal", "notEqual", "greaterThan", "greaterThanOrEqual", "lessThan",
    "lessThanOrEqual", "between", "notBetween", "formula",
]
# com.sun.star.sheet.ConditionFormatOperator (entries of sheet.ConditionalFormats)
CONDITION_FORMAT_OPERATORS = [
    "equal", "less", "greater", "lessEqual", "greaterEqual", "notEqual", "between", "notBetween",
    "duplicate", "unique", "top", "bottom", "topPercent", "bottomPercent", "aboveAverage",
    "belowAverage", "aboveEqualAverage", "belowEqualAverage", "error", "noError", "beginsWith",
    "endsWith", "contains", "notContains", "expression",
]
# com.sun.star.sheet.ConditionEntryType
CONDITION_ENTRY_TYPES = {0: "condition", 1: "colorScale", 2: "dataBar", 3: "iconSet", 4: "date"}


class DriverError(Exception):
    pass


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def to_url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


def parse_cell(a1):
    m = CELL_RE.match(a1.strip())
    if not m:
        raise DriverError("not an A1 cell address: %r" % a1)
    letters, row = m.group(1).upper(), int(m.group(2))
    col = 0
    for ch in letters:
        col = col * 26 + (ord(ch) - 64)
    return col - 1, row - 1


def col_letters(col):
    s = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        s = chr(65 + rem) + s
    return s


def a1(col, row):
    return "%s%d" % (col_letters(col), row + 1)


def colour_hex(value):
    """UNO colours are 0xRRGGBB ints, -1 (COL_TRANSPARENT as signed) for none."""
    if value is None or value < 0:
        return None
    return "%06X" % (value & 0xFFFFFF)


def enum_name(value):
    return getattr(value, "value", str(value))


class HtmlTables(HTMLParser):
    """Collects the <td> cells of each table of Calc's HTML export, with the sheet index anchor."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables = []  # [{"sheet": int|None, "rows": [[td]]}]
        self._anchor = None
        self._td = None
        self._bold = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and (a.get("name") or "").startswith("table"):
            try:
                self._anchor = int(a["name"][5:])
            except ValueError:
                pass
        elif tag == "table":
            self.tables.append({"sheet": self._anchor, "rows": []})
            self._anchor = None
        elif tag == "tr" and self.tables:
            self.tables[-1]["rows"].append([])
        elif tag == "td" and self.tables and self.tables[-1]["rows"]:
            self._td = {
                "bgcolor": (a.get("bgcolor") or "").lstrip("#").upper() or None,
                "colspan": int(a.get("colspan") or 1),
                "rowspan": int(a.get("rowspan") or 1),
                "text": "",
                "fontColor": None,
                "bold": False,
            }
            self.tables[-1]["rows"][-1].append(self._td)
        elif tag == "font" and self._td is not None and a.get("color"):
            self._td["fontColor"] = a["color"].lstrip("#").upper()
        elif tag == "b" and self._td is not None:
            self._td["bold"] = True
        elif tag == "br" and self._td is not None and self._td["text"]:
            self._td["text"] += "\n"

    def handle_endtag(self, tag):
        if tag == "td":
            self._td = None

    def handle_data(self, data):
        if self._td is not None:
            self._td["text"] += data


class Driver:
    def __init__(self, port, timeout):
        self.ctx = self._connect(port, timeout)
        smgr = self.ctx.ServiceManager
        self.desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)
        self.current = None
        self._html_cache = {}  # doc url -> {sheet index: {(col,row): td}}

    @staticmethod
    def _connect(port, timeout):
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        url = "uno:socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext" % port
        deadline = time.monotonic() + timeout
        while True:
            try:
                return resolver.resolve(url)
            except NoConnectException:
                if time.monotonic() >= deadline:
                    raise DriverError("no LibreOffice listener on port %d after %.1f s" % (port, timeout))
                time.sleep(0.1)

    # ---- configuration -------------------------------------------------------------------------
    def _config(self, path, values):
        provider = self.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", self.ctx)
        access = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationUpdateAccess", (prop("nodepath", path),))
        for name, value in values.items():
            access.setPropertyValue(name, value)
        access.commitChanges()

    def _read_config(self, path, name):
        provider = self.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", self.ctx)
        access = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationAccess", (prop("nodepath", path),))
        return access.getPropertyValue(name)

    # ---- documents -----------------------------------------------------------------------------
    def _find_open(self, url):
        components = self.desktop.getComponents().createEnumeration()
        while components.hasMoreElements():
            c = components.nextElement()
            if hasattr(c, "getURL") and c.getURL() == url:
                return c
        return None

    def doc(self, op):
        path = op.get("doc")
        if path:
            d = self._find_open(to_url(path))
            if d is None:
                raise DriverError("document not open: %s" % path)
            return d
        if self.current is not None:
            return self.current
        open_docs = self._open_docs()
        if len(open_docs) == 1:
            return open_docs[0]
        raise DriverError("which document? %d are open (%s): give \"doc\"" % (
            len(open_docs), ", ".join(uno.fileUrlToSystemPath(x.getURL()) for x in open_docs if x.getURL())))

    def _open_docs(self):
        docs = []
        components = self.desktop.getComponents().createEnumeration()
        while components.hasMoreElements():
            c = components.nextElement()
            if hasattr(c, "getSheets"):
                docs.append(c)
        return docs

    def sheet(self, op):
        d = self.doc(op)
        ref = op.get("sheet", 0)
        sheets = d.getSheets()
        if isinstance(ref, int):
            if ref < 0 or ref >= sheets.getCount():
                raise DriverError("no sheet with index %d" % ref)
            return d, sheets.getByIndex(ref)
        if not sheets.hasByName(ref):
            raise DriverError("no sheet named %r (sheets: %s)" % (ref, ", ".join(sheets.getElementNames())))
        return d, sheets.getByName(ref)

    def cell(self, op):
        d, sh = self.sheet(op)
        col, row = parse_cell(op["cell"])
        return d, sh, sh.getCellByPosition(col, row)

    def _invalidate(self, d):
        self._html_cache.pop(d.getURL(), None)

    def op_ping(self, op):
        return {"product": "LibreOffice"}

    def op_open(self, op):
        path = os.path.abspath(op["path"])
        if not os.path.isfile(path):
            raise DriverError("no such file: %s" % path)
        recalc = op.get("recalc", "always")
        if recalc not in ("always", "never"):
            raise DriverError("recalc must be \"always\" or \"never\"")
        mode = 0 if recalc == "always" else 1
        self._config("/org.openoffice.Office.Calc/Formula/Load", {"OOXMLRecalcMode": mode, "ODFRecalcMode": mode})
        url = to_url(path)
        existing = self._find_open(url)
        if existing is not None:
            existing.close(True)
        self._html_cache.pop(url, None)
        started = time.monotonic()
        d = self.desktop.loadComponentFromURL(url, "_blank", 0, (
            prop("Hidden", True),
            prop("ReadOnly", bool(op.get("readOnly", False))),
            prop("MacroExecutionMode", 0),  # NEVER_EXECUTE
            prop("UpdateDocMode", 0),  # NO_UPDATE of links
        ))
        if d is None:
            raise DriverError("LibreOffice could not load %s" % path)
        self.current = d
        return {"loadSeconds": round(time.monotonic() - started, 3), "sheets": self._sheets(d)}

    def op_close(self, op):
        d = self.doc(op)
        url = d.getURL()
        d.close(True)
        self._html_cache.pop(url, None)
        if self.current is d:
            self.current = None
        return {}

    def op_closeAll(self, op):
        n = 0
        components = self.desktop.getComponents().createEnumeration()
        docs = []
        while components.hasMoreElements():
            docs.append(components.nextElement())
        for d in docs:
            if hasattr(d, "close"):
                d.close(True)
                n += 1
        self.current = None
        self._html_cache.clear()
        return {"closed": n}

    def op_config(self, op):
        return {
            "ooxmlRecalcMode": self._read_config("/org.openoffice.Office.Calc/Formula/Load", "OOXMLRecalcMode"),
            "useLockFile": self._read_config("/org.openoffice.Office.Common/Misc", "UseDocumentOOoLockFile"),
        }

    def op_saveAs(self, op):
        d = self.doc(op)
        path = os.path.abspath(op["path"])
        f = op.get("filter", "Calc MS Excel 2007 XML")
        d.storeToURL(to_url(path), (prop("FilterName", f), prop("Overwrite", True)))
        return {"path": path, "bytes": os.path.getsize(path)}

    def op_exportPdf(self, op):
        """PDF of one sheet (its print ranges and page setup), for pictures in docs/."""
        d, sh = self.sheet(op)
        path = os.path.abspath(op["path"])
        cursor = sh.createCursor()
        cursor.gotoStartOfUsedArea(False)
        cursor.gotoEndOfUsedArea(True)
        filter_data = uno.Any("[]com.sun.star.beans.PropertyValue", (prop("Selection", cursor),))
        d.storeToURL(to_url(path), (
            prop("FilterName", "calc_pdf_Export"),
            prop("FilterData", filter_data),
            prop("Overwrite", True),
        ))
        return {"path": path, "bytes": os.path.getsize(path)}

    # ---- typing --------------------------------------------------------------------------------
    def op_setValue(self, op):
        d, _, c = self.cell(op)
        c.setValue(float(op["value"]))
        self._invalidate(d)
        return {}

    def op_setString(self, op):
        d, _, c = self.cell(op)
        c.setString(op["value"])
        self._invalidate(d)
        return {}

    def op_setFormula(self, op):
        """UNO formulas use English names and ';' between arguments ("=SUM(A1;B2)"). Text that is not
        a formula is interpreted as typed input ("12" becomes a number)."""
        d, _, c = self.cell(op)
        c.setFormula(op["formula"])
        self._invalidate(d)
        return {}

    def op_clear(self, op):
        d, sh = self.sheet(op)
        rng = sh.getCellRangeByName(op["range"])
        # VALUE | DATETIME | STRING | FORMULA (com.sun.star.sheet.CellFlags)
        rng.clearContents(1 | 2 | 4 | 16)
        self._invalidate(d)
        return {}

    def op_calculateAll(self, op):
        d = self.doc(op)
        started = time.monotonic()
        d.calculateAll()
        self._invalidate(d)
        return {"seconds": round(time.monotonic() - started, 3)}

    # ---- reading -------------------------------------------------------------------------------
    @staticmethod
    def _cell_info(c):
        t = CELL_TYPES.get(enum_name(c.getType()), "empty")
        info = {"value": c.getValue(), "text": c.getString(), "formula": c.getFormula(), "type": t}
        if t == "formula":
            info["resultType"] = FORMULA_RESULT.get(c.FormulaResultType2, "value")
            err = c.getError()
            info["error"] = err if err else None
        return info

    def op_getCell(self, op):
        _, _, c = self.cell(op)
        return self._cell_info(c)

    def op_getRange(self, op):
        """Whole range: values (numbers, or strings for text), displayed texts, formulas and types.
        Types come from the bulk arrays; only numeric and formula cells need a call each (displayed
        text, error code), and "texts": false skips the displayed texts."""
        _, sh = self.sheet(op)
        rng = sh.getCellRangeByName(op["range"])
        want_texts = op.get("texts", True)
        data = [list(row) for row in rng.getDataArray()]
        formulas = [list(row) for row in rng.getFormulaArray()]
        texts, types, errors = [], [], []
        for r, (drow, frow) in enumerate(zip(data, formulas)):
            tr, ty, er = [], [], []
            for c, (value, formula) in enumerate(zip(drow, frow)):
                if formula == "":
                    t = "empty"
                elif formula.startswith("=") and (not isinstance(value, str) or formula != value):
                    t = "formula"
                elif isinstance(value, str):
                    t = "text"
                else:
                    t = "value"
                cell = rng.getCellByPosition(c, r) if (t == "formula" or (want_texts and t == "value")) else None
                if t == "formula":
                    er.append(cell.getError() or None)
                else:
                    er.append(None)
                if not want_texts:
                    tr.append(None)
                elif t in ("formula", "value"):
                    tr.append(cell.getString())
                else:
                    tr.append(value if t == "text" else "")
                ty.append(t)
            texts.append(tr)
            types.append(ty)
            errors.append(er)
        return {"range": op["range"], "values": data, "texts": texts, "formulas": formulas, "types": types,
                "errors": errors}

    def op_usedRange(self, op):
        _, sh = self.sheet(op)
        cursor = sh.createCursor()
        cursor.gotoStartOfUsedArea(False)
        cursor.gotoEndOfUsedArea(True)
        a = cursor.getRangeAddress()
        return {"range": "%s:%s" % (a1(a.StartColumn, a.StartRow), a1(a.EndColumn, a.EndRow))}

    def op_validation(self, op):
        _, _, c = self.cell(op)
        v = c.getPropertyValue("Validation")
        return {
            "type": enum_name(v.Type).lower(),
            "operator": CONDITION_OPERATORS[enum_name_index(v.getOperator())],
            "formula1": v.getFormula1(),
            "formula2": v.getFormula2(),
            "allowBlank": bool(v.IgnoreBlankCells),
            "showList": int(v.ShowList),
            "showInput": bool(v.ShowInputMessage),
            "inputTitle": v.InputTitle,
            "inputMessage": v.InputMessage,
            "showError": bool(v.ShowErrorMessage),
            "errorTitle": v.ErrorTitle,
            "errorMessage": v.ErrorMessage,
            "errorStyle": enum_name(v.ErrorAlertStyle).lower(),
        }

    def op_protection(self, op):
        _, sh, c = self.cell(op)
        p = c.getPropertyValue("CellProtection")
        return {"locked": bool(p.IsLocked), "formulaHidden": bool(p.IsFormulaHidden), "sheetProtected": bool(sh.isProtected())}

    def op_sheets(self, op):
        return self._sheets(self.doc(op))

    @staticmethod
    def _sheets(d):
        sheets = d.getSheets()
        out = []
        for i in range(sheets.getCount()):
            sh = sheets.getByIndex(i)
            out.append({"index": i, "name": sh.getName(), "visible": bool(sh.IsVisible), "protected": bool(sh.isProtected())})
        return out

    def op_namedRanges(self, op):
        d = self.doc(op)
        names = d.NamedRanges
        out = []
        for n in names.getElementNames():
            out.append({"name": n, "content": names.getByName(n).getContent()})
        return sorted(out, key=lambda x: x["name"])

    def op_conditionalFormats(self, op):
        """The conditional formats of a sheet as LibreOffice holds them, in evaluation order."""
        d, sh = self.sheet(op)
        styles = d.getStyleFamilies().getByName("CellStyles")
        out = []
        for f in sh.ConditionalFormats.getConditionalFormats():
            entries = []
            for i in range(f.getCount()):
                e = f.getByIndex(i)
                entry = {"type": CONDITION_ENTRY_TYPES.get(e.Type, str(e.Type))}
                if e.Type == 0:
                    op_index = e.Operator
                    entry["operator"] = (CONDITION_FORMAT_OPERATORS[op_index]
                                         if 0 <= op_index < len(CONDITION_FORMAT_OPERATORS) else str(op_index))
                    entry["formula1"] = e.Formula1
                    entry["formula2"] = e.Formula2
                    entry["styleName"] = e.StyleName
                    if styles.hasByName(e.StyleName):
                        st = styles.getByName(e.StyleName)
                        entry["background"] = None if st.IsCellBackgroundTransparent else colour_hex(st.CellBackColor)
                        entry["fontColor"] = colour_hex(st.CharColor)
                entries.append(entry)
            out.append({"ranges": f.Range.RangeAddressesAsString, "entries": entries})
        return out

    # ---- highlights ----------------------------------------------------------------------------
    def _html_grid(self, d):
        url = d.getURL()
        cached = self._html_cache.get(url)
        if cached is not None:
            return cached
        fd, tmp = tempfile.mkstemp(suffix=".html", prefix="lo-driver-")
        os.close(fd)
        try:
            d.storeToURL(to_url(tmp), (prop("FilterName", "HTML (StarCalc)"), prop("Overwrite", True)))
            with open(tmp, "r", encoding="utf-8", errors="replace") as fh:
                html = fh.read()
        finally:
            os.unlink(tmp)
        parser = HtmlTables()
        parser.feed(html)
        sheets = d.getSheets()
        exported = [i for i in range(sheets.getCount()) if sheets.getByIndex(i).IsVisible]
        grids = {}
        tables = parser.tables
        for n, table in enumerate(tables):
            if table["sheet"] is not None:
                index = table["sheet"]
            elif len(tables) == 1:
                # A single table gets no anchor: it is the one visible sheet that has content.
                candidates = [i for i in exported if self._has_content(sheets.getByIndex(i))]
                if len(candidates) != 1:
                    raise DriverError("cannot tell which sheet the HTML table belongs to")
                index = candidates[0]
            else:
                raise DriverError("HTML export table %d has no sheet anchor" % n)
            grids[index] = self._map_table(sheets.getByIndex(index), table["rows"])
        self._html_cache[url] = grids
        return grids

    @staticmethod
    def _has_content(sh):
        cursor = sh.createCursor()
        cursor.gotoEndOfUsedArea(False)
        a = cursor.getRangeAddress()
        return not (a.EndColumn == 0 and a.EndRow == 0 and sh.getCellByPosition(0, 0).getType().value == "EMPTY")

    @staticmethod
    def _map_table(sh, rows):
        """Replays ScHTMLExport::WriteTables: rows from the data start, hidden rows and columns skipped,
        cells covered by a merge skipped (their origin carries colspan/rowspan)."""
        cursor = sh.createCursor()
        cursor.gotoStartOfUsedArea(False)  # ScDocument::GetDataStart, as the export uses
        start = cursor.getRangeAddress()
        columns, sheet_rows = sh.getColumns(), sh.getRows()
        col_visible = {}

        def visible_col(c):
            if c not in col_visible:
                col_visible[c] = bool(columns.getByIndex(c).IsVisible)
            return col_visible[c]

        grid = {}
        covered = set()
        r = start.StartRow
        for tds in rows:
            while not sheet_rows.getByIndex(r).IsVisible:
                r += 1
            c = start.StartColumn
            for td in tds:
                while (c, r) in covered or not visible_col(c):
                    c += 1
                grid[(c, r)] = td
                for dr in range(td["rowspan"]):
                    for dc in range(td["colspan"]):
                        covered.add((c + dc, r + dr))
                c += 1
            r += 1
        return grid

    def op_highlight(self, op):
        """The background a cell shows after conditional formatting, as exported by Calc itself.
        Returns one entry per cell of "cell" or "range":
        {cell, background ("RRGGBB" or null), cellBackground (the cell's own fill), conditional
        (background comes from a conditional format), fontColor, bold, text}."""
        d, sh = self.sheet(op)
        grids = self._html_grid(d)
        index = sh.RangeAddress.Sheet
        if index not in grids:
            raise DriverError("sheet %r is not in Calc's HTML export (hidden or empty)" % sh.getName())
        grid = grids[index]
        if "range" in op:
            a = sh.getCellRangeByName(op["range"]).getRangeAddress()
            cells = [(c, r) for r in range(a.StartRow, a.EndRow + 1) for c in range(a.StartColumn, a.EndColumn + 1)]
        else:
            cells = [parse_cell(op["cell"])]
        out = []
        for (c, r) in cells:
            cell = sh.getCellByPosition(c, r)
            own = None if cell.IsCellBackgroundTransparent else colour_hex(cell.CellBackColor)
            td = grid.get((c, r))
            if td is None:
                out.append({"cell": a1(c, r), "background": own, "cellBackground": own, "conditional": False,
                            "fontColor": None, "bold": False, "text": cell.getString(), "exported": False})
                continue
            shown = cell.getString()
            if td["text"].strip() != shown.strip():
                raise DriverError("HTML export mapping mismatch at %s!%s: export shows %r, cell shows %r"
                                  % (sh.getName(), a1(c, r), td["text"], shown))
            out.append({"cell": a1(c, r), "background": td["bgcolor"], "cellBackground": own,
                        "conditional": td["bgcolor"] != own, "fontColor": td["fontColor"], "bold": td["bold"],
                        "text": shown, "exported": True})
        return out


def enum_name_index(value):
    name = enum_name(value)
    mapping = {
        "NONE": 0, "EQUAL": 1, "NOT_EQUAL": 2, "GREATER": 3, "GREATER_EQUAL": 4, "LESS": 5,
        "LESS_EQUAL": 6, "BETWEEN": 7, "NOT_BETWEEN": 8, "FORMULA": 9,
    }
    return mapping.get(name, 0)


def main(argv):
    port = None
    timeout = 1.0
    source = None
    args = list(argv[1:])
    while args:
        a = args.pop(0)
        if a == "--port":
            port = int(args.pop(0))
        elif a == "--connect-timeout":
            timeout = float(args.pop(0))
        else:
            source = a
    if port is None:
        port = int(os.environ.get("LO_PORT", "0")) or None
    if port is None:
        print(json.dumps({"ok": False, "error": "usage: driver.py --port N [OPS.json]"}))
        return 2
    raw = open(source, encoding="utf-8").read() if source else sys.stdin.read()
    ops = json.loads(raw) if raw.strip() else []
    if isinstance(ops, dict):
        ops = ops.get("ops", [])
    results = []
    try:
        driver = Driver(port, timeout)
    except DriverError as e:
        print(json.dumps({"ok": False, "error": str(e), "opIndex": -1, "results": results}, ensure_ascii=False))
        return 3
    for i, op in enumerate(ops):
        name = op.get("op")
        fn = getattr(driver, "op_" + str(name), None)
        if fn is None:
            print(json.dumps({"ok": False, "error": "unknown op %r" % name, "opIndex": i, "results": results},
                             ensure_ascii=False))
            return 1
        try:
            results.append(fn(op))
        except Exception as e:  # UNO exceptions carry their message in .Message
            msg = getattr(e, "Message", "") or str(e)
            print(json.dumps({"ok": False, "error": "%s: %s: %s" % (name, type(e).__name__, msg), "opIndex": i,
                              "results": results}, ensure_ascii=False))
            return 1
    print(json.dumps({"ok": True, "results": results}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
