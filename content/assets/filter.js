/* Filterable index tables. A <div class="samverkan-filter" data-facets="Typ|Status"> before a
 * table gets a search field and one drop-down per named column. Without JavaScript the table
 * stays complete. No libraries, no requests. */
(function () {
  "use strict";

  // The fold table is the site's own (assets/samverkan-fold.js, made from samverkan/model/fold.py).
  var folds = window.samverkanFold || {};
  var fold = function (text) {
    return text.toLowerCase().replace(/[^\u0000-\u007f]/g, function (letter) {
      return folds[letter] || letter;
    });
  };

  /* The values of a cell: the texts of its links, else its comma-separated parts. */
  var cellValues = function (cell) {
    var links = cell.querySelectorAll("a");
    if (links.length) {
      return Array.prototype.map.call(links, function (a) { return a.textContent.trim(); });
    }
    return cell.textContent.split(",").map(function (v) { return v.trim(); }).filter(Boolean);
  };

  var element = function (tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text) { node.textContent = text; }
    return node;
  };

  var setUp = function (marker, number) {
    var next = marker.nextElementSibling;
    var table = next && (next.matches("table") ? next : next.querySelector("table"));
    if (!table || !table.tHead || marker.dataset.ready) { return; }
    marker.dataset.ready = "1";
    var headers = Array.prototype.map.call(table.tHead.rows[0].cells, function (th) { return th.textContent.trim(); });
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var form = element("form", { "class": "samverkan-filter__form", role: "search", "aria-label": "Filtrera tabellen" });
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    var textId = "samverkan-filter-" + number;
    var textLabel = element("label", { "for": textId }, "Filtrera");
    var input = element("input", { id: textId, type: "search", autocomplete: "off", placeholder: "Skriv för att filtrera" });
    var group = element("div", { "class": "samverkan-filter__field" });
    group.append(textLabel, input);
    form.append(group);

    var selects = marker.dataset.facets.split("|").map(function (facet, index) {
      var column = headers.indexOf(facet);
      if (column < 0) { return null; }
      var values = {};
      rows.forEach(function (row) { cellValues(row.cells[column]).forEach(function (v) { values[v] = true; }); });
      var id = textId + "-" + index;
      var select = element("select", { id: id });
      select.append(element("option", { value: "" }, "Alla"));
      Object.keys(values).sort(function (a, b) { return a.localeCompare(b, "sv"); }).forEach(function (value) {
        select.append(element("option", { value: value }, value));
      });
      var field = element("div", { "class": "samverkan-filter__field" });
      field.append(element("label", { "for": id }, facet), select);
      form.append(field);
      return { column: column, select: select };
    }).filter(Boolean);

    var status = element("p", { "class": "samverkan-filter__status", role: "status", "aria-live": "polite" });
    form.append(status);
    marker.append(form);

    // Each row's text is folded, and its facet values read, once: a keystroke then only compares.
    var entries = rows.map(function (row) {
      return {
        row: row,
        text: fold(row.textContent),
        values: selects.map(function (facet) { return cellValues(row.cells[facet.column]); })
      };
    });
    var update = function () {
      var query = fold(input.value.trim());
      var chosen = selects.map(function (facet) { return facet.select.value; });
      var shown = 0;
      entries.forEach(function (entry) {
        var visible = (!query || entry.text.indexOf(query) >= 0) && chosen.every(function (value, index) {
          return !value || entry.values[index].indexOf(value) >= 0;
        });
        if (entry.row.hidden === visible) { entry.row.hidden = !visible; }
        shown += visible ? 1 : 0;
      });
      status.textContent = "Visar " + shown + " av " + rows.length + ".";
    };
    input.addEventListener("input", update);
    selects.forEach(function (facet) { facet.select.addEventListener("change", update); });
    update();
  };

  // A table wider than the page scrolls: as a region with a name and keyboard focus, so that it
  // can be scrolled without a mouse (WCAG 2.1.1). Looked at again when the window changes size.
  var markScrolling = function () {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap"), function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.classList.add("samverkan-scroll");
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", "Tabell, rulla i sidled för fler kolumner");
      } else if (wrap.classList.contains("samverkan-scroll")) {
        wrap.classList.remove("samverkan-scroll");
        ["tabindex", "role", "aria-label"].forEach(function (name) { wrap.removeAttribute(name); });
      }
    });
  };

  var init = function () {
    Array.prototype.forEach.call(document.querySelectorAll(".samverkan-filter"), setUp);
    markScrolling();
    window.addEventListener("resize", markScrolling);
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
