/* vnkg explorer: results as you type, and sortable tables. Plain JS, no library.
   Text from the server is written with textContent only, never as HTML. */
(function () {
  "use strict";

  function searchBox() {
    var input = document.getElementById("q"), list = document.getElementById("hits");
    if (!input || !list) { return; }
    var timer = null, asked = 0;
    function show(hits, seq) {
      if (seq !== asked) { return; }
      list.textContent = "";
      hits.forEach(function (h) {
        var li = document.createElement("li"), a = document.createElement("a");
        var tag = document.createElement("span");
        tag.className = "tag " + h.label.toLowerCase();
        tag.textContent = h.label;
        a.href = "/" + h.id.split("/").map(encodeURIComponent).join("/");
        a.textContent = h.name;
        a.setAttribute("role", "option");
        li.appendChild(tag);
        li.appendChild(a);
        if (h.hint) {
          var hint = document.createElement("span");
          hint.className = "hint";
          hint.textContent = h.hint;
          li.appendChild(hint);
        }
        list.appendChild(li);
      });
      list.hidden = hits.length === 0;
      window.vnkgHits = hits.length;
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var text = input.value.trim(), seq = ++asked;
      if (text.length < 2) { show([], seq); return; }
      timer = setTimeout(function () {
        fetch("/api/search?q=" + encodeURIComponent(text))
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (hits) { show(hits, seq); })
          .catch(function () { show([], seq); });
      }, 120);
    });
    input.addEventListener("keydown", function (ev) {
      var first = list.querySelector("a");
      if (ev.key === "ArrowDown" && first) { ev.preventDefault(); first.focus(); }
      if (ev.key === "Escape") { list.hidden = true; }
    });
  }

  function cellValue(row, i) {
    var text = row.cells[i] ? row.cells[i].textContent.trim() : "";
    var n = Number(text);
    return text !== "" && !isNaN(n) ? n : text.toLowerCase();
  }

  function sortable(table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, i) {
      th.tabIndex = 0;
      th.setAttribute("aria-sort", "none");
      function sort() {
        var up = th.getAttribute("aria-sort") !== "ascending";
        var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, i), y = cellValue(b, i);
          return (x < y ? -1 : x > y ? 1 : 0) * (up ? 1 : -1);
        });
        rows.forEach(function (r) { body.appendChild(r); });
        Array.prototype.forEach.call(heads, function (h) { h.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", up ? "ascending" : "descending");
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { sort(); } });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    searchBox();
    Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), sortable);
    window.vnkgReady = true;
  });
  // a page shown again from the back-forward cache is ready as it was
  window.addEventListener("pageshow", function () { window.vnkgReady = true; });
}());
